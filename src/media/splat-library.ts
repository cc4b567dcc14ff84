import type { SplatMesh } from '@sparkjsdev/spark';
import { HeldMedia, type MediaStatus } from './media-library';
import { EXT_SPLAT_BYTES, PACKED_SPLAT_BYTES, splatBytes } from './memory-governor';
import { openSplatStream } from './splat-stream';

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
  sparkModule ??= import('@sparkjsdev/spark').then((spark) => {
    ignoreCancelledSparkWork();
    return (loadedSpark = spark);
  });
  return sparkModule;
}

/**
 * Spark cancels the work of a renderer or world that is disposed mid-task (a scene left while its
 * splats were being sorted) by terminating the worker, which rejects the pending call with "Worker
 * terminate", and its sort loop does not catch that: a cancellation, not a failure, so it is kept
 * from reaching the page as an uncaught error. Any other rejection still does.
 */
function ignoreCancelledSparkWork(): void {
  // Pages only (the library's unit tests load a stand-in Spark under Node, which has no such event).
  if (typeof window === 'undefined') return;
  window.addEventListener('unhandledrejection', (event) => {
    if (event.reason instanceof Error && event.reason.message === 'Worker terminate') event.preventDefault();
  });
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

interface Entry {
  state: SplatState;
  promise: Promise<SplatState>;
}

const LOADING: SplatState = { status: 'loading' };

/**
 * Owns every splat world: loads each URL once through Spark (fetched and decoded in Spark's
 * workers), and disposes the ones that fall out of the set the story may still show.
 */
export class SplatLibrary extends HeldMedia<Entry> {
  private readonly budget: number;

  constructor(options: SplatLibraryOptions) {
    super();
    this.budget = options.budget;
  }

  /** Starts loading `url` if it is not loaded or loading; resolves when it settles. */
  load(url: string): Promise<SplatState> {
    return Promise.resolve(this.failure(url) ?? this.hold(url).promise);
  }

  state(url: string): SplatState {
    return this.failure(url) ?? this.entries.get(url)?.state ?? LOADING;
  }

  /** The worlds loaded and held now. */
  readyUrls(): string[] {
    return [...this.entries].filter(([, entry]) => entry.state.status === 'ready').map(([url]) => url);
  }

  /** How many worlds are held (loading or loaded), for tests. */
  get size(): number {
    return this.entries.size;
  }

  protected open(url: string): Entry {
    const entry: Entry = { state: LOADING, promise: Promise.resolve(LOADING) };
    entry.promise = this.openMesh(url).then((settled) => {
      // A world released while it loaded is disposed at once instead of leaking.
      if (!this.holds(url, entry)) {
        if (settled.status === 'ready') settled.mesh.dispose();
        return settled;
      }
      entry.state = settled.status === 'failed' ? this.fail(url, settled.error) : settled;
      this.notify();
      return entry.state;
    });
    return entry;
  }

  private async openMesh(url: string): Promise<SplatState> {
    let mesh: SplatMesh | null = null;
    try {
      const [{ SplatMesh }, file] = await Promise.all([loadSpark(), openSplatStream(url)]);
      // `lod` with `lodAbove`: Spark builds a level-of-detail tree (in its worker) only for worlds
      // of at least `budget` splats; SparkRenderer's `lodSplatCount` then draws at most the budget.
      // The file name tells Spark the format, as the URL did.
      const fileName = url.split(/[?#]/)[0]!.split('/').pop()!;
      mesh = new SplatMesh({ stream: file.stream, ...(file.length !== undefined && { streamLength: file.length }), fileName, lod: true, lodAbove: this.budget, raycastable: false });
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

  protected release(entry: Entry): void {
    if (entry.state.status !== 'ready') return;
    entry.state.mesh.removeFromParent();
    entry.state.mesh.dispose();
  }

  /** A world over the budget is settled, and shows nothing: to the planner it is as good as failed. */
  protected statusOf(entry: Entry): MediaStatus {
    return entry.state.status === 'over-budget' ? 'failed' : entry.state.status;
  }

  /** Measured once loaded (`worldBytes`); a world refused holds nothing. */
  protected measure(entry: Entry): number | null {
    if (entry.state.status === 'ready') return entry.state.bytes;
    return entry.state.status === 'over-budget' ? 0 : null;
  }

  /** A world of the device's splat budget (the most it draws). */
  protected estimate(): number {
    return splatBytes(this.budget);
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
