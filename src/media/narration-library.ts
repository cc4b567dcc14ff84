import { HeldMedia, type MediaStatus } from './media-library';
import { SoundOutput } from './sound-output';

/**
 * What a narration not yet loaded is assumed to hold: two minutes of speech at 64 kbit/s (the
 * pipeline's Opus narration is far less). Measured once loaded.
 */
export const UNDECLARED_NARRATION_BYTES = 1024 * 1024;

interface Entry {
  readonly audio: HTMLAudioElement;
  /** The browser has enough of the file to play it through. */
  ready: boolean;
  /** The file's size, once the browser's resource timing has it. */
  bytes: number | null;
  readonly cleanup: () => void;
}

/**
 * Owns the narration audio of the current scene and of the scenes reachable from it: one <audio>
 * per URL, fetched ahead (`preload="auto"`) so a scene's voice starts with the scene, released
 * when it falls out of reach. A file that is missing or cannot be decoded is a console warning,
 * never an error: the scene goes on without its voice. Every element is heard through `sound`.
 * An element holds its file as fetched (decoding is done as it plays), so that is what it counts.
 */
export class NarrationLibrary extends HeldMedia<Entry> {
  private readonly sound: SoundOutput;

  /** @param sound The player's sound output; by default one of its own. */
  constructor(sound: SoundOutput = new SoundOutput()) {
    super();
    this.sound = sound;
  }

  /** The element for `url`, loading it if needed; null once it has failed. */
  audio(url: string): HTMLAudioElement | null {
    return this.failure(url) ? null : this.hold(url).audio;
  }

  protected open(url: string): Entry {
    const audio = new Audio();
    audio.preload = 'auto';
    audio.crossOrigin = 'anonymous';
    this.sound.add(audio);
    const onReady = () => {
      entry.ready = true;
      if (this.holds(url, entry)) this.notify();
    };
    const onError = () => {
      const path = new URL(url).pathname.split('/').slice(-2).join('/');
      console.warn(`narration: ${path} could not be played (missing, or a format this browser cannot decode); the scene goes on without it`);
      this.fail(url, `${path} could not be played`);
      if (this.holds(url, entry)) this.drop(url, entry);
      this.notify();
    };
    audio.addEventListener('canplaythrough', onReady, { once: true });
    audio.addEventListener('error', onError, { once: true });
    const entry: Entry = {
      audio,
      ready: false,
      bytes: null,
      cleanup: () => {
        audio.removeEventListener('canplaythrough', onReady);
        audio.removeEventListener('error', onError);
      },
    };
    audio.src = url;
    audio.load();
    return entry;
  }

  protected release(entry: Entry): void {
    entry.cleanup();
    entry.audio.pause();
    this.sound.remove(entry.audio);
    entry.audio.removeAttribute('src');
    entry.audio.load(); // Frees the decoder and the buffered data.
  }

  protected statusOf(entry: Entry): MediaStatus {
    return entry.ready ? 'ready' : 'loading';
  }

  /** Once it can play through: the file's size as fetched (resource timing), else the guess. */
  protected measure(entry: Entry, url: string): number | null {
    if (!entry.ready) return null;
    entry.bytes ??= fetchedBytes(url);
    return entry.bytes ?? UNDECLARED_NARRATION_BYTES;
  }

  protected estimate(): number {
    return UNDECLARED_NARRATION_BYTES;
  }
}

/** The bytes of `url` the page received, from its resource timing (null when it has no entry, e.g. its buffer is full). */
function fetchedBytes(url: string): number | null {
  let bytes = 0;
  for (const entry of performance.getEntriesByName(url, 'resource')) bytes = Math.max(bytes, (entry as PerformanceResourceTiming).encodedBodySize);
  return bytes > 0 ? bytes : null;
}
