import type { z } from 'zod';
import { cluesInCondition } from './condition';
import { type Diagnostic, hasErrors, jsonPath } from './diagnostics';
import { type LocalizedText } from './text';
import { type StoryPackage, storySchema } from './schema';

export interface ValidateOptions {
  /** File name used in diagnostics. @default "story.json" */
  readonly file?: string;
  /** The folder name the package was loaded from; its `id` must match. */
  readonly expectedId?: string;
}

export interface ValidationResult {
  /** The package with defaults filled in, present only when there are no errors. */
  readonly story: StoryPackage | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Validates a parsed story package: the schema first, then the story graph. Never throws; every
 * problem becomes a diagnostic naming the file, the JSON path and what to do.
 */
export function validateStory(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const file = options.file ?? 'story.json';
  const parsed = storySchema.safeParse(input);
  if (!parsed.success) return { story: undefined, diagnostics: parsed.error.issues.flatMap((issue) => fromSchemaIssue(issue, file)) };
  const diagnostics = checkStory(parsed.data, file, options.expectedId);
  return { story: hasErrors(diagnostics) ? undefined : parsed.data, diagnostics };
}

function fromSchemaIssue(issue: z.core.$ZodIssue, file: string): Diagnostic[] {
  if (issue.code === 'invalid_union') {
    const branch = closestBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => fromSchemaIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, file));
  }
  return [diagnosticOf(issue, file)];
}

/**
 * For a value that matches no shape of a union (a condition, a text), the shape it came closest to:
 * the branch whose errors lie deepest inside the value, if any lies deeper than the value itself.
 */
function closestBranch(branches: ReadonlyArray<readonly z.core.$ZodIssue[]>): readonly z.core.$ZodIssue[] | null {
  let best: readonly z.core.$ZodIssue[] | null = null;
  let bestDepth = 0;
  for (const issues of branches) {
    const depth = Math.min(...issues.map((i) => i.path.length));
    if (issues.length > 0 && depth > bestDepth) {
      best = issues;
      bestDepth = depth;
    }
  }
  return best;
}

function diagnosticOf(issue: z.core.$ZodIssue, file: string): Diagnostic {
  const path = jsonPath(issue.path);
  const base = { severity: 'error' as const, file, path };
  switch (issue.code) {
    case 'custom': {
      const code = typeof issue.params?.['code'] === 'string' ? issue.params['code'] : 'schema.custom';
      return { ...base, code, message: issue.message, hint: 'Put the file inside the package folder and give its path relative to story.json, like "assets/hall.webp".' };
    }
    case 'invalid_type': {
      const missing = issue.message.endsWith('received undefined');
      return missing
        ? { ...base, code: 'schema.missing', message: `required field is missing (expected ${issue.expected})`, hint: `Add "${String(issue.path.at(-1))}".` }
        : { ...base, code: 'schema.invalid-type', message: issue.message.replace(/^Invalid input: /, ''), hint: `Give a ${issue.expected} here.` };
    }
    case 'unrecognized_keys':
      return {
        ...base,
        code: 'schema.unknown-field',
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        hint: 'Check the spelling, or remove it; scenes/story.schema.json lists the allowed fields.',
      };
    case 'invalid_union':
      return { ...base, code: 'schema.invalid-value', message: 'does not match any allowed shape', hint: unionHint(issue.path) };
    case 'invalid_value':
      return { ...base, code: 'schema.invalid-value', message: issue.message.replace(/^Invalid input: /, ''), hint: `Use ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.` };
    case 'too_small':
    case 'too_big':
      return { ...base, code: 'schema.out-of-range', message: issue.message, hint: 'Use a value inside the allowed range.' };
    default:
      return { ...base, code: 'schema.invalid-value', message: issue.message, hint: 'See scenes/story.schema.json for what is allowed here.' };
  }
}

function unionHint(path: readonly PropertyKey[]): string {
  if (path.includes('when')) return 'A condition is one of { "clue": id }, { "all": [...] }, { "any": [...] }, { "not": condition }.';
  if (path.at(-1) === 'media') return 'Media is { "type": "panorama", "src": "assets/…" } or { "type": "color", "color": "#rrggbb" }.';
  return 'Give a string, or a map from language tag to string like { "en": "…", "zh-CN": "…" }.';
}

