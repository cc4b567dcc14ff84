import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type ViewingOutcome, type ViewingRecord, closeInterrupted, viewingMs } from '../records';

/** What the operator panel lists of a viewing without reading its gaze samples. */
export interface ViewingSummary {
  readonly id: string;
  readonly film: string;
  readonly edition: string | null;
  readonly language: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly outcome: ViewingOutcome;
  readonly lengthMs: number | null;
}

/** Something the kiosk went through that its operator should know about. */
export interface KioskIncident {
  readonly at: string;
  readonly kind: 'error' | 'storage' | 'upload' | 'watchdog' | 'reset' | 'film';
  readonly message: string;
}

interface KioskDB extends DBSchema {
  /** Every viewing, by id: rewritten while it plays, never changed once it has ended. */
  viewings: { key: string; value: ViewingRecord };
  /** The small part of each viewing, for counts and lists. */
  summaries: { key: string; value: ViewingSummary; indexes: { startedAt: string } };
  /** Ended viewings not yet confirmed by the station, oldest first. */
  outbox: { key: string; value: { id: string; queuedAt: string } };
  incidents: { key: number; value: KioskIncident };
}

const DB_NAME = 'sightline-kiosk';
/** Incidents kept for the operator panel; older ones are dropped. */
const INCIDENTS_KEPT = 200;

/**
 * The kiosk's viewing records in IndexedDB (through idb): written as each viewing goes, so a crash
 * or a power cut loses at most the last write; a viewing that has ended is never rewritten, and
 * every write is keyed by its record's id, so replays and imports cannot double it. Ended viewings
 * wait in an outbox until a station confirms them.
 */
export class RecordStore {
  private constructor(private readonly db: IDBPDatabase<KioskDB>) {}

  static async open(name = DB_NAME): Promise<RecordStore> {
    const db = await openDB<KioskDB>(name, 1, {
      upgrade(db) {
        db.createObjectStore('viewings', { keyPath: 'id' });
        db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('incidents', { autoIncrement: true });
      },
    });
    return new RecordStore(db);
  }

  /**
   * Writes a viewing as it stands. An ended viewing is queued for the station (when `queue`) in the
   * same transaction; a viewing already ended in the store is left as it is (records only grow).
   * Returns false when the record was refused for that reason.
   */
  async write(record: ViewingRecord, queue: boolean): Promise<boolean> {
    const tx = this.db.transaction(['viewings', 'summaries', 'outbox'], 'readwrite');
    const stored = await tx.objectStore('viewings').get(record.id);
    if (stored && stored.endedAt !== null) {
      await tx.done;
      return false;
    }
    await tx.objectStore('viewings').put(record);
    await tx.objectStore('summaries').put(summaryOf(record));
    if (record.endedAt !== null && queue) await tx.objectStore('outbox').put({ id: record.id, queuedAt: new Date().toISOString() });
    await tx.done;
    return true;
  }

  /**
   * Writes a viewing, and when storage is full, writes it again without its gaze samples: the
   * viewing still counts, and its path, clues and choices are kept. Says what it had to give up.
   */
  async writeKeeping(record: ViewingRecord, queue: boolean): Promise<'written' | 'without-gaze' | 'refused'> {
    try {
      return (await this.write(record, queue)) ? 'written' : 'refused';
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      const lighter = { ...record, path: record.path.map((e) => ({ ...e, gaze: [] })) };
      return (await this.write(lighter, queue)) ? 'without-gaze' : 'refused';
    }
  }

  /**
   * Closes the viewings a crash, a reload or a power cut left open, at the last moment each shows;
   * returns them. Run once when a kiosk starts, before its first viewing.
   */
  async closeInterrupted(queue: boolean): Promise<ViewingRecord[]> {
    const open = (await this.db.getAll('summaries')).filter((s) => s.endedAt === null);
    const closed: ViewingRecord[] = [];
    for (const { id } of open) {
      const record = await this.db.get('viewings', id);
      if (!record) continue;
      const done = closeInterrupted(record);
      await this.write(done, queue);
      closed.push(done);
    }
    return closed;
  }

  get(id: string): Promise<ViewingRecord | undefined> {
    return this.db.get('viewings', id);
  }

  /** Every viewing's summary, oldest first. */
  summaries(): Promise<ViewingSummary[]> {
    return this.db.getAllFromIndex('summaries', 'startedAt');
  }

  /** Every record, oldest first, one at a time (an export streams them without holding all). */
  async *records(): AsyncGenerator<ViewingRecord> {
    for (const { id } of await this.summaries()) {
      const record = await this.db.get('viewings', id);
      if (record) yield record;
    }
  }

  /** Ids waiting for the station, oldest first. */
  async outbox(): Promise<string[]> {
    const queued = await this.db.getAll('outbox');
    return queued.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)).map((q) => q.id);
  }

  /** The station confirmed it: it leaves the outbox (the record itself stays). */
  async confirmed(id: string): Promise<void> {
    await this.db.delete('outbox', id);
  }

  async note(kind: KioskIncident['kind'], message: string): Promise<void> {
    const tx = this.db.transaction('incidents', 'readwrite');
    await tx.store.add({ at: new Date().toISOString(), kind, message: message.slice(0, 500) });
    const count = await tx.store.count();
    if (count > INCIDENTS_KEPT) {
      let cursor = await tx.store.openCursor();
      for (let extra = count - INCIDENTS_KEPT; cursor && extra > 0; extra--) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
    await tx.done;
  }

  /** The latest incidents, newest first. */
  async incidents(limit = 20): Promise<KioskIncident[]> {
    const all = await this.db.getAll('incidents');
    return all.slice(-limit).reverse();
  }

  close(): void {
    this.db.close();
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'UnknownError');
}

function summaryOf(record: ViewingRecord): ViewingSummary {
  return {
    id: record.id,
    film: record.film,
    edition: record.edition,
    language: record.language,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    outcome: record.outcome,
    lengthMs: viewingMs(record),
  };
}
