/** Where a file of media stands: on its way, loaded, or failed (a failure stays for the viewing). */
export type MediaStatus = 'loading' | 'ready' | 'failed';

/** A file that could not be loaded, and why (the same object every time it is asked for). */
export interface MediaFailure {
  readonly status: 'failed';
  readonly error: string;
}

/**
 * What every library of media (pictures, videos, splat worlds, models, narration, ambience) does:
 * loads each file once, holds the ones the memory governor keeps and releases the others, says
 * what a file takes in memory (measured once loaded, estimated before), and tells its subscribers
 * whenever a file settles.
 */
export interface MediaLibrary {
  /** Changes whenever a file settles, for `useSyncExternalStore`. */
  readonly version: number;
  subscribe(listener: () => void): () => void;
  status(url: string): MediaStatus;
  /** Why `url` failed, if it did. */
  error(url: string): string | undefined;
  /**
   * Bytes `url` holds once loaded, else what it is expected to hold (from `width`, the width its
   * media entry declares, where the kind has one); nothing for a file that failed.
   */
  bytesOf(url: string, width?: number): number;
  /** Bytes of the files loaded and held now. */
  heldBytes(): number;
  /** Holds `urls` (loading those not yet loaded, unless they failed) and releases everything else. */
  keepOnly(urls: ReadonlySet<string>): void;
  /** Releases everything. */
  dispose(): void;
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * The skeleton every library shares: its held entries by URL, the failures of the viewing, its
 * subscribers and version, and `keepOnly`, `bytesOf`, `heldBytes` and `dispose` built on what each
 * kind says about one entry (how to open and release it, whether it is ready, what it measures).
 */
export abstract class HeldMedia<Entry> implements MediaLibrary {
  /** The files held now, loading or loaded. */
  protected readonly entries = new Map<string, Entry>();
  private readonly failures = new Map<string, MediaFailure>();
  private readonly listeners = new Set<() => void>();
  version = 0;

  /** Starts loading `url`; the entry returned is held under it. */
  protected abstract open(url: string): Entry;
  /** Frees what an entry holds; it is no longer held. */
  protected abstract release(entry: Entry, url: string): void;
  protected abstract statusOf(entry: Entry): MediaStatus;
  /** Bytes an entry holds once loaded, or null while it is not. */
  protected abstract measure(entry: Entry, url: string): number | null;
  /** Bytes a file not yet loaded is expected to hold. */
  protected abstract estimate(url: string, width: number | undefined): number;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(url: string): MediaStatus {
    if (this.failures.has(url)) return 'failed';
    const entry = this.entries.get(url);
    return entry === undefined ? 'loading' : this.statusOf(entry);
  }

  error(url: string): string | undefined {
    return this.failures.get(url)?.error;
  }

  bytesOf(url: string, width?: number): number {
    if (this.failures.has(url)) return 0;
    const entry = this.entries.get(url);
    return (entry === undefined ? null : this.measure(entry, url)) ?? this.estimate(url, width);
  }

  heldBytes(): number {
    let total = 0;
    for (const [url, entry] of this.entries) total += this.measure(entry, url) ?? 0;
    return total;
  }

  keepOnly(urls: ReadonlySet<string>): void {
    for (const [url, entry] of this.entries) if (!urls.has(url)) this.drop(url, entry);
    for (const url of urls) if (!this.failures.has(url)) this.hold(url);
  }

  dispose(): void {
    this.keepOnly(NOTHING);
  }

  /** The entry held for `url`, opened now if there is none. */
  protected hold(url: string): Entry {
    const held = this.entries.get(url);
    if (held !== undefined) return held;
    const entry = this.open(url);
    this.entries.set(url, entry);
    return entry;
  }

  /** Stops holding `url` and frees its entry. */
  protected drop(url: string, entry: Entry): void {
    this.entries.delete(url);
    this.release(entry, url);
  }

  /** Whether `entry` is still the one held for `url` (not released while it loaded). */
  protected holds(url: string, entry: Entry): boolean {
    return this.entries.get(url) === entry;
  }

  /** Records that `url` failed, for the rest of the viewing: it is never loaded again. */
  protected fail(url: string, error: string): MediaFailure {
    const failure: MediaFailure = { status: 'failed', error };
    this.failures.set(url, failure);
    return failure;
  }

  /** The failure recorded for `url`, if any. */
  protected failure(url: string): MediaFailure | undefined {
    return this.failures.get(url);
  }

  /** Tells the subscribers that a file settled. */
  protected notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
