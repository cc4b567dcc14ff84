import { type Diagnostic, type StoryPackage, type UiText, type VariableValue, cutEdition, editionIds, languageName, listSome, matchLanguage } from '../story';
import type { PlayerParams } from './params';

/** What an author's preview parameters ask of a viewing (`?scene=`, `?var.<name>=`, `?hotspots=1`). */
export interface ViewingPreview {
  /** Open on this scene instead of the film's start, or null. */
  readonly start: string | null;
  /** Initial variable values replacing the film's. */
  readonly variables: Readonly<Record<string, VariableValue>>;
  /** Outline every hotspot with its label. */
  readonly hotspots: boolean;
}

export type PreviewResult =
  | { readonly ok: true; readonly preview: ViewingPreview; readonly edition: string | null; readonly fresh: boolean }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const problem = (path: string, message: string, hint: string): Diagnostic => ({ severity: 'error', code: 'player.preview-parameter', file: 'page address', path, message, hint });

/**
 * Checks the preview parameters against the film. A scene or variable the film does not have is
 * an error naming the parameter and what the film has. A scene outside the edition asked for is
 * an error too; with no `?edition=`, the first edition that plays the scene is taken. `fresh` says
 * the viewing starts at once and anew (no start screen, no resume), as under `?autoplay=1`.
 */
export function readPreview(story: StoryPackage, params: PlayerParams, edition: string | null): PreviewResult {
  const diagnostics: Diagnostic[] = [];
  let start: string | null = null;
  let playing = edition;
  if (params.scene !== null) {
    const scenes = Object.keys(story.scenes);
    if (!Object.hasOwn(story.scenes, params.scene))
      diagnostics.push(problem('?scene=', `there is no scene "${params.scene}" in this film; its scenes are: ${listSome(scenes)}`, 'Give one of those scene ids, or leave ?scene= out to start from the beginning.'));
    else if (!cutEdition(story, edition).includes(params.scene)) {
      const other = params.edition === null ? editionIds(story).find((e) => cutEdition(story, e).includes(params.scene!)) : undefined;
      if (other === undefined)
        diagnostics.push(problem('?scene=', `the scene "${params.scene}" does not play in the edition "${edition}"`, 'Leave ?edition= out, or name an edition the scene plays in.'));
      else playing = other;
    }
    if (diagnostics.length === 0) start = params.scene;
  }
  const variables: Record<string, VariableValue> = {};
  for (const [name, raw] of Object.entries(params.variables)) {
    const path = `?var.${name}=`;
    if (!Object.hasOwn(story.variables, name)) {
      const known = Object.keys(story.variables);
      diagnostics.push(problem(path, `there is no variable "${name}" in this film; ${known.length > 0 ? `its variables are: ${listSome(known)}` : 'it declares none'}`, 'Give a variable declared in story.json "variables".'));
      continue;
    }
    const value = typed(story.variables[name]!, raw);
    if (value === undefined) diagnostics.push(problem(path, `"${raw}" is not a ${typeof story.variables[name]} like the variable's initial value`, typeof story.variables[name] === 'boolean' ? 'Use true or false.' : 'Use a number, like 2 or -0.5.'));
    else variables[name] = value;
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const preview = { start, variables, hotspots: params.hotspots };
  return { ok: true, preview, edition: playing, fresh: isPreview(preview) };
}

/**
 * Whether a viewing is an author's preview: it opens on a chosen scene or with forced variables.
 * Such a viewing starts anew and is not a viewer's place (it is never saved).
 */
export const isPreview = (preview: Pick<ViewingPreview, 'start' | 'variables'>): boolean => preview.start !== null || Object.keys(preview.variables).length > 0;

/** A parameter's text as a value of the same type as the variable's initial value, or undefined. */
function typed(initial: VariableValue, raw: string): VariableValue | undefined {
  if (typeof initial === 'string') return raw;
  if (typeof initial === 'boolean') return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : undefined;
  const n = raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * What the page's address asked for that the film does not have, where the player plays its default
 * instead: `?edition=` and `?lang=`. Said to the viewer (an unknown `?scene=` is an error instead).
 * Looked up with `Object.hasOwn`, so `__proto__` and its kin are just unknown names.
 */
export function parameterNotices(story: StoryPackage, params: PlayerParams, played: { edition: string | null; language: string }, text: UiText): string[] {
  const notices: string[] = [];
  const fill = (template: string, asked: string, instead: string) => template.replace('{asked}', asked).replace('{instead}', instead);
  if (params.edition !== null && !Object.hasOwn(story.editions, params.edition))
    notices.push(fill(played.edition === null ? text.unknownEditionWhole : text.unknownEdition, params.edition, played.edition ?? ''));
  if (params.lang !== null && matchLanguage(params.lang, story.languages) === undefined) notices.push(fill(text.unknownLanguage, params.lang, languageName(played.language)));
  return notices;
}
