import { HeldMedia, type MediaStatus } from './media-library';
import type { SoundOutput } from './sound-output';

/**
 * What a bed not yet decoded is assumed to hold: a minute of stereo at 48 kHz as 32-bit samples
 * (about 23 MB). Measured once decoded.
 */
export const UNDECLARED_AMBIENCE_BYTES = 60 * 48_000 * 2 * 4;

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
 * Decoded beds are raw samples (a 40 s mono bed at 48 kHz is about 7.7 MB): that is what a bed
 * counts in the memory budget once decoded.
 */
export class AmbienceLibrary extends HeldMedia<Entry> {
  private readonly sound: SoundOutput;
  private disposed = false;

  constructor(sound: SoundOutput) {
    super();
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
    if (this.failure(url) || this.disposed) return null;
    const entry = this.hold(url);
    // The graph may have appeared since: decode whatever waited for it.
    for (const [u, e] of this.entries) this.decode(u, e);
    return entry.buffer;
  }

  override keepOnly(urls: ReadonlySet<string>): void {
    if (!this.disposed) super.keepOnly(urls);
  }

  override dispose(): void {
    super.dispose();
    this.disposed = true;
  }

  protected open(url: string): Entry {
    const entry: Entry = { controller: new AbortController(), bytes: null, decoding: false, buffer: null };
    fetch(url, { signal: entry.controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((bytes) => {
        if (!this.holds(url, entry)) return;
        entry.bytes = bytes;
        this.decode(url, entry);
      })
      .catch(() => {
        if (!entry.controller.signal.aborted) this.failBed(url, entry);
      });
    return entry;
  }

  protected release(entry: Entry): void {
    entry.controller.abort();
  }

  protected statusOf(entry: Entry): MediaStatus {
    return entry.buffer ? 'ready' : 'loading';
  }

  /** Once decoded: its samples, 4 bytes each per channel. */
  protected measure(entry: Entry): number | null {
    return entry.buffer ? entry.buffer.length * entry.buffer.numberOfChannels * 4 : null;
  }

  protected estimate(): number {
    return UNDECLARED_AMBIENCE_BYTES;
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
        if (!this.holds(url, entry)) return;
        entry.buffer = buffer;
        this.notify();
      })
      .catch(() => {
        if (this.holds(url, entry)) this.failBed(url, entry);
      });
  }

  private failBed(url: string, entry: Entry): void {
    const path = new URL(url).pathname.split('/').slice(-2).join('/');
    console.warn(`ambience: ${path} could not be played (missing, or a format this browser cannot decode); the film goes on without it`);
    this.fail(url, `${path} could not be played`);
    if (this.holds(url, entry)) this.drop(url, entry);
    this.notify();
  }
}
