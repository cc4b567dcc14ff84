import { SoundOutput } from './sound-output';

/**
 * Owns the narration audio of the current scene and of the scenes reachable from it: one <audio>
 * per URL, fetched ahead (`preload="auto"`) so a scene's voice starts with the scene, released
 * when it falls out of reach. A file that is missing or cannot be decoded is a console warning,
 * never an error: the scene goes on without its voice. Every element is heard through `sound`.
 */
export class NarrationLibrary {
  private readonly entries = new Map<string, HTMLAudioElement>();
  private readonly failed = new Set<string>();
  private readonly sound: SoundOutput;

  /** @param sound The player's sound output; by default one of its own. */
  constructor(sound: SoundOutput = new SoundOutput()) {
    this.sound = sound;
  }

  /** The element for `url`, loading it if needed; null once it has failed. */
  audio(url: string): HTMLAudioElement | null {
    if (this.failed.has(url)) return null;
    return this.entries.get(url) ?? this.load(url);
  }

  /** Keeps only `urls` (loading those not yet loading) and releases everything else. */
  keepOnly(urls: ReadonlySet<string>): void {
    for (const [url, audio] of this.entries) if (!urls.has(url)) this.release(url, audio);
    for (const url of urls) if (!this.entries.has(url) && !this.failed.has(url)) this.load(url);
  }

  dispose(): void {
    this.keepOnly(new Set());
  }

  private load(url: string): HTMLAudioElement {
    const audio = new Audio();
    audio.preload = 'auto';
    audio.crossOrigin = 'anonymous';
    this.sound.add(audio);
    audio.addEventListener(
      'error',
      () => {
        const path = new URL(url).pathname.split('/').slice(-2).join('/');
        console.warn(`narration: ${path} could not be played (missing, or a format this browser cannot decode); the scene goes on without it`);
        this.failed.add(url);
        if (this.entries.get(url) === audio) this.release(url, audio);
      },
      { once: true },
    );
    this.entries.set(url, audio);
    audio.src = url;
    audio.load();
    return audio;
  }

  private release(url: string, audio: HTMLAudioElement): void {
    this.entries.delete(url);
    audio.pause();
    this.sound.remove(audio);
    audio.removeAttribute('src');
    audio.load(); // Frees the decoder and the buffered data.
  }
}
