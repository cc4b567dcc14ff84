import { type CompressedTexture, SRGBColorSpace, Texture, type WebGLRenderer } from 'three';
import type { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js';
import { type GpuFacts, gpuFactsOf } from './gpu-probe';
import { avifDecodes, canDecodeAvif, sourceSupport } from './image-support';
import { takeEarlyPicture } from './early-picture';
import { decodedTextureBytes, estimateBytes } from './memory-governor';
import { HeldMedia, type MediaStatus } from './media-library';
import { checkFits, fetchPictureBitmap, fetchPictureBytes } from './picture-file';
import type { SourceSupport } from './source-pick';

/** What a scene's image is doing right now. */
export type TextureState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly texture: Texture }
  | { readonly status: 'failed'; readonly error: string };

/** One step of a picture's way to the screen, with the renderer's frame count when it happened. */
export interface MediaEvent {
  readonly url: string;
  readonly event: 'fetch' | 'decoded' | 'uploaded' | 'shown' | 'disposed';
  readonly frame: number;
}

export interface TextureLibraryOptions {
  /** Widest picture the device profile takes (`maxTextureSize`); the GPU's own limit also applies. */
  readonly maxTextureSize: number;
  /**
   * The GPU's facts from the page's WebGL probe: with them the first picture's source is chosen,
   * and the picture fetched and decoded, while the renderer is still being made. Without them,
   * support is learnt from the renderer.
   */
  readonly gpu?: GpuFacts | null | undefined;
  /** Receives every media event (tests read it); nothing is recorded without it. */
  readonly log?: ((event: MediaEvent) => void) | undefined;
}

interface Entry {
  state: TextureState;
  promise: Promise<TextureState>;
  /** GPU bytes once decoded. */
  bytes: number | null;
  readonly abort: AbortController;
}

const LOADING: TextureState = { status: 'loading' };

/** Width assumed for a picture whose size the package does not declare, until it is decoded. */
const UNDECLARED_WIDTH = 4096;

/**
 * Owns every panorama texture. Loads each URL once: fetched, decoded off the main thread
 * (`createImageBitmap`, or the Basis transcoder's worker for KTX2), and uploaded to the GPU
 * (`renderer.initTexture`) as soon as it is decoded, so a scene switch to it costs no request,
 * decode or upload. Holds what the memory governor keeps and disposes the rest.
 *
 * KTX2 textures keep their rows top-down (compressed uploads ignore `flipY`): they carry
 * `userData.topDown = true`, and the backdrop's geometry flips v for them.
 */
export class TextureLibrary extends HeldMedia<Entry> {
  private renderer: WebGLRenderer | null = null;
  /** The KTX2 transcoder for the current renderer, loaded with the first KTX2 picture (most films have none). */
  private ktx2: { readonly renderer: WebGLRenderer; readonly loader: Promise<KTX2Loader> } | null = null;
  private readonly rendererReady: Promise<WebGLRenderer>;
  private resolveRenderer!: (renderer: WebGLRenderer) => void;
  /** What this device can show, once a renderer is handed over; null until then. */
  support: SourceSupport | null = null;

  constructor(private readonly options: TextureLibraryOptions) {
    super();
    this.rendererReady = new Promise((resolve) => (this.resolveRenderer = resolve));
    if (options.gpu) this.learnSupport(options.gpu, null);
  }

  /**
   * Gives the library the renderer to upload to (again after a lost context brings a new one) and
   * learns what the device supports.
   */
  setRenderer(renderer: WebGLRenderer): void {
    if (this.renderer === renderer) return;
    this.renderer = renderer;
    this.disposeTranscoder();
    this.learnSupport(gpuFactsOf(renderer), renderer);
    this.resolveRenderer(renderer);
    for (const [url, entry] of this.entries) if (entry.state.status === 'ready') this.upload(url, entry.state.texture);
  }

  /**
   * Learns what the device shows from the GPU's facts (the probe's, then each renderer's), and again
   * when the AVIF probe answers, unless a newer renderer has come since. Unchanged support keeps its
   * object, so nothing re-plans.
   */
  private learnSupport(gpu: GpuFacts, renderer: WebGLRenderer | null): void {
    const learn = () => {
      if (this.renderer !== renderer) return;
      const support = sourceSupport(gpu, this.options.maxTextureSize);
      if (this.support && this.support.ktx2 === support.ktx2 && this.support.avif === support.avif && this.support.maxWidth === support.maxWidth) return;
      this.support = support;
      this.notify();
    };
    learn();
    if (avifDecodes() === null) void canDecodeAvif().then(learn);
  }

  /** Starts loading `url` if it is not loaded or loading; resolves when it settles. */
  load(url: string): Promise<TextureState> {
    return Promise.resolve(this.failure(url) ?? this.hold(url).promise);
  }

  state(url: string): TextureState {
    return this.failure(url) ?? this.entries.get(url)?.state ?? LOADING;
  }

