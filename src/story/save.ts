import { cutEdition } from './editions';
import { type ChoiceMade, type StoryContext, type StoryMachine, type StorySnapshot, currentScene, isCredits } from './machine';
import type { StoryPackage, VariableValue } from './schema';

export const SAVE_FORMAT = 'sightline-save/1';

/** A viewer's progress, saved after every transition and offered on reload. */
export interface SavedViewing {
  readonly format: typeof SAVE_FORMAT;
  readonly film: string;
  readonly edition: string | null;
  readonly language: string;
  readonly scene: string;
  readonly context: StoryContext;
  /** ISO time, shown to the viewer ("saved 5 minutes ago"). */
  readonly savedAt: string;
}

/** Key-value storage the shell provides (localStorage by default). */
export interface SaveStorage {
  read(key: string): string | null;
  write(key: string, value: string): void;
  remove(key: string): void;
}

export const saveKey = (film: string) => `sightline.save.${film}`;
export const endingsKey = (film: string) => `sightline.endings.${film}`;

export function createSave(film: string, language: string, snapshot: StorySnapshot, savedAt: Date): SavedViewing {
  return { format: SAVE_FORMAT, film, edition: snapshot.context.edition, language, scene: currentScene(snapshot), context: snapshot.context, savedAt: savedAt.toISOString() };
}

export type RestoreResult =
  | { readonly ok: true; readonly save: SavedViewing; readonly snapshot: StorySnapshot }
  | { readonly ok: false; readonly reason: string };

/**
 * Restores a save into the compiled machine of its edition, if it still fits the package: its
 * scene, clues and variables must still exist. Asset changes never invalidate a save. Hotspots and
 * scenes that disappeared from attention and visit counts are dropped; variables added since are
 * given their initial values. Never throws: anything else is a reason to start over.
 */
export function restoreSave(story: StoryPackage, machineFor: (edition: string | null) => StoryMachine, raw: unknown): RestoreResult {
  try {
    return restore(story, machineFor, raw);
  } catch (error) {
    return { ok: false, reason: `the save could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

function restore(story: StoryPackage, machineFor: (edition: string | null) => StoryMachine, raw: unknown): RestoreResult {
  const stale = (reason: string): RestoreResult => ({ ok: false, reason });
  if (!isRecord(raw) || raw['format'] !== SAVE_FORMAT) return stale('the save is not a Sightline save of this version');
  const save = raw as unknown as SavedViewing;
  if (save.film !== story.id) return stale(`the save belongs to the film "${String(save.film)}"`);
  const editions = Object.keys(story.editions);
  if (save.edition === null ? editions.length > 0 : !editions.includes(save.edition)) return stale(`its edition "${String(save.edition)}" no longer exists`);
  const cut = cutEdition(story, save.edition);
  if (typeof save.scene !== 'string' || !cut.includes(save.scene)) return stale(`its scene "${String(save.scene)}" no longer exists`);
  const c = save.context;
  if (!isRecord(c)) return stale('it has no story memory');
  const knownClues = new Set([...Object.keys(story.clues), ...grantedClues(story)]);
  const clues = stringList(c['clues']);
  const lost = clues.find((clue) => !knownClues.has(clue));
  if (lost !== undefined) return stale(`its clue "${lost}" no longer exists`);
  const savedVariables = isRecord(c['variables']) ? c['variables'] : {};
  const variables: Record<string, VariableValue> = { ...story.variables };
  for (const [name, value] of Object.entries(savedVariables)) {
    const initial = Object.hasOwn(story.variables, name) ? story.variables[name] : undefined;
    if (initial === undefined) return stale(`its variable "${name}" no longer exists`);
    if (typeof value !== typeof initial) return stale(`its variable "${name}" changed type`);
    variables[name] = value as VariableValue;
  }
  const hotspots = new Set(Object.values(story.scenes).flatMap((s) => s.hotspots.map((h) => h.id)));
  const context: StoryContext = {
    edition: save.edition,
    clues,
    dwelled: stringList(c['dwelled']).filter((h) => hotspots.has(h)),
    visits: numbers(c['visits'], (scene) => Object.hasOwn(story.scenes, scene)),
    variables,
    attention: numbers(c['attention'], (h) => hotspots.has(h)),
    sceneMs: finite(c['sceneMs'], 0),
    offeredAtMs: c['offeredAtMs'] === null ? null : finite(c['offeredAtMs'], 0),
    sceneEnded: c['sceneEnded'] === true,
    pendingEnding: typeof c['pendingEnding'] === 'string' && story.scenes[c['pendingEnding']]?.ending ? c['pendingEnding'] : null,
    endingsSeen: stringList(c['endingsSeen']).filter((s) => story.scenes[s]?.ending),
    choiceTimeScale: c['choiceTimeScale'] === null ? null : finite(c['choiceTimeScale'], 1),
    // Saves from before choices were kept have none; a choice whose scene went is dropped.
    choices: choicesMade(c['choices']).filter((m) => story.scenes[m.scene]?.choices.some((choice) => choice.id === m.choice)),
  };
  const snapshot = machineFor(save.edition).resolveState({ value: save.scene, context });
  if (isCredits(snapshot)) return stale('it was saved after the film ended');
  return { ok: true, save: { ...save, context }, snapshot };
}

function grantedClues(story: StoryPackage): string[] {
  return Object.values(story.scenes).flatMap((s) => [
    ...s.hotspots.flatMap((h) => h.grants),
    ...s.mostWatched.flatMap((g) => Object.values(g.grants).flat()),
  ]);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const choicesMade = (v: unknown): ChoiceMade[] =>
  Array.isArray(v)
    ? v
        .filter((m): m is Record<string, unknown> => isRecord(m) && typeof m['scene'] === 'string' && typeof m['choice'] === 'string')
        .map((m) => ({ scene: m['scene'] as string, choice: m['choice'] as string, byDefault: m['byDefault'] === true }))
    : [];
const finite = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
function numbers(v: unknown, keep: (key: string) => boolean): Record<string, number> {
  if (!isRecord(v)) return {};
  return Object.fromEntries(Object.entries(v).filter(([k, n]) => keep(k) && typeof n === 'number' && Number.isFinite(n) && n >= 0)) as Record<string, number>;
}
