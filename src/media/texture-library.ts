import { type CompressedTexture, SRGBColorSpace, Texture, type WebGLRenderer } from 'three';
import { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js';
import { type CompressedFormats, detectSourceSupport } from './image-support';
import { decodedTextureBytes, estimateBytes } from './memory-governor';
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

/** Width assumed for a picture whose size the package does not declare, until it is decoded. */
const UNDECLARED_WIDTH = 4096;

/**
 * Owns every panorama texture. Loads each URL once: fetched, decoded off the main thread
 * (`createImageBitmap`, or the Basis transcoder's worker for KTX2), and uploaded to the GPU
 * (`renderer.initTexture`) as soon as it is decoded, so a scene switch to it costs no request,
 * decode or upload. Holds what the memory governor keeps (`planMedia`) and disposes the rest.
 *
 * KTX2 textures keep their rows top-down (compressed uploads ignore `flipY`): they carry
 * `userData.topDown = true`, and the backdrop's geometry flips v for them.
 */
export class TextureLibrary {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  /** URLs that failed stay failed for the viewing, so a scene does not flip back to a broken asset. */
  private readonly failed = new Map<string, string>();
  private renderer: WebGLRenderer | null = null;
  private ktx2: KTX2Loader | null = null;
  private readonly rendererReady: Promise<WebGLRenderer>;
  private resolveRenderer!: (renderer: WebGLRenderer) => void;
  /** What this device can show, once a renderer is attached; null until then. */
  support: SourceSupport | null = null;
  /** Changes whenever any entry settles, for `useSyncExternalStore`. */
  version = 0;

  constructor(private readonly options: TextureLibraryOptions) {
    this.rendererReady = new Promise((resolve) => (this.resolveRenderer = resolve));
  }

  /**
   * Gives the library the renderer to upload to (again after a lost context brings a new one) and
   * learns what the device supports.
   */
  attach(renderer: WebGLRenderer): void {
    if (this.renderer === renderer) return;
    this.renderer = renderer;
    this.ktx2?.dispose();
    this.ktx2 = new KTX2Loader().setTranscoderPath(new URL('decoders/basis/', document.baseURI).href).detectSupport(renderer);
    const formats = this.ktx2.workerConfig as unknown as CompressedFormats;
    void detectSourceSupport(renderer, formats, this.options.maxTextureSize).then((support) => {
      if (this.renderer !== renderer) return;
      this.support = support;
      this.notify();
    });
    this.resolveRenderer(renderer);
    for (const [url, entry] of this.entries) if (entry.state.status === 'ready') this.upload(url, entry.state.texture);
  }

  /** Starts loading `url` if it is not loaded or loading; resolves when it settles. */
  load(url: string): Promise<TextureState> {
    const failure = this.failed.get(url);
    if (failure !== undefined) return Promise.resolve({ status: 'failed', error: failure });
    const existing = this.entries.get(url);
    if (existing) return existing.promise;
    const entry: Entry = { state: { status: 'loading' }, promise: Promise.resolve({ status: 'loading' }), bytes: null, abort: new AbortController() };
    this.entries.set(url, entry);
    entry.promise = this.decode(url, entry.abort.signal).then(
      (texture): TextureState => {
        entry.bytes = decodedTextureBytes(texture);
        return { status: 'ready', texture };
      },
      (error: unknown): TextureState => ({ status: 'failed', error: describe(error, url) }),
    ).then((state) => {
      // A texture released while it loaded is disposed at once instead of leaking.
      if (this.entries.get(url) !== entry) {
        if (state.status === 'ready') state.texture.dispose();
        return state;
      }
      if (state.status === 'failed') this.failed.set(url, state.error);
      if (state.status === 'ready') this.upload(url, state.texture);
      entry.state = state;
      this.notify();
      return state;
    });
    return entry.promise;
  }

  state(url: string): TextureState {
    const failure = this.failed.get(url);
    if (failure !== undefined) return { status: 'failed', error: failure };
    return this.entries.get(url)?.state ?? { status: 'loading' };
  }

  /**
   * GPU bytes of a picture: measured once decoded, else estimated from its declared width (or the
   * widest this device takes, up to 4096, when undeclared); nothing for one that failed.
   */
  bytesOf(url: string, width?: number): number {
    if (this.failed.has(url)) return 0;
    return this.entries.get(url)?.bytes ?? estimateBytes(width, Math.min(UNDECLARED_WIDTH, this.options.maxTextureSize));
  }

  /** GPU bytes of the pictures decoded and held now. */
  heldBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.bytes ?? 0;
    return total;
  }

  /** Holds `urls` (loading those not yet loaded) and disposes every other picture. */
  keepOnly(urls: ReadonlySet<string>): void {
    for (const [url, entry] of this.entries) {
      if (urls.has(url)) continue;
      this.entries.delete(url);
      entry.abort.abort();
      if (entry.state.status === 'ready') {
        entry.state.texture.dispose();
        this.record(url, 'disposed');
      }
    }
    for (const url of urls) void this.load(url);
  }

  /** The stage reports the frame a picture is first drawn in. */
  shown(url: string): void {
    this.record(url, 'shown');
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.keepOnly(new Set());
    this.ktx2?.dispose();
    this.ktx2 = null;
  }

  private async decode(url: string, signal: AbortSignal): Promise<Texture> {
    const ktx2 = new URL(url).pathname.toLowerCase().endsWith('.ktx2');
    this.record(url, 'fetch');
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (ktx2) {
      const buffer = await response.arrayBuffer();
      await this.rendererReady;
      const loader = this.ktx2!;
      const texture = await new Promise<CompressedTexture>((resolve, reject) => loader.parse(buffer, resolve, reject));
      texture.userData['topDown'] = true;
      this.record(url, 'decoded');
      return texture;
    }
    const blob = await response.blob();
    // Decoded on the browser's image threads; flipped here because ImageBitmaps ignore `flipY`.
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'flipY', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
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

  /** Sends a decoded texture to the GPU now, so the frame that first shows it does no upload. */
  private upload(url: string, texture: Texture): void {
    if (!this.renderer) return;
    this.renderer.initTexture(texture);
    this.record(url, 'uploaded');
  }

  private record(url: string, event: MediaEvent['event']): void {
    this.options.log?.({ url, event, frame: this.renderer?.info.render.frame ?? 0 });
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

function describe(error: unknown, url: string): string {
  const path = new URL(url).pathname.split('/').slice(-2).join('/');
  if (error instanceof Error && error.message) return `${path}: ${error.message}`;
  return `${path} could not be loaded (missing, or not an image the browser can decode)`;
}
