import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics';
import type { PackageFiles } from '../package-file-reader';
import { parseJson } from '../parse';
import { PROVENANCE_FORMAT, provenanceSchema } from '../provenance';
import type { AssetReference } from '../package-assets';
import type { StoryPackage } from '../schema';
import { listSome } from '../list-some';
import { Report } from './report';

/**
 * The integrity of a package's provenance file (when story.json names one): it parses and matches
 * `sightline-provenance/1`, it names this film, every record's file exists with the recorded
 * sha256, records name scenes of the package, and every asset the story uses has a record (a
 * warning: the credits and the AI label would miss it).
 */
export function checkProvenance(story: StoryPackage, files: PackageFiles, assets: readonly AssetReference[], storyFile = 'story.json'): Diagnostic[] {
  if (story.provenance === undefined) return [];
  const file = story.provenance;
  const inStory = new Report(storyFile);
  const report = new Report(file);
  const regenerate = `Regenerate it with \`npm run generate -- scenes/${story.id}\`, or, for an imported asset, update its record (sha256 and bytes).`;

  const text = files.readText(file);
  if (text === null) {
    inStory.error('provenance.missing', ['provenance'], `provenance file "${file}" is missing from the package`, `Run \`npm run generate -- scenes/${story.id}\` to write it, or remove "provenance".`);
    return inStory.diagnostics;
  }
  const json = parseJson(text, file);
  if ('diagnostic' in json) {
    report.error('provenance.invalid', [], json.diagnostic.message, `${json.diagnostic.hint} Or regenerate the file with \`npm run generate -- scenes/${story.id}\`.`);
    return report.diagnostics;
  }
  const parsed = provenanceSchema.safeParse(json.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { message, hint } = describeIssue(issue);
      report.error('provenance.invalid', issue.path, message, hint);
    }
    return report.diagnostics;
  }
  const provenance = parsed.data;

  if (provenance.film !== story.id)
    report.error('provenance.film-mismatch', ['film'], `provenance is for film "${provenance.film}", not "${story.id}"`, `Set "film": "${story.id}" if the records are this package's; otherwise regenerate the file.`);
  const sceneIds = Object.keys(story.scenes);
  for (const [asset, record] of Object.entries(provenance.assets)) {
    const at = ['assets', asset];
    if (record.scene !== undefined && !Object.hasOwn(story.scenes, record.scene))
      report.error('provenance.scene-unknown', [...at, 'scene'], `the record of "${asset}" names scene "${record.scene}", which the package does not have`, `Use a scene of story.json (${listSome(sceneIds)}), or remove the record.`);
    const actual = files.exists(asset) ? files.sha256(asset) : null;
    if (actual === null) {
      report.error('provenance.missing-file', at, `"${asset}" is recorded but missing from the package`, `Add the file, or remove its record. ${regenerate}`);
      continue;
    }
    if (actual !== record.sha256)
      report.error(
        'provenance.hash-mismatch',
        [...at, 'sha256'],
        `"${asset}" does not match its record: expected sha256 ${record.sha256}, the file has ${actual}`,
        `The file changed after it was recorded. ${regenerate}`,
      );
  }

  const seen = new Set<string>();
  for (const { src, at } of assets) {
    if (seen.has(src)) continue;
    seen.add(src);
    if (!Object.hasOwn(provenance.assets, src))
      inStory.warning('provenance.unrecorded', at, `asset "${src}" has no record in ${file}`, `The credits and the AI label read every asset's record. ${regenerate}`);
  }
  return [...inStory.diagnostics, ...report.diagnostics];
}

/** A schema problem of the provenance file, said the way the author fixes it. */
function describeIssue(issue: z.core.$ZodIssue): { message: string; hint: string } {
  const field = issue.path.at(-1);
  const reference = `Each record has scene, role, origin, aiGenerated, tool, version, model, prompt, seed, sha256 and bytes; see scenes/provenance.schema.json (format "${PROVENANCE_FORMAT}").`;
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'))
    return { message: `required field "${String(field)}" is missing (expected ${issue.expected})`, hint: `Add "${String(field)}". ${reference}` };
  if (issue.code === 'unrecognized_keys')
    return { message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`, hint: `Check the spelling, or remove it. ${reference}` };
  return { message: issue.message.replace(/^Invalid input: /, ''), hint: reference };
}
