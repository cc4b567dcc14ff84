/**
 * Section 1, startup: navigation to the first frame that draws the panorama, for Pannellum, a bare
 * three.js page and the player (the one-scene package, and the bundled film), each in a fresh
 * context with nothing cached, alternating contestants run after run so a busy moment of the
 * machine falls on all of them; medians are reported. The player's waterfall comes from Resource
 * Timing and the probes.
 */
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_FILM } from '../../src/app/params';
import { type BenchProbe } from './probes';
import { median, openPage, probe } from './browser';
import { PANORAMA_WIDTH, packageId } from './fixtures';

/** Milliseconds from navigation, per step the player takes before its first panorama frame. */
export interface Waterfall {
  readonly entryScriptLoaded: number;
  readonly storyRequested: number;
  readonly storyLoaded: number;
  readonly panoramaRequested: number;
  readonly panoramaLoaded: number;
  /** The panorama's bitmap decoded (pages that decode with createImageBitmap). */
  readonly decoded: number;
  /** The renderer's WebGL context asked for. */
  readonly rendererContext: number;
  readonly uploaded: number;
  readonly firstFrame: number;
  /** Bytes the page had transferred (headers excluded) when it drew its first panorama frame. */
  readonly bytesBeforeFirstFrame: number;
}

interface Run {
  readonly firstFrame: number;
  readonly waterfall: Waterfall;
}

const CONTESTANTS = {
  pannellum: 'bench/pannellum.html',
  three: 'bench/three.html',
  'one-scene': `?film=${packageId(0)}&autoplay=1`,
  film: `?film=${DEFAULT_FILM}&autoplay=1`,
} as const;
type Contestant = keyof typeof CONTESTANTS;

export interface StartupResult {
  readonly runs: number;
  /** Median ms from navigation to the first panorama frame, per contestant. */
  readonly firstFrame: Record<Contestant, number>;
  /** Every run's figure, to see the spread. */
  readonly all: Record<Contestant, number[]>;
  /** Each step's median over the runs, per contestant. */
  readonly waterfall: Record<Contestant, Waterfall>;
}

export async function benchStartup(browser: Browser, baseUrl: string, runs: number, log: (line: string) => void): Promise<StartupResult> {
  const all = Object.fromEntries(Object.keys(CONTESTANTS).map((c) => [c, [] as Run[]])) as Record<Contestant, Run[]>;
  for (let i = 0; i < runs; i++) {
    // Rotate the order, so no contestant always runs first (right after the previous one's teardown).
    const order = Object.keys(CONTESTANTS) as Contestant[];
    for (let k = 0; k < i % order.length; k++) order.push(order.shift()!);
    for (const contestant of order) {
      const page = await openPage(browser, new URL(CONTESTANTS[contestant], baseUrl).href, { panoramaWidth: contestant === 'film' ? 2048 : PANORAMA_WIDTH, serviceWorkers: true });
      const run = await firstFrame(page);
      all[contestant].push(run);
      await page.context().close();
    }
    log(`  startup run ${i + 1}/${runs}: ${(Object.keys(CONTESTANTS) as Contestant[]).map((c) => `${c} ${Math.round(all[c].at(-1)!.firstFrame)} ms`).join(', ')}`);
  }
  const keys = Object.keys(CONTESTANTS) as Contestant[];
  const firstFrames = Object.fromEntries(keys.map((c) => [c, median(all[c].map((r) => r.firstFrame))])) as Record<Contestant, number>;
  return {
    runs,
    firstFrame: firstFrames,
    all: Object.fromEntries(keys.map((c) => [c, all[c].map((r) => Math.round(r.firstFrame))])) as Record<Contestant, number[]>,
    waterfall: Object.fromEntries(keys.map((c) => [c, medianWaterfall(all[c].map((r) => r.waterfall))])) as Record<Contestant, Waterfall>,
  };
}

async function firstFrame(page: Page): Promise<Run> {
  await page.waitForFunction(() => ((globalThis as unknown as { __bench: BenchProbe }).__bench.firstPanoramaFrame ?? 0) > 0, null, { timeout: 120_000, polling: 50 });
  const p = await probe(page);
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: r.name, start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize };
    }),
  );
  const first = (test: (name: string) => boolean) => resources.find((r) => test(new URL(r.name).pathname));
  const script = first((n) => /\/assets\/index-[^/]*\.js$/.test(n) || n.endsWith('/pannellum.js') || n.endsWith('/three.module.js'));
  const story = first((n) => n.endsWith('/story.json'));
  const panorama = first((n) => /panorama[^/]*\.(jpg|webp|avif|ktx2)$/.test(n));
  const frame = p.firstPanoramaFrame!;
  return {
    firstFrame: frame,
    waterfall: {
      entryScriptLoaded: script?.end ?? NaN,
      storyRequested: story?.start ?? NaN,
      storyLoaded: story?.end ?? NaN,
      panoramaRequested: panorama?.start ?? NaN,
      panoramaLoaded: panorama?.end ?? NaN,
      decoded: p.firstPanoramaDecoded ?? NaN,
      rendererContext: p.rendererContext ?? NaN,
      uploaded: p.firstPanoramaUpload ?? NaN,
      firstFrame: frame,
      bytesBeforeFirstFrame: resources.filter((r) => r.end <= frame).reduce((sum, r) => sum + r.bytes, 0),
    },
  };
}

/** Each step's median over the runs (a step a contestant does not take stays NaN). */
function medianWaterfall(runs: readonly Waterfall[]): Waterfall {
  const steps = Object.keys(runs[0]!) as Array<keyof Waterfall>;
  return Object.fromEntries(steps.map((step) => [step, median(runs.map((r) => r[step]).filter((v) => !Number.isNaN(v)))])) as unknown as Waterfall;
}
