import { SRGBColorSpace, VideoTexture } from 'three';
import { videoBytes } from './memory-governor';
import { SoundOutput } from './sound-output';

export type VideoState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly texture: VideoTexture; readonly video: HTMLVideoElement }
  | { readonly status: 'failed'; readonly error: string };

/** Width assumed for a video whose size the package does not declare: 4K, the usual 360° master. */
const UNDECLARED_VIDEO_WIDTH = 3840;

interface Entry {
  readonly video: HTMLVideoElement;
  readonly texture: VideoTexture;
  state: VideoState;
  readonly cleanup: () => void;
}

/**
 * Owns every scene video: one muted, inline <video> per URL, buffered to its first frame before the
 * scene shows it, disposed (source released, texture freed) when it falls out of reach. Its sound
 * goes through the player's `SoundOutput`, which keeps it muted (so browsers let it start without a
 * gesture) until the viewer's first interaction.
 */
export class VideoLibrary {
  private readonly entries = new Map<string, Entry>();
  private readonly failed = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private readonly sound: SoundOutput;
  /** Changes whenever any entry settles, for `useSyncExternalStore`. */
  version = 0;

  /** @param sound The player's sound output; by default one of its own. */
  constructor(sound: SoundOutput = new SoundOutput()) {
    this.sound = sound;
  }

  state(url: string): VideoState {
    const failure = this.failed.get(url);
    if (failure !== undefined) return { status: 'failed', error: failure };
    return this.entries.get(url)?.state ?? { status: 'loading' };
  }

  /**
   * Bytes a video holds (`videoBytes`): from its own size once its first frame is in, else from the
   * declared width (2:1 equirectangular; 3840 when undeclared); nothing for one that failed.
   */
  bytesOf(url: string, width = UNDECLARED_VIDEO_WIDTH): number {
    if (this.failed.has(url)) return 0;
    const entry = this.entries.get(url);
    if (entry?.state.status === 'ready' && entry.video.videoWidth > 0) return videoBytes(entry.video.videoWidth, entry.video.videoHeight);
    return videoBytes(width, width / 2);
  }

  /** Bytes of the videos buffered to their first frame and held now. */
  heldBytes(): number {
    let total = 0;
    for (const [url, entry] of this.entries) if (entry.state.status === 'ready') total += this.bytesOf(url);
    return total;
  }

  /** Keeps only `urls` (loading those not yet loading) and releases everything else. */
  keepOnly(urls: ReadonlySet<string>): void {
    for (const [url, entry] of this.entries) if (!urls.has(url)) this.release(url, entry);
    for (const url of urls) if (!this.entries.has(url) && !this.failed.has(url)) this.load(url);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.keepOnly(new Set());
  }

  private load(url: string): void {
    const video = document.createElement('video');
    this.sound.add(video);
    video.playsInline = true;
    video.preload = 'auto';
    video.crossOrigin = 'anonymous';
    const texture = new VideoTexture(video);
    texture.colorSpace = SRGBColorSpace;
    const onReady = () => this.settle(url, { status: 'ready', texture, video });
    const onError = () => {
      const path = new URL(url).pathname.split('/').slice(-2).join('/');
      this.failed.set(url, `${path} could not be played (missing, or a format this browser cannot decode)`);
      this.settle(url, { status: 'failed', error: this.failed.get(url)! });
    };
    video.addEventListener('loadeddata', onReady, { once: true });
    video.addEventListener('error', onError, { once: true });
    const cleanup = () => {
      video.removeEventListener('loadeddata', onReady);
      video.removeEventListener('error', onError);
    };
    this.entries.set(url, { video, texture, state: { status: 'loading' }, cleanup });
    video.src = url;
    video.load();
  }

  private settle(url: string, state: VideoState): void {
    const entry = this.entries.get(url);
    if (!entry) return;
    entry.state = state;
    this.version++;
    for (const listener of this.listeners) listener();
  }

  private release(url: string, entry: Entry): void {
    this.entries.delete(url);
    entry.cleanup();
    entry.video.pause();
    this.sound.remove(entry.video);
    entry.video.removeAttribute('src');
    entry.video.load(); // Frees the decoder and the buffered data.
    entry.texture.dispose();
  }
}
