import { afterEach, describe, expect, it, vi } from 'vitest';

/** Spark stood in for by a fake SplatMesh: splat counts by URL, a LoD tree when asked for one. */
const worlds: Record<string, number> = { 'small.spz': 4000, 'big.ply': 2_000_000, 'broken.splat': -1 };
const made: FakeMesh[] = [];
class FakeMesh {
  readonly options: { fileName: string; stream: ReadableStream; lod?: boolean; lodAbove?: number };
  numSplats = 0;
  packedSplats: { lodSplats?: { numSplats: number } } | undefined = {};
  disposed = false;
  removed = false;
  readonly initialized: Promise<FakeMesh>;
  constructor(options: FakeMesh['options']) {
    this.options = options;
    made.push(this);
    const count = worlds[options.fileName] ?? -1;
    this.initialized = count < 0 ? Promise.reject(new Error('bad file')) : Promise.resolve(this);
    this.numSplats = count;
    // Spark builds a LoD tree only at or above `lodAbove`; the fake lets a test switch it off.
    if (options.lod && options.lodAbove !== undefined && count >= options.lodAbove && !noLod) this.packedSplats = { lodSplats: { numSplats: count / 4 } };
  }
  dispose() {
    this.disposed = true;
  }
  removeFromParent() {
    this.removed = true;
  }
}
let noLod = false;
vi.mock('@sparkjsdev/spark', () => ({ SplatMesh: FakeMesh }));
// The file is opened (its header read) before Spark sees it; a header over every device's limit throws.
const opened: string[] = [];
vi.mock('../../src/media/splat-stream', () => ({
  openSplatStream: async (url: string) => {
    opened.push(url);
    if (url.includes('bomb')) throw new Error('the world holds 50,000,000 splats, more than any device draws (3,000,000)');
    return { stream: new ReadableStream(), length: undefined };
  },
}));

const { SplatLibrary } = await import('../../src/media/splat-library');

afterEach(() => {
  made.length = 0;
  opened.length = 0;
  noLod = false;
  vi.restoreAllMocks();
});

describe('SplatLibrary', () => {
  it('loads a world once, asking Spark for a LoD tree only at or above the budget', async () => {
    const library = new SplatLibrary({ budget: 300_000 });
    const [a, b] = await Promise.all([library.load('small.spz'), library.load('small.spz')]);
    expect(a).toBe(b);
    expect(a.status).toBe('ready');
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toMatchObject({ fileName: 'small.spz', lod: true, lodAbove: 300_000 });
    expect(opened).toEqual(['small.spz']);
    expect(library.state('small.spz')).toMatchObject({ status: 'ready', splats: 4000 });
  });

  it('shows a world over budget through its LoD tree, and refuses one without, with a warning', async () => {
    const library = new SplatLibrary({ budget: 300_000 });
    expect((await library.load('big.ply')).status).toBe('ready');
    noLod = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const other = new SplatLibrary({ budget: 300_000 });
    expect(await other.load('big.ply')).toEqual({ status: 'over-budget', splats: 2_000_000 });
    expect(made.at(-1)!.disposed).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('over this device\'s budget of 300000'));
  });

  it('counts a world at the budget\'s size until loaded, then at 16 bytes a splat, LoD splats included; a failed one at nothing', async () => {
    const library = new SplatLibrary({ budget: 300_000 });
    expect(library.bytesOf('small.spz')).toBe(300_000 * 16);
    await library.load('small.spz');
    expect(library.bytesOf('small.spz')).toBe(4000 * 16);
    await library.load('big.ply');
    // The fake's LoD tree holds a quarter as many splats again.
    expect(library.bytesOf('big.ply')).toBe((2_000_000 + 500_000) * 16);
    await library.load('broken.splat');
    expect(library.bytesOf('broken.splat')).toBe(0);
    expect(library.heldBytes()).toBe(4000 * 16 + 2_500_000 * 16);
    expect(library.readyUrls()).toEqual(['small.spz', 'big.ply']);
  });

  it('reports a broken file as failed', async () => {
    const library = new SplatLibrary({ budget: 300_000 });
    const state = await library.load('broken.splat');
    expect(state.status).toBe('failed');
    expect(state.status === 'failed' && state.error).toContain('could not load broken.splat: bad file');
  });

  it('refuses a world whose header claims more splats than any device draws, before Spark sees it', async () => {
    const state = await new SplatLibrary({ budget: 300_000 }).load('bomb.ply');
    expect(state).toEqual({ status: 'failed', error: 'splats: could not load bomb.ply: the world holds 50,000,000 splats, more than any device draws (3,000,000)' });
    expect(made).toHaveLength(0);
  });

  it('disposes worlds that fall out of reach, and one released while it loads', async () => {
    const library = new SplatLibrary({ budget: 300_000 });
    const listener = vi.fn();
    library.subscribe(listener);
    await library.load('small.spz');
    expect(listener).toHaveBeenCalledTimes(1);
    const small = made[0]!;
    const loading = library.load('big.ply');
    library.keepOnly(new Set());
    expect(small.disposed && small.removed).toBe(true);
    await loading;
    expect(made[1]!.disposed).toBe(true);
    expect(library.size).toBe(0);
  });
});
