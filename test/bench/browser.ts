/**
 * The benchmark's browser: Debian's Chromium on SwiftShader, one fresh context per measurement
 * (nothing cached), the probes installed before any page script, and the player's test hooks set
 * only where a measurement needs them (a timestamped media log, a memory budget).
 */
import { type Browser, type Page, chromium } from 'playwright-core';
import { type BenchProbe, installProbes } from './probes';

export const VIEWPORT = { width: 960, height: 600 };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--ignore-gpu-blocklist',
      '--autoplay-policy=no-user-gesture-required',
      // performance.memory in whole bytes, not rounded buckets.
      '--enable-precise-memory-info',
    ],
  });
}

export interface BenchPageOptions {
  /** Width from which an uploaded picture counts as the panorama. */
  readonly panoramaWidth: number;
  /**
   * Set the player's test hooks: a media log whose entries carry `t` (performance.now()), and a
   * memory budget when given. Off for startup, where a viewer sets none.
   */
  readonly hooks?: { readonly mediaBudget?: number };
  /** Let the player's service worker install (a first visit does); blocked elsewhere so its precache does not disturb frames. */
  readonly serviceWorkers?: boolean;
  /** Install the IWER emulator (a Meta Quest 3) before the page loads. */
  readonly iwer?: string;
}

export async function openPage(browser: Browser, url: string, options: BenchPageOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', reducedMotion: 'reduce', serviceWorkers: options.serviceWorkers ? 'allow' : 'block' });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  // Nothing leaves the machine.
  await context.route((u) => u.origin !== origin, (route) => route.abort());
  // tsx keeps function names with an `__name` helper that the page lacks; functions sent to the page need it.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.addInitScript(installProbes, options.panoramaWidth);
  if (options.iwer) {
    await page.addInitScript({ content: options.iwer });
    await page.addInitScript(() => {
      const IWER = (globalThis as unknown as { IWER: typeof import('iwer') }).IWER;
      const device = new IWER.XRDevice(IWER.metaQuest3);
      device.installRuntime({ forceInstall: true } as never);
      (globalThis as unknown as { xrDevice: unknown }).xrDevice = device;
      const xr = navigator.xr!;
      const requestSession = xr.requestSession.bind(xr);
      xr.requestSession = async (...args: Parameters<XRSystem['requestSession']>) => {
        const session = await requestSession(...args);
        // IWER's session class is its own: time its frame callbacks too.
        (globalThis as unknown as { __benchWrapSession(p: object): void }).__benchWrapSession(Object.getPrototypeOf(session));
        (globalThis as unknown as { xrSession: XRSession }).xrSession = session;
        return session;
      };
    });
  }
  if (options.hooks) {
    await page.addInitScript((budget) => {
      const log: unknown[] = [];
      log.push = function (...items: unknown[]) {
        for (const item of items) Array.prototype.push.call(this, { ...(item as object), t: performance.now() });
        return this.length;
      };
      (globalThis as unknown as { __SIGHTLINE_TEST__: object }).__SIGHTLINE_TEST__ = { mediaLog: log, ...(budget !== null && { mediaBudget: budget }) };
    }, options.hooks.mediaBudget ?? null);
  }
  await page.goto(url);
  return page;
}

export const probe = (page: Page): Promise<BenchProbe> => page.evaluate(() => (globalThis as unknown as { __bench: BenchProbe }).__bench);

/** Frames recorded so far (to take a slice of what follows). */
export const frameCount = (page: Page): Promise<number> => page.evaluate(() => (globalThis as unknown as { __bench: BenchProbe }).__bench.frames.length);

/** Waits for the player to show a scene with its media ready (an ending's status is `ended`). */
export async function waitForScene(page: Page, scene?: string, timeout = 60_000): Promise<void> {
  const selector = scene ? `.app[data-scene="${scene}"] .viewing[data-media="ready"]` : '.app[data-status="playing"] .viewing[data-media="ready"]';
  await page.waitForSelector(selector, { state: 'attached', timeout });
}

export async function nextFrames(page: Page, frames: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/**
 * Looks around with the mouse: a drag from the centre, right then left then back, `steps` moves
 * with a frame between each, so the view moves on every frame measured.
 */
export async function lookAround(page: Page, steps = 60, spanPx = 480): Promise<void> {
  const { width, height } = VIEWPORT;
  const x0 = width / 2;
  const y0 = height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    // A triangle wave: 0 → +span/2 → −span/2 → 0, with a little pitch.
    const phase = i / steps;
    const dx = phase < 0.25 ? phase * 2 * spanPx : phase < 0.75 ? (0.5 - phase) * 2 * spanPx : (phase - 1) * 2 * spanPx;
    await page.mouse.move(x0 + dx, y0 + Math.sin(phase * Math.PI * 2) * 60);
    await nextFrames(page, 1);
  }
  await page.mouse.up();
}

export interface FrameStats {
  readonly frames: number;
  readonly median: number;
  readonly p99: number;
  readonly max: number;
  /** Frames whose callbacks took more than twice the median. */
  readonly over2x: number;
}

export function frameStats(frames: readonly number[]): FrameStats {
  if (frames.length === 0) return { frames: 0, median: NaN, p99: NaN, max: NaN, over2x: NaN };
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const median = at(0.5);
  return { frames: frames.length, median, p99: at(0.99), max: sorted[sorted.length - 1]!, over2x: frames.filter((f) => f > 2 * median).length };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
