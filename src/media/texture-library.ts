import { SRGBColorSpace, type Texture, TextureLoader } from 'three';

/** What a scene's image is doing right now. */
export type TextureState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly texture: Texture }
  | { readonly status: 'failed'; readonly error: string };

/**
 * Owns every panorama texture: loads each URL once, shares it, and disposes the ones that fall out
 * of the set the story may still show (the current scene and the scenes its choices lead to).
 */
export class TextureLibrary {
  private readonly entries = new Map<string, { state: TextureState; promise: Promise<TextureState> }>();
  private readonly loader = new TextureLoader();
  private readonly listeners = new Set<() => void>();
  /** Changes whenever any entry settles, for `useSyncExternalStore`. */
  version = 0;
  /** URLs that failed stay failed for the viewing, so a scene does not flip back to a broken asset. */
  private readonly failed = new Map<string, string>();

  /** Starts loading `url` if it is not loaded or loading; resolves when it settles. */
  load(url: string): Promise<TextureState> {
    const failure = this.failed.get(url);
    if (failure !== undefined) return Promise.resolve({ status: 'failed', error: failure });
    const existing = this.entries.get(url);
    if (existing) return existing.promise;
    const entry = { state: { status: 'loading' } as TextureState, promise: Promise.resolve<TextureState>({ status: 'loading' }) };
    entry.promise = this.loader.loadAsync(url).then(
      (texture): TextureState => {
        texture.colorSpace = SRGBColorSpace;
        return { status: 'ready', texture };
      },
      (error: unknown): TextureState => ({ status: 'failed', error: describe(error, url) }),
    ).then((state) => {
      // A texture released while it loaded is disposed at once instead of leaking.
      if (state.status === 'failed') this.failed.set(url, state.error);
      if (this.entries.get(url) !== entry) {
        if (state.status === 'ready') state.texture.dispose();
      } else {
        entry.state = state;
        this.notify();
      }
      return state;
    });
    this.entries.set(url, entry);
    return entry.promise;
  }

  state(url: string): TextureState {
    const failure = this.failed.get(url);
    if (failure !== undefined) return { status: 'failed', error: failure };
    return this.entries.get(url)?.state ?? { status: 'loading' };
  }

  /** Keeps only `urls` (loading those not yet loaded) and disposes everything else. */
  keepOnly(urls: ReadonlySet<string>): void {
    for (const [url, entry] of this.entries) {
      if (urls.has(url)) continue;
      this.entries.delete(url);
      if (entry.state.status === 'ready') entry.state.texture.dispose();
    }
    for (const url of urls) void this.load(url);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.keepOnly(new Set());
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
