import { type StorySnapshot, currentScene, isCredits, isEnding, wrapYaw } from '../story';
import { GAZE_SAMPLES_PER_SECOND, type PathEntry, RECORD_LIMITS, VIEWING_FORMAT, type ViewingOutcome, type ViewingRecord } from './schema';

/** What is known of a viewing when it starts. */
export interface ViewingStart {
  /** A random id (crypto.randomUUID()); it makes every later write, import and upload idempotent. */
  readonly id: string;
  readonly kiosk: string | null;
  readonly film: string;
  readonly revision: string | null;
  readonly edition: string | null;
  readonly language: string;
  readonly startedAt: Date;
}

const GAZE_INTERVAL_MS = 1000 / GAZE_SAMPLES_PER_SECOND;

/**
 * Builds one viewing record as the viewing goes, from the story actor's snapshots (the machine is
 * the authority on scenes, clues and choices) and the stage's gaze. Times are milliseconds since the
 * viewing started, given by the caller, so tests step them. Pure: no clock, no storage; the kiosk
 * writes `record` out as often as it likes.
 */
export class ViewingLog {
  readonly record: ViewingRecord;
  private entryKey = '';
  private cluesSeen = 0;
  private choicesSeen = 0;
  private gazeCount = 0;
  private nextGazeMs = 0;

  constructor(start: ViewingStart) {
    this.record = {
      format: VIEWING_FORMAT,
      id: start.id,
      kiosk: start.kiosk,
      film: start.film,
      revision: start.revision,
      edition: start.edition,
      language: start.language,
      startedAt: start.startedAt.toISOString(),
      endedAt: null,
      outcome: { kind: 'playing' },
      path: [],
      clues: [],
      choices: [],
      variables: {},
      attention: [],
    };
  }

  get finished(): boolean {
    return this.record.endedAt !== null;
  }

  /** The scene being watched, or null before the first snapshot and after the credits. */
  get scene(): string | null {
    const last = this.record.path.at(-1);
    return last && last.leftMs === null ? last.scene : null;
  }

  /** Takes in the story's state after a transition (the actor's subscription calls this). */
  observe(snapshot: StorySnapshot, atMs: number): void {
    if (this.finished) return;
    const record = this.mutable();
    const at = Math.max(0, Math.round(atMs));
    const c = snapshot.context;
    // Clues and choices belong to the scene they happened in: the one before any scene change
    // this snapshot carries (a choice, or a clue granted as the scene ends, moves on at once).
    const here = this.scene ?? currentScene(snapshot);
    for (; this.cluesSeen < c.clues.length; this.cluesSeen++)
      if (record.clues.length < RECORD_LIMITS.clues) record.clues.push({ clue: c.clues[this.cluesSeen]!, scene: here, atMs: at });
    for (; this.choicesSeen < c.choices.length; this.choicesSeen++) {
      const made = c.choices[this.choicesSeen]!;
      if (record.choices.length < RECORD_LIMITS.choices) record.choices.push({ scene: made.scene, choice: made.choice, atMs: at, byDefault: made.byDefault });
    }
    record.variables = { ...c.variables };
    record.attention = Object.entries(c.attention)
      .slice(0, RECORD_LIMITS.hotspots)
      .map(([hotspot, ms]) => ({ hotspot, ms: Math.round(ms) }));

    // The credits close the viewing; it reached its ending on entering the ending scene.
    if (isCredits(snapshot)) return this.close(at);
    const scene = currentScene(snapshot);
    const key = `${scene}#${c.visits[scene] ?? 0}`;
    if (key !== this.entryKey) {
      this.entryKey = key;
      this.leave(at);
      if (record.path.length < RECORD_LIMITS.pathEntries) record.path.push({ scene, enteredMs: at, leftMs: null, gaze: [] });
    }
    if (isEnding(snapshot) && record.outcome.kind !== 'ending') record.outcome = { kind: 'ending', ending: scene };
  }

  /**
   * Where the viewer looks now (degrees; yaw positive to the right, pitch up). Kept a few times a
   * second, so the caller may call it every frame; cheap when it keeps nothing.
   */
  gaze(yaw: number, pitch: number, atMs: number): void {
    if (atMs < this.nextGazeMs || this.finished || this.gazeCount >= RECORD_LIMITS.gazeSamples) return;
    const entry = this.record.path.at(-1) as PathEntry | undefined;
    if (!entry || entry.leftMs !== null) return;
    this.nextGazeMs = atMs + GAZE_INTERVAL_MS;
    (entry.gaze as Array<PathEntry['gaze'][number]>).push([Math.max(0, Math.round(atMs)), tenthOfYaw(yaw), tenth(Math.max(-90, Math.min(90, pitch)))]);
    this.gazeCount++;
  }

  /**
   * Closes the viewing. A viewing that reached an ending keeps that outcome, however it closes (the
   * viewer may take the headset off during the credits); otherwise `outcome` says how it stopped.
   */
  finish(outcome: Exclude<ViewingOutcome, { kind: 'playing' }>, atMs: number): void {
    if (this.finished) return;
    if (this.record.outcome.kind !== 'ending') this.mutable().outcome = outcome;
    this.close(Math.max(0, Math.round(atMs)));
  }

  private close(atMs: number): void {
    this.leave(atMs);
    this.mutable().endedAt = new Date(Date.parse(this.record.startedAt) + atMs).toISOString();
  }

  private leave(atMs: number): void {
    const last = this.record.path.at(-1);
    if (last && last.leftMs === null) (last as { leftMs: number | null }).leftMs = Math.max(last.enteredMs, atMs);
  }

  private mutable(): { -readonly [K in keyof ViewingRecord]: ViewingRecord[K] } & { path: PathEntry[]; clues: ViewingRecord['clues'][number][]; choices: ViewingRecord['choices'][number][] } {
    return this.record as never;
  }
}

/**
 * A record found still open when a kiosk starts again (the page crashed, was reloaded or lost
 * power): closed at the last moment it shows, as interrupted, or as its ending if it had reached one.
 */
export function closeInterrupted(record: ViewingRecord): ViewingRecord {
  if (record.endedAt !== null) return record;
  const last = lastMs(record);
  const path = record.path.map((e, i) => (i === record.path.length - 1 && e.leftMs === null ? { ...e, leftMs: Math.max(e.enteredMs, last) } : e));
  return {
    ...record,
    path,
    outcome: record.outcome.kind === 'ending' ? record.outcome : { kind: 'interrupted' },
    endedAt: new Date(Date.parse(record.startedAt) + last).toISOString(),
  };
}

/** The latest time a record mentions, in ms since it started. */
export function lastMs(record: ViewingRecord): number {
  let last = 0;
  for (const e of record.path) {
    last = Math.max(last, e.enteredMs, e.leftMs ?? 0, e.gaze.at(-1)?.[0] ?? 0);
  }
  for (const c of record.clues) last = Math.max(last, c.atMs);
  for (const c of record.choices) last = Math.max(last, c.atMs);
  return last;
}

/** Length of a finished viewing in ms, or null while it goes on. */
export function viewingMs(record: ViewingRecord): number | null {
  return record.endedAt === null ? null : Math.max(0, Date.parse(record.endedAt) - Date.parse(record.startedAt));
}

const tenth = (v: number) => Math.round(v * 10) / 10;
/** A yaw as the story wraps it, into [-180, 180), to a tenth of a degree: rounding up to 180 reaches the seam, spelled -180. */
function tenthOfYaw(yaw: number): number {
  const t = tenth(wrapYaw(yaw));
  return t === 180 ? -180 : t;
}
