import type { SoundOutput } from './sound-output';

interface Entry {
  readonly controller: AbortController;
  /** The fetched file, until it is decoded (decoding takes it over). */
  bytes: ArrayBuffer | null;
  decoding: boolean;
  buffer: AudioBuffer | null;
}

/**
 * Owns the ambience beds of the current scene and of the scenes reachable from it: each file is
 * fetched ahead and decoded (into the sound output's own context, once it exists) to an
 * AudioBuffer, which loops without a gap, and released when it falls out of reach. A file that is
 * missing or cannot be decoded is one console warning, never an error: the film goes on without it.
 *
 * Decoded beds are raw samples (a 40 s mono bed at 48 kHz is about 7.7 MB), so only the reachable
 * ones are kept.
 */
export class AmbienceLibrary {
  private readonly entries = new Map<string, Entry>();
  private readonly failed = new Set<string>();
  private readonly sound: SoundOutput;
  private disposed = false;

  constructor(sound: SoundOutput) {
    this.sound = sound;
  }

  /** The sound output's graph, which beds play into (null until the viewer's first gesture). */
  get webAudio(): SoundOutput['webAudio'] {
    return this.disposed ? null : this.sound.webAudio;
  }

  /**
   * The decoded bed at `url`, loading it if needed; null while it loads or decodes (or the sound
   * output has no graph yet to decode it in), and once it has failed.
   */
  buffer(url: string): AudioBuffer | null {
    if (this.failed.has(url) || this.disposed) return null;
    const entry = this.entries.get(url) ?? this.load(url);
    // The graph may have appeared since: decode whatever waited for it.
    for (const [u, e] of this.entries) this.decode(u, e);
    return entry.buffer;
  }

  /** Keeps only `urls` (fetching those not yet fetched) and releases everything else. */
  keepOnly(urls: ReadonlySet<string>): void {
    if (this.disposed) return;
    for (const [url, entry] of this.entries) if (!urls.has(url)) this.release(url, entry);
    for (const url of urls) if (!this.entries.has(url) && !this.failed.has(url)) this.load(url);
  }

  dispose(): void {
    this.keepOnly(new Set());
    this.disposed = true;
  }

  private load(url: string): Entry {
    const entry: Entry = { controller: new AbortController(), bytes: null, decoding: false, buffer: null };
    this.entries.set(url, entry);
    fetch(url, { signal: entry.controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((bytes) => {
        if (this.entries.get(url) !== entry) return;
        entry.bytes = bytes;
        this.decode(url, entry);
      })
      .catch(() => {
        if (!entry.controller.signal.aborted) this.fail(url, entry);
      });
    return entry;
  }

  private decode(url: string, entry: Entry): void {
    const output = this.webAudio;
    if (!entry.bytes || entry.decoding || !output || output.context.state === 'closed') return;
    const bytes = entry.bytes;
    entry.bytes = null;
    entry.decoding = true;
    output.context
      .decodeAudioData(bytes)
      .then((buffer) => {
        if (this.entries.get(url) === entry) entry.buffer = buffer;
      })
      .catch(() => {
        if (this.entries.get(url) === entry) this.fail(url, entry);
      });
  }

  private fail(url: string, entry: Entry): void {
    const path = new URL(url).pathname.split('/').slice(-2).join('/');
    console.warn(`ambience: ${path} could not be played (missing, or a format this browser cannot decode); the film goes on without it`);
    this.failed.add(url);
    if (this.entries.get(url) === entry) this.entries.delete(url);
  }

  private release(url: string, entry: Entry): void {
    this.entries.delete(url);
    entry.controller.abort();
  }
}
