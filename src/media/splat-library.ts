import type { SplatMesh } from '@sparkjsdev/spark';
import { EXT_SPLAT_BYTES, PACKED_SPLAT_BYTES, splatBytes } from './memory-governor';

/** Spark's module, fetched on first use: a film without splat worlds never downloads it. */
export type SparkModule = typeof import('@sparkjsdev/spark');

/** What a scene's splat world is doing right now. */
export type SplatState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly mesh: SplatMesh; readonly splats: number; readonly bytes: number }
  | { readonly status: 'over-budget'; readonly splats: number }
  | { readonly status: 'failed'; readonly error: string };

let sparkModule: Promise<SparkModule> | null = null;
let loadedSpark: SparkModule | null = null;

/** Spark in its own chunk (about 2.8 MB with its inlined WebAssembly), imported once. */
export function loadSpark(): Promise<SparkModule> {
  sparkModule ??= import('@sparkjsdev/spark').then((spark) => (loadedSpark = spark));
  return sparkModule;
}

/** Spark's module if a world has loaded it already (every ready world has), else null. */
export function sparkIfLoaded(): SparkModule | null {
  return loadedSpark;
}

export interface SplatLibraryOptions {
  /**
   * Most splats to draw at once (the device profile's `splatBudget`). Worlds at or above it are
   * loaded with a level-of-detail tree that Spark draws within the budget; a world that still
   * comes out over it without one is refused.
   */
  readonly budget: number;
}

/**
 * Owns every splat world: loads each URL once through Spark (fetched and decoded in Spark's
 * workers), and disposes the ones that fall out of the set the story may still show.
 */
export class SplatLibrary {
  private readonly entries = new Map<string, { state: SplatState; promise: Promise<SplatState> }>();
  private readonly listeners = new Set<() => void>();
  private readonly budget: number;
  /** Changes whenever any entry settles, for `useSyncExternalStore`. */
  version = 0;

  constructor(options: SplatLibraryOptions) {
    this.budget = options.budget;
  }

  /** Starts loading `url` if it is not loaded or loading; resolves when it settles. */
  load(url: string): Promise<SplatState> {
    const existing = this.entries.get(url);
    if (existing) return existing.promise;
    const entry = { state: { status: 'loading' } as SplatState, promise: Promise.resolve<SplatState>({ status: 'loading' }) };
    entry.promise = this.open(url).then((state) => {
      // A world released while it loaded is disposed at once instead of leaking.
      if (this.entries.get(url) !== entry) {
        if (state.status === 'ready') state.mesh.dispose();
      } else {
        entry.state = state;
        this.notify();
      }
      return state;
    });
    this.entries.set(url, entry);
    return entry.promise;
  }

  private async open(url: string): Promise<SplatState> {
    let mesh: SplatMesh | null = null;
    try {
      const { SplatMesh } = await loadSpark();
      // `lod` with `lodAbove`: Spark builds a level-of-detail tree (in its worker) only for worlds
      // of at least `budget` splats; SparkRenderer's `lodSplatCount` then draws at most the budget.
      mesh = new SplatMesh({ url, lod: true, lodAbove: this.budget, raycastable: false });
      await mesh.initialized;
      const splats = mesh.numSplats;
      const hasLod = Boolean(mesh.packedSplats?.lodSplats ?? mesh.extSplats?.lodSplats);
      if (splats > this.budget && !hasLod) {
        mesh.dispose();
        console.warn(`splats: ${url} has ${splats} splats, over this device's budget of ${this.budget}, and no level of detail; showing the backdrop without it`);
        return { status: 'over-budget', splats };
      }
      return { status: 'ready', mesh, splats, bytes: worldBytes(mesh) };
    } catch (error) {
      mesh?.dispose();
      return { status: 'failed', error: `splats: could not load ${url}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  state(url: string): SplatState {
    return this.entries.get(url)?.state ?? { status: 'loading' };
  }

  /**
   * Bytes a world holds: measured once loaded (`worldBytes`), else estimated as a world of the
   * device's splat budget (the most it draws); nothing for a world refused or failed.
   */
  bytesOf(url: string): number {
    const state = this.entries.get(url)?.state;
    if (state?.status === 'ready') return state.bytes;
    if (state?.status === 'failed' || state?.status === 'over-budget') return 0;
    return splatBytes(this.budget);
  }

  /** Bytes of the worlds loaded and held now. */
  heldBytes(): number {
    let total = 0;
    for (const { state } of this.entries.values()) if (state.status === 'ready') total += state.bytes;
    return total;
  }

  /** The worlds loaded and held now. */
  readyUrls(): string[] {
    return [...this.entries].filter(([, entry]) => entry.state.status === 'ready').map(([url]) => url);
  }

  /** Keeps only `urls` (loading those not yet loaded) and disposes everything else. */
  keepOnly(urls: ReadonlySet<string>): void {
    for (const [url, entry] of this.entries) {
      if (urls.has(url)) continue;
      this.entries.delete(url);
      if (entry.state.status === 'ready') {
        entry.state.mesh.removeFromParent();
        entry.state.mesh.dispose();
      }
    }
    for (const url of urls) void this.load(url);
  }

  /** How many worlds are held (loading or loaded), for tests. */
  get size(): number {
    return this.entries.size;
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

/**
 * Bytes of a loaded world in Spark's memory: its splats (16 bytes each packed, 32 extended) and
 * those of its level-of-detail tree, when Spark built one.
 */
function worldBytes(mesh: SplatMesh): number {
  const packed = mesh.packedSplats;
  const ext = mesh.extSplats;
  if (ext) return splatBytes(ext.numSplats + (ext.lodSplats?.numSplats ?? 0), EXT_SPLAT_BYTES);
  return splatBytes((packed?.numSplats ?? mesh.numSplats) + (packed?.lodSplats?.numSplats ?? 0), PACKED_SPLAT_BYTES);
}
