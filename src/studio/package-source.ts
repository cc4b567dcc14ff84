import { type Diagnostic, type StoryPackage, hasErrors, parseJson, validateStory } from '../story';
import type { PackagePayload } from './package-protocol';

/** One reading of the package: what it says, and the story when it plays. */
export interface PackageReading {
  readonly film: string;
  readonly revision: string;
  /** The story, when the package has no errors; null otherwise. */
  readonly story: StoryPackage | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A package as the studio reads it: story.json's text parsed and validated (the player's own
 * checks), with the diagnostics the dev server found besides (file checks) when it sent them.
 * A package with any error has no story: the studio keeps showing its last good reading.
 */
export function readPackage(payload: PackagePayload, fromServer: boolean): PackageReading {
  const base = { film: payload.film, revision: payload.revision };
  if (payload.text === null) return { ...base, story: null, diagnostics: payload.diagnostics };
  const parsed = parseJson(payload.text, 'story.json');
  if ('diagnostic' in parsed) return { ...base, story: null, diagnostics: fromServer ? payload.diagnostics : [parsed.diagnostic] };
  const result = validateStory(parsed.value, { file: 'story.json', expectedId: payload.film });
  const diagnostics = fromServer ? payload.diagnostics : result.diagnostics;
  return { ...base, story: result.story && !hasErrors(diagnostics) ? result.story : null, diagnostics };
}