  /** The stage reports the frame a picture is first drawn in. */
  shown(url: string): void {
    this.record(url, 'shown');
  }

  override dispose(): void {
    super.dispose();
    this.disposeTranscoder();
  }

  protected open(url: string): Entry {
    const entry: Entry = { state: LOADING, promise: Promise.resolve(LOADING), bytes: null, abort: new AbortController() };
    entry.promise = this.decode(url, entry.abort.signal).then(
      (texture): TextureState => {
        entry.bytes = decodedTextureBytes(texture);
        return { status: 'ready', texture };
      },
      (error: unknown): TextureState => ({ status: 'failed', error: describe(error, url) }),
    ).then((settled) => {
      // A texture released while it loaded is disposed at once instead of leaking.
      if (!this.holds(url, entry)) {
        if (settled.status === 'ready') settled.texture.dispose();
        return settled;
      }
      const state = settled.status === 'failed' ? this.fail(url, settled.error) : settled;
      if (state.status === 'ready') this.upload(url, state.texture);
      entry.state = state;
      this.notify();
      return state;
    });
    return entry;
  }

  protected release(entry: Entry, url: string): void {
    entry.abort.abort();
    if (entry.state.status === 'ready') {
      entry.state.texture.dispose();
      this.record(url, 'disposed');
    }
  }

  protected statusOf(entry: Entry): MediaStatus {
    return entry.state.status;
  }

  /** GPU bytes once decoded. */
  protected measure(entry: Entry): number | null {
    return entry.bytes;
  }

  /** From the declared width, else the widest this device takes, up to 4096. */
  protected estimate(_url: string, width: number | undefined): number {
    return estimateBytes(width, Math.min(UNDECLARED_WIDTH, this.options.maxTextureSize));
  }

  private async decode(url: string, signal: AbortSignal): Promise<Texture> {
    this.record(url, 'fetch');
    if (new URL(url).pathname.toLowerCase().endsWith('.ktx2')) return this.transcode(url, signal);
    // Taken synchronously (before any await), so a head start's drop of the rest never closes it.
    const early = takeEarlyPicture(url);
    const bitmap = await (early ?? fetchPictureBitmap(url, this.options.maxTextureSize, signal));
    // An early picture's header was checked against the page's limit, not this library's.
    if (early) {
      try {
        checkFits(bitmap.width, bitmap.height, this.options.maxTextureSize);
      } catch (error) {
        bitmap.close();
        throw error;
      }
    }
    if (signal.aborted) {
      bitmap.close();
      throw new Error('released while loading');
    }
    const texture = new Texture(bitmap);
    texture.flipY = false;
    texture.colorSpace = SRGBColorSpace;
    texture.needsUpdate = true;
    texture.addEventListener('dispose', () => bitmap.close());
    this.record(url, 'decoded');
    return texture;
  }

  /** A Basis KTX2 picture, transcoded in the loader's worker to a format this GPU takes. */
  private async transcode(url: string, signal: AbortSignal): Promise<Texture> {
    const { bytes } = await fetchPictureBytes(url, this.options.maxTextureSize, signal);
    await this.rendererReady;
    const loader = await this.transcoder(this.renderer!);
    const texture = await new Promise<CompressedTexture>((resolve, reject) => loader.parse(bytes.buffer, resolve, reject));
    texture.userData['topDown'] = true;
    this.record(url, 'decoded');
    return texture;
  }

  /** The KTX2 loader, set to transcode to a format this renderer's GPU takes. */
  private transcoder(renderer: WebGLRenderer): Promise<KTX2Loader> {
    if (this.ktx2?.renderer !== renderer) {
      this.disposeTranscoder();
      const loader = import('three/examples/jsm/loaders/KTX2Loader.js').then(({ KTX2Loader }) =>
        new KTX2Loader().setTranscoderPath(new URL('decoders/basis/', document.baseURI).href).detectSupport(renderer),
      );
      this.ktx2 = { renderer, loader };
    }
    return this.ktx2.loader;
  }

  private disposeTranscoder(): void {
    void this.ktx2?.loader.then((loader) => loader.dispose());
    this.ktx2 = null;
  }

  /** Sends a decoded texture to the GPU now, so the frame that first shows it does no upload. */
  private upload(url: string, texture: Texture): void {
    if (!this.renderer) return;
    this.renderer.initTexture(texture);
    this.record(url, 'uploaded');
  }

  private record(url: string, event: MediaEvent['event']): void {
    this.options.log?.({ url, event, frame: this.renderer?.info.render.frame ?? 0 });
  }
}

function describe(error: unknown, url: string): string {
  const path = new URL(url).pathname.split('/').slice(-2).join('/');
  if (error instanceof Error && error.message) return `${path}: ${error.message}`;
  return `${path} could not be loaded (missing, or not an image the browser can decode)`;
}