/** Checks of the story graph that a schema cannot express. */
function checkStory(story: StoryPackage, file: string, expectedId: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (code: string, path: PropertyKey[], message: string, hint: string) =>
    out.push({ severity: 'error', code, file, path: jsonPath(path), message, hint });
  const warning = (code: string, path: PropertyKey[], message: string, hint: string) =>
    out.push({ severity: 'warning', code, file, path: jsonPath(path), message, hint });

  const sceneIds = Object.keys(story.scenes);
  const knownScenes = `Known scenes: ${sceneIds.join(', ')}.`;
  if (expectedId !== undefined && story.id !== expectedId)
    error('film.id-mismatch', ['id'], `film id "${story.id}" does not match its folder "${expectedId}"`, `Rename the folder or set "id": "${expectedId}".`);
  if (!story.scenes[story.start]) error('scene.unknown', ['start'], `start scene "${story.start}" does not exist`, knownScenes);
  if (new Set(story.languages).size !== story.languages.length)
    error('language.duplicate', ['languages'], 'a language is listed twice', 'List each language once.');

  const granted = new Set<string>();
  const hotspotSeen = new Map<string, string>();
  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    scene.hotspots.forEach((hotspot, i) => {
      hotspot.grants.forEach((clue) => granted.add(clue));
      const first = hotspotSeen.get(hotspot.id);
      if (first !== undefined)
        error('hotspot.duplicate', ['scenes', sceneId, 'hotspots', i, 'id'], `hotspot id "${hotspot.id}" is already used at ${first}`, 'Hotspot ids are unique within the package; rename one.');
      else hotspotSeen.set(hotspot.id, jsonPath(['scenes', sceneId, 'hotspots', i]));
    });
  }

  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    const at = ['scenes', sceneId];
    const choiceIds = new Set<string>();
    scene.choices.forEach((choice, i) => {
      if (choiceIds.has(choice.id)) error('choice.duplicate', [...at, 'choices', i, 'id'], `choice id "${choice.id}" is used twice in scene "${sceneId}"`, 'Choice ids are unique within their scene; rename one.');
      choiceIds.add(choice.id);
      if (!story.scenes[choice.to]) error('scene.unknown', [...at, 'choices', i, 'to'], `choice leads to unknown scene "${choice.to}"`, knownScenes);
      if (choice.when)
        for (const { clue, at: where } of cluesInCondition(choice.when, [...at, 'choices', i, 'when']))
          if (!granted.has(clue)) error('clue.never-granted', where, `no hotspot grants clue "${clue}", so this condition depends on something the viewer can never find`, 'Add the clue to a hotspot\'s "grants", or fix its spelling.');
    });
    if (scene.ending && scene.choices.length > 0)
      warning('scene.ending-with-choices', [...at, 'choices'], `ending scene "${sceneId}" offers choices that are never shown`, 'Remove the choices or "ending": true.');
    if (!scene.ending && scene.choices.length === 0)
      error('scene.dead-end', [...at], `scene "${sceneId}" is not an ending and offers no choice, so the viewer is stuck there`, 'Add a choice or mark it "ending": true.');
    checkTexts(story, scene.title, [...at, 'title'], warning);
    scene.hotspots.forEach((h, i) => checkTexts(story, h.label, [...at, 'hotspots', i, 'label'], warning));
    scene.choices.forEach((c, i) => checkTexts(story, c.label, [...at, 'choices', i, 'label'], warning));
  }
  checkTexts(story, story.title, ['title'], warning);
  for (const [clue, text] of Object.entries(story.clues)) checkTexts(story, text, ['clues', clue], warning);

  if (story.scenes[story.start]) {
    const reached = reachableScenes(story);
    for (const sceneId of sceneIds)
      if (!reached.has(sceneId)) warning('scene.unreachable', ['scenes', sceneId], `no choice leads to scene "${sceneId}"`, 'Link it from a choice, or remove it.');
    if (![...reached].some((s) => story.scenes[s]?.ending)) error('ending.unreachable', ['start'], 'no ending can be reached from the start scene', 'Mark a reachable scene "ending": true.');
  }
  return out;
}

type Report = (code: string, path: PropertyKey[], message: string, hint: string) => void;

function checkTexts(story: StoryPackage, text: LocalizedText, path: PropertyKey[], warning: Report): void {
  if (typeof text === 'string') return;
  for (const language of story.languages)
    if (text[language] === undefined)
      warning('text.missing-language', path, `no "${language}" text; the ${story.languages[0]} text is shown instead`, `Add "${language}": "…".`);
}

/** Scenes reachable from the start by any choice, ignoring conditions (a linear pass). */
export function reachableScenes(story: StoryPackage): Set<string> {
  const reached = new Set<string>([story.start]);
  const queue = [story.start];
  for (let sceneId = queue.shift(); sceneId !== undefined; sceneId = queue.shift())
    for (const choice of story.scenes[sceneId]?.choices ?? [])
      if (!reached.has(choice.to) && story.scenes[choice.to]) {
        reached.add(choice.to);
        queue.push(choice.to);
      }
  return reached;
}
