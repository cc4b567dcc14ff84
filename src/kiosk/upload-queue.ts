import type { RecordStore } from './record-store';

export interface StationAddress {
  /** The station's base address, for example https://192.168.1.20:8443/ */
  readonly url: string;
  /** This kiosk's secret, sent as a bearer token. */
  readonly token: string;
}

export interface UploadStatus {
  readonly waiting: number;
  readonly lastSentAt: string | null;
  readonly lastError: string | null;
  /** When the next try is due, ms since the epoch; null when nothing waits. */
  readonly nextTryAt: number | null;
}

export interface UploadQueueOptions {
  readonly store: RecordStore;
  readonly station: StationAddress;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** A request that takes longer is abandoned and tried again later. @default 15000 */
  readonly timeoutMs?: number;
  /** First wait after a failure; it doubles up to `maxBackoffMs`. @default 2000 */
  readonly backoffMs?: number;
  /** @default 300000 (five minutes) */
  readonly maxBackoffMs?: number;
  readonly onStatus?: (status: UploadStatus) => void;
  /** Something the operator should know (a refused token, a station that keeps failing). */
  readonly onIncident?: (message: string) => void;
}

/** The station's ingest path, relative to its address. */
export const INGEST_PATH = 'api/viewings';

/**
 * Sends ended viewings to the station, oldest first, one at a time. The outbox lives in IndexedDB,
 * so it survives reloads and days offline; a record leaves it only when the station confirms it
 * (2xx). A retry after a lost answer sends the same record id, which the station stores once. After
 * a failure it waits, doubling up to five minutes; going online, or a new viewing, tries again at once.
 */
export class UploadQueue {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private status: UploadStatus = { waiting: 0, lastSentAt: null, lastError: null, nextTryAt: null };
  private readonly onOnline = () => this.kick();

  constructor(private readonly options: UploadQueueOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.backoffMs = options.backoffMs ?? 2000;
    this.maxBackoffMs = options.maxBackoffMs ?? 300_000;
    globalThis.addEventListener?.('online', this.onOnline);
  }

  /** Tries to send what waits now (after a viewing ends, when the network comes back, at start). */
  kick(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves when the current attempt (if any) is over. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  private async drain(): Promise<void> {
    const { store } = this.options;
    for (;;) {
      if (this.stopped) return;
      const waiting = await store.outbox();
      const id = waiting[0];
      this.report({ waiting: waiting.length, nextTryAt: null });
      if (id === undefined) {
        this.failures = 0;
        return;
      }
      const record = await store.get(id);
      if (!record) {
        await store.confirmed(id);
        continue;
      }
      const problem = await this.send(JSON.stringify(record));
      if (problem === null) {
        await store.confirmed(id);
        this.failures = 0;
        this.report({ waiting: waiting.length - 1, lastSentAt: new Date().toISOString(), lastError: null });
        continue;
      }
      this.failures++;
      const wait = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (this.failures - 1));
      this.report({ lastError: problem, nextTryAt: Date.now() + wait });
      if (this.failures === 1 || this.failures % 10 === 0) this.options.onIncident?.(`sending viewings to the station: ${problem}`);
      this.timer = setTimeout(() => this.kick(), wait);
      return;
    }
  }

  /** Null when the station confirmed the record, else what went wrong. */
  private async send(body: string): Promise<string | null> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      const response = await this.fetch(new URL(INGEST_PATH, ensureSlash(this.options.station.url)), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.station.token}` },
        body,
        signal: abort.signal,
      });
      if (response.ok) return null;
      if (response.status === 401 || response.status === 403) return `the station refused this kiosk's token (${response.status}); check station.token in kiosk.json`;
      return `the station answered ${response.status}`;
    } catch (error) {
      return abort.signal.aborted ? `no answer within ${this.timeoutMs / 1000} s` : `the station could not be reached (${error instanceof Error ? error.message : String(error)})`;
    } finally {
      clearTimeout(timer);
    }
  }

  private report(change: Partial<UploadStatus>): void {
    this.status = { ...this.status, ...change };
    this.options.onStatus?.(this.status);
  }
}

const ensureSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
