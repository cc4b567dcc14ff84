import type { GazeSample, ViewingRecord } from './schema';
import { viewingMs } from './viewing-log';

/** Which viewings an audience figure counts. Every field narrows; absent fields take all. */
export interface AudienceFilter {
  readonly film?: string | undefined;
  readonly edition?: string | undefined;
  readonly language?: string | undefined;
  readonly kiosk?: string | undefined;
  /** Viewings started at or after this instant (ISO). */
  readonly from?: string | undefined;
  /** Viewings started before this instant (ISO). */
  readonly to?: string | undefined;
}

export interface SceneFigures {
  /** Viewings that entered the scene at least once. */
  readonly viewers: number;
  /** Entries into the scene, revisits included. */
  readonly visits: number;
  /** Mean time of a finished visit, ms (pauses included). */
  readonly meanMs: number;
  /** Viewings that stopped in this scene without reaching an ending (left, reset, interrupted, error). */
  readonly left: number;
}

export interface ChoiceFigures {
  readonly count: number;
  /** Of the choices taken in the scene, the part that was this one (0–1). */
  readonly share: number;
  /** How many of them were the default, taken when time ran out. */
  readonly byDefault: number;
}

export interface ClueFigures {
  /** Viewings that found the clue. */
  readonly found: number;
  /** Of the viewings that entered a scene where it was found, the part that found it (0–1). */
  readonly rate: number;
}

export interface AudienceSummary {
  readonly viewings: number;
  /** Viewings whose outcome is known (an ending, left, reset, interrupted, error). */
  readonly finished: number;
  /** Outcome kind → viewings. */
  readonly outcomes: Readonly<Record<string, number>>;
  /** Ending scene → viewings that reached it. */
  readonly endings: Readonly<Record<string, number>>;
  /** Mean length of a finished viewing, ms; 0 when none has finished. */
  readonly meanMs: number;
  readonly scenes: Readonly<Record<string, SceneFigures>>;
  /** Scene → choice → figures. */
  readonly choices: Readonly<Record<string, Readonly<Record<string, ChoiceFigures>>>>;
  readonly clues: Readonly<Record<string, ClueFigures>>;
}

/** Whether a record passes a filter. */
export function matches(record: ViewingRecord, filter: AudienceFilter): boolean {
  if (filter.film !== undefined && record.film !== filter.film) return false;
  if (filter.edition !== undefined && record.edition !== filter.edition) return false;
  if (filter.language !== undefined && record.language !== filter.language) return false;
  if (filter.kiosk !== undefined && record.kiosk !== filter.kiosk) return false;
  const started = Date.parse(record.startedAt);
  if (filter.from !== undefined && started < Date.parse(filter.from)) return false;
  if (filter.to !== undefined && started >= Date.parse(filter.to)) return false;
  return true;
}

/**
 * What an audience did, from their viewing records: the studio's audience layer and the station's
 * aggregate endpoints give these same figures (the station's SQL is tested against this function).
 * A record counts once however often it was imported: later copies of an id replace earlier ones.
 */
export function summarize(all: Iterable<ViewingRecord>, filter: AudienceFilter = {}): AudienceSummary {
  const records = [...unique(all)].filter((r) => matches(r, filter));
  const outcomes: Record<string, number> = {};
  const endings: Record<string, number> = {};
  const scenes = new Map<string, { viewers: number; visits: number; finishedVisits: number; totalMs: number; left: number }>();
  const choices = new Map<string, Map<string, { count: number; byDefault: number }>>();
  const clueFound = new Map<string, number>();
  const clueScenes = new Map<string, Set<string>>();
  let finished = 0;
  let totalMs = 0;
  const sceneOf = (id: string) => scenes.get(id) ?? scenes.set(id, { viewers: 0, visits: 0, finishedVisits: 0, totalMs: 0, left: 0 }).get(id)!;

  for (const record of records) {
    const length = viewingMs(record);
    if (length !== null) {
      finished++;
      totalMs += length;
      increment(outcomes, record.outcome.kind);
    }
    if (record.outcome.kind === 'ending') increment(endings, record.outcome.ending);
    const entered = new Set<string>();
    for (const entry of record.path) {
      const figures = sceneOf(entry.scene);
      figures.visits++;
      if (!entered.has(entry.scene)) figures.viewers++;
      entered.add(entry.scene);
      if (entry.leftMs !== null) {
        figures.finishedVisits++;
        figures.totalMs += entry.leftMs - entry.enteredMs;
      }
    }
    const last = record.path.at(-1);
    if (length !== null && record.outcome.kind !== 'ending' && last) sceneOf(last.scene).left++;
    for (const made of record.choices) {
      const byScene = choices.get(made.scene) ?? choices.set(made.scene, new Map()).get(made.scene)!;
      const figures = byScene.get(made.choice) ?? byScene.set(made.choice, { count: 0, byDefault: 0 }).get(made.choice)!;
      figures.count++;
      if (made.byDefault) figures.byDefault++;
    }
    for (const clue of new Set(record.clues.map((c) => c.clue))) clueFound.set(clue, (clueFound.get(clue) ?? 0) + 1);
    for (const c of record.clues) (clueScenes.get(c.clue) ?? clueScenes.set(c.clue, new Set()).get(c.clue)!).add(c.scene);
  }

  const clues: Record<string, ClueFigures> = {};
  for (const [clue, found] of clueFound) {
    const where = clueScenes.get(clue)!;
    const visitors = records.filter((r) => r.path.some((e) => where.has(e.scene))).length;
    clues[clue] = { found, rate: visitors > 0 ? found / visitors : 0 };
  }
  return {
    viewings: records.length,
    finished,
    outcomes,
    endings,
    meanMs: finished > 0 ? totalMs / finished : 0,
    scenes: Object.fromEntries(
      [...scenes].map(([id, s]) => [id, { viewers: s.viewers, visits: s.visits, meanMs: s.finishedVisits > 0 ? s.totalMs / s.finishedVisits : 0, left: s.left }]),
    ),
    choices: Object.fromEntries(
      [...choices].map(([scene, byChoice]) => {
        const taken = [...byChoice.values()].reduce((sum, c) => sum + c.count, 0);
        return [scene, Object.fromEntries([...byChoice].map(([choice, c]) => [choice, { count: c.count, share: c.count / taken, byDefault: c.byDefault }]))];
      }),
    ),
    clues,
  };
}

/** Every gaze sample taken in a scene, over the records that pass the filter. */
export function* gazeSamples(all: Iterable<ViewingRecord>, scene: string, filter: AudienceFilter = {}): Generator<GazeSample> {
  for (const record of unique(all)) {
    if (!matches(record, filter)) continue;
    for (const entry of record.path) if (entry.scene === scene) yield* entry.gaze;
  }
}

/** One record per id: the last one seen (a later copy of an open record is further along). */
export function unique(all: Iterable<ViewingRecord>): Iterable<ViewingRecord> {
  const byId = new Map<string, ViewingRecord>();
  for (const record of all) byId.set(record.id, record);
  return byId.values();
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (Object.hasOwn(counts, key) ? counts[key]! : 0) + 1;
}
