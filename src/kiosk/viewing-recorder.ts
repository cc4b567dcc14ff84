import type { Viewing } from '../app';
import { type ViewingOutcome, type ViewingRecord, ViewingLog } from '../records';
import type { RecordStore } from './record-store';

export interface ViewingRecorderOptions {
  readonly viewing: Viewing;
  readonly log: ViewingLog;
  readonly store: RecordStore | null;
  /** Ended viewings are queued for a station. */
  readonly queue: boolean;
  /** Milliseconds since the viewing started (the kiosk's clock). */
  readonly now: () => number;
  /** A write went wrong, or storage was full and the gaze was dropped. */
  readonly onProblem: (message: string) => void;
  /** The record was written as ended (its outcome is known). */
  readonly onEnded: (record: ViewingRecord) => void;
}

/** Writes a playing viewing at most this often: a crash or power cut loses at most this much. */
export const WRITE_EVERY_MS = 1000;

/**
 * Feeds one viewing's record from its story actor, and writes it to the kiosk's store as it goes:
 * after each change at most once a second, and at once when it ends. Pure bookkeeping around
 * `ViewingLog`; the caller samples gaze into `log` and decides when the viewing is over.
 */
export class ViewingRecorder {
  private dirty = true;
  private endedReported = false;
  private lastWrite = -Infinity;
  private writing: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(private readonly options: ViewingRecorderOptions) {
    const { viewing, log, now } = options;
    const subscription = viewing.actor.subscribe((snapshot) => {
      const wasFinished = log.finished;
      log.observe(snapshot, now());
      this.dirty = true;
      if (!wasFinished && log.finished) this.flush();
    });
    log.observe(viewing.actor.getSnapshot(), now());
    this.unsubscribe = () => subscription.unsubscribe();
    this.flush();
  }

  /** Called a few times a second: writes what changed once a second has passed since the last write. */
  tick(): void {
    if (this.dirty && this.options.now() - this.lastWrite >= WRITE_EVERY_MS) this.flush();
  }

  /** Gaze was sampled: the record changed. */
  touched(): void {
    this.dirty = true;
  }

  /** Ends the viewing (unless the story ended it already) and writes it at once. */
  finish(outcome: Exclude<ViewingOutcome, { kind: 'playing' }>): Promise<void> {
    this.options.log.finish(outcome, this.options.now());
    return this.flush();
  }

  stop(): void {
    this.unsubscribe();
  }

  /** Writes the record as it stands now; writes queue one after another, so none overtakes another. */
  flush(): Promise<void> {
    const { store, log, queue, onProblem, onEnded } = this.options;
    this.dirty = false;
    this.lastWrite = this.options.now();
    // Structured-clone semantics: IndexedDB copies the object when the write is made.
    const record = structuredClone(log.record);
    this.writing = this.writing.then(async () => {
      if (store) {
        try {
          const result = await store.writeKeeping(record, queue);
          if (result === 'without-gaze') onProblem('storage is full: this viewing was kept without its gaze samples');
        } catch (error) {
          onProblem(`could not store the viewing record: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (record.endedAt !== null && !this.endedReported) {
        this.endedReported = true;
        onEnded(record);
      }
    });
    return this.writing;
  }
}
