import { SRGBColorSpace, VideoTexture } from 'three';
import { videoBytes } from './memory-governor';
import { HeldMedia, type MediaStatus } from './media-library';
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
  cleanup: () => void;
}

const LOADING: VideoState = { status: 'loading' };

/**
 * Owns every scene video: one muted, inline <video> per URL, buffered to its first frame before the
 * scene shows it, disposed (source released, texture freed) when it falls out of reach. Its sound
 * goes through the player's `SoundOutput`, which keeps it muted (so browsers let it start without a
 * gesture) until the viewer's first interaction.
 */
export class VideoLibrary extends HeldMedia<Entry> {
  private readonly sound: SoundOutput;
  private readonly maxTextureSize: number;

  /**
   * @param sound The player's sound output; by default one of its own.
   * @param maxTextureSize Widest frame the device takes (the device profile's `maxTextureSize`).
   */
  constructor(sound: SoundOutput = new SoundOutput(), maxTextureSize = Number.POSITIVE_INFINITY) {
    super();
    this.sound = sound;
    this.maxTextureSize = maxTextureSize;
  }

  state(url: string): VideoState {
    return this.failure(url) ?? this.entries.get(url)?.state ?? LOADING;
  }

  protected open(url: string): Entry {
    const video = document.createElement('video');
    this.sound.add(video);
    video.playsInline = true;
    video.preload = 'auto';
    video.crossOrigin = 'anonymous';
    const texture = new VideoTexture(video);
    texture.colorSpace = SRGBColorSpace;
    const entry: Entry = { video, texture, state: LOADING, cleanup: () => {} };
    const settle = (state: VideoState) => {
      if (!this.holds(url, entry)) return;
      entry.state = state;
      this.notify();
    };
    const onReady = () => settle({ status: 'ready', texture, video });
    const path = new URL(url).pathname.split('/').slice(-2).join('/');
    const onError = () => settle(this.fail(url, `${path} could not be played (missing, or a format this browser cannot decode)`));
    // The size is in the header, read before any frame is decoded: a frame wider than the device
    // takes could never be uploaded, so the video is stopped there and the scene falls back.
    const onMetadata = () => {
      const { videoWidth: width, videoHeight: height } = video;
      if (Math.max(width, height) <= this.maxTextureSize) return;
      entry.cleanup();
      video.removeAttribute('src');
      video.load();
      settle(this.fail(url, `${path} is ${width}×${height} pixels; this device shows at most ${this.maxTextureSize} on a side`));
    };
    video.addEventListener('loadedmetadata', onMetadata, { once: true });
    video.addEventListener('loadeddata', onReady, { once: true });
    video.addEventListener('error', onError, { once: true });
    entry.cleanup = () => {
      video.removeEventListener('loadedmetadata', onMetadata);
      video.removeEventListener('loadeddata', onReady);
      video.removeEventListener('error', onError);
    };
    video.src = url;
    video.load();
    return entry;
  }

  protected release(entry: Entry): void {
    entry.cleanup();
    entry.video.pause();
    this.sound.remove(entry.video);
    entry.video.removeAttribute('src');
    entry.video.load(); // Frees the decoder and the buffered data.
    entry.texture.dispose();
  }

  protected statusOf(entry: Entry): MediaStatus {
    return entry.state.status;
  }

  /** `videoBytes` of its own size once its first frame is in. */
  protected measure(entry: Entry): number | null {
    return entry.state.status === 'ready' && entry.video.videoWidth > 0 ? videoBytes(entry.video.videoWidth, entry.video.videoHeight) : null;
  }

  /** From the declared width (2:1 equirectangular; 3840 when undeclared). */
  protected estimate(_url: string, width = UNDECLARED_VIDEO_WIDTH): number {
    return videoBytes(width, width / 2);
  }
}
