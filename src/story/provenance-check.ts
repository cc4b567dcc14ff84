import { Report } from './checks/report';
import type { Diagnostic } from './diagnostics';
import type { PackageFiles } from './package-files';
import { PROVENANCE_FORMAT, provenanceSchema } from './provenance';
import type { StoryPackage } from './schema';

/** An asset the story names, and where it names it. */
export interface AssetReference {
  readonly src: string;
  readonly at: readonly PropertyKey[];
}

/**
 * The integrity of a package's provenance file: it parses, names this film, every record's file
 * exists with the recorded sha256, records name real scenes, and every asset the story uses has a
 * record (a warning: the credits and the AI label would miss it).
 */
export function checkProvenance(story: StoryPackage, files: PackageFiles, assets: readonly AssetReference[], storyFile = 'story.json'): Diagnostic[] {
  if (story.provenance === undefined) return [];
  const file = story.provenance;
  const inStory = new Report(storyFile);
  const report = new Report(file);
  const regenerate = `Regenerate with \`npm run generate -- scenes/${story.id}\`, or, for an imported asset, update its record.`;
  const text = files.readText(file);
  if (text === null) {
    inStory.error('provenance.missing', ['provenance'], `provenance file "${file}" is missing from the package`, `Run \`npm run generate -- scenes/${story.id}\`, or remove "provenance".`);
    return inStory.diagnostics;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    report.error('provenance.invalid', [], `not valid JSON: ${(error as Error).message}`, 'Fix the file, or regenerate it.');
    return report.diagnostics;
  }
  const parsed = provenanceSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      report.error('provenance.invalid', issue.path, issue.message, `Each record needs scene, role, origin, aiGenerated, tool, version, model, prompt, seed, sha256 and bytes (format "${PROVENANCE_FORMAT}"; see scenes/provenance.schema.json).`);
    return report.diagnostics;
  }
  const provenance = parsed.data;
  if (provenance.film !== story.id) report.error('provenance.film-mismatch', ['film'], `provenance is for film "${provenance.film}", not "${story.id}"`, `Set "film": "${story.id}", or regenerate the file.`);
  for (const [asset, record] of Object.entries(provenance.assets)) {
    const at = ['assets', asset];
    if (record.scene !== undefined && !Object.hasOwn(story.scenes, record.scene))
      report.error('provenance.scene-unknown', [...at, 'scene'], `record of "${asset}" names scene "${record.scene}", which the story does not have`, 'Fix the scene id, or remove the record.');
    if (!files.exists(asset)) {
      report.error('provenance.missing-file', at, `"${asset}" is recorded but missing from the package`, 'Add the file, or remove its record.');
      continue;
    }
    const actual = files.sha256?.(asset);
    if (actual !== undefined && actual !== null && actual !== record.sha256)
      report.error('provenance.hash-mismatch', [...at, 'sha256'], `"${asset}" does not match its record: sha256 ${actual}, recorded ${record.sha256}`, `The file changed after it was recorded. ${regenerate}`);
  }
  const seen = new Set<string>();
  for (const { src, at } of assets) {
    if (seen.has(src) || Object.hasOwn(provenance.assets, src)) continue;
    seen.add(src);
    inStory.warning('provenance.unrecorded', at, `"${src}" has no record in ${file}`, `Every asset needs its provenance for the credits and the AI label. ${regenerate}`);
  }
  return [...inStory.diagnostics, ...report.diagnostics];
}
