/**
 * Section 2, frame cost: time inside animation-frame callbacks while the view moves, for the bare
 * three.js page, Pannellum and the player with 0, 50 and 200 hotspots on the same panorama; then
 * in every scene of the bundled film (looking around, then the hover of every hotspot through its
 * "Look at" button); then in an IWER session turning the head.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_FILM } from '../../src/app/params';
import { type FrameStats, frameCount, frameStats, lookAround, nextFrames, openPage, probe, waitForScene } from './browser';
import { HOTSPOT_COUNTS, PANORAMA_WIDTH, packageId } from './fixtures';
import type { BenchProbe } from './probes';

export interface FramesResult {
  readonly three: FrameStats;
  readonly pannellum: FrameStats;
  readonly hotspots: Record<string, FrameStats>;
  /** Per scene of the bundled film: looking around, then hovering every hotspot. */
  readonly film: Record<string, FrameStats & { readonly programsLinkedWhileShowing: number; readonly longestGapMs: number }>;
  /**
   * In an IWER session: the session's frame callbacks (the player's work in a headset), and IWER's
   * own device frames around them, which also wait for the GPU process to draw both eyes in
   * software (so mostly GPU time here, not the player's).
   */
  readonly iwer: { readonly session: FrameStats; readonly deviceFrames: FrameStats } | null;
}

const root = resolve(import.meta.dirname, '../..');

/** Frames recorded after `from`. */
const framesSince = (page: Page, from: number) => page.evaluate((from) => (globalThis as unknown as { __bench: BenchProbe }).__bench.frames.slice(from), from);

async function firstPanoramaFrame(page: Page): Promise<void> {
  await page.waitForFunction(() => ((globalThis as unknown as { __bench: BenchProbe }).__bench.firstPanoramaFrame ?? 0) > 0, null, { timeout: 120_000, polling: 50 });
}

/** Opens `path`, waits for its panorama and a few settled frames, looks around, and returns the frames measured. */
async function looked(browser: Browser, url: string, player: boolean): Promise<FrameStats> {
  const page = await openPage(browser, url, { panoramaWidth: PANORAMA_WIDTH });
  await firstPanoramaFrame(page);
  if (player) await waitForScene(page);
  await nextFrames(page, 10);
  const from = await frameCount(page);
  await lookAround(page, 40);
  const stats = frameStats(await framesSince(page, from));
  await page.context().close();
  return stats;
}

export async function benchFrames(browser: Browser, baseUrl: string, log: (line: string) => void): Promise<FramesResult> {
  const three = await looked(browser, new URL('bench/three.html', baseUrl).href, false);
  log(`  three.js page: median ${three.median.toFixed(2)} ms over ${three.frames} frames`);
  const pannellum = await looked(browser, new URL('bench/pannellum.html', baseUrl).href, false);
  log(`  Pannellum: median ${pannellum.median.toFixed(2)} ms over ${pannellum.frames} frames`);
  const hotspots: Record<string, FrameStats> = {};
  for (const count of HOTSPOT_COUNTS) {
    hotspots[String(count)] = await looked(browser, new URL(`?film=${packageId(count)}&autoplay=1`, baseUrl).href, true);
    log(`  player, ${count} hotspots: median ${hotspots[String(count)]!.median.toFixed(2)} ms over ${hotspots[String(count)]!.frames} frames`);
  }
  const film = await benchFilmScenes(browser, baseUrl, log);
  let iwer: FramesResult['iwer'] = null;
  try {
    iwer = await benchIWER(browser, baseUrl);
    log(`  IWER session: median ${iwer.session.median.toFixed(2)} ms over ${iwer.session.frames} frames, longest ${iwer.session.max.toFixed(1)} ms (IWER's device frames: longest ${iwer.deviceFrames.max.toFixed(0)} ms)`);
  } catch (error) {
    log(`  IWER session: not measured (${String(error).split('\n')[0]})`);
  }
  return { three, pannellum, hotspots, film, iwer };
}

/** Every scene of the bundled film, opened on its own (`?scene=`), looked around, every hotspot hovered. */
async function benchFilmScenes(browser: Browser, baseUrl: string, log: (line: string) => void) {
  const story = JSON.parse(readFileSync(resolve(root, 'scenes', DEFAULT_FILM, 'story.json'), 'utf8')) as { scenes: Record<string, unknown> };
  const result: FramesResult['film'] = {};
  for (const scene of Object.keys(story.scenes)) {
    const page = await openPage(browser, new URL(`?film=${DEFAULT_FILM}&scene=${scene}`, baseUrl).href, { panoramaWidth: 2048 });
    await waitForScene(page, scene);
    await nextFrames(page, 10);
    const from = await frameCount(page);
    const linkedBefore = (await probe(page)).linked;
    await lookAround(page, 16);
    // The "Look at" buttons of the accessibility layer turn the view to each hotspot and hover it.
    for (const button of await page.locator('button[data-hotspot]').all()) {
      await button.focus();
      await nextFrames(page, 2);
    }
    const stats = frameStats(await framesSince(page, from));
    // The longest time between two frames' starts: a stall the viewer sees, wherever its time went
    // (a frame callback, or a task between frames such as a texture upload).
    const starts = await page.evaluate((from) => __bench.frameStarts.slice(from), from);
    const longestGapMs = Math.max(0, ...starts.slice(1).map((t, i) => t - starts[i]!));
    result[scene] = { ...stats, programsLinkedWhileShowing: (await probe(page)).linked - linkedBefore, longestGapMs };
    log(`  film scene ${scene}: median ${stats.median.toFixed(2)} ms, max ${stats.max.toFixed(1)} ms, ${stats.over2x} over 2× median, ${result[scene]!.programsLinkedWhileShowing} programs linked while showing, longest gap between frames ${longestGapMs.toFixed(0)} ms`);
    await page.context().close();
  }
  return result;
}

declare const xrDevice: { quaternion: { set(x: number, y: number, z: number, w: number): void } };
declare const __bench: BenchProbe;

/** The bundled film's first scene in an IWER session (a Meta Quest 3), turning the head a full circle. */
async function benchIWER(browser: Browser, baseUrl: string): Promise<NonNullable<FramesResult['iwer']>> {
  const iwer = readFileSync(createRequire(import.meta.url).resolve('iwer/build/iwer.min.js'), 'utf8');
  const page = await openPage(browser, new URL(`?film=${DEFAULT_FILM}&autoplay=1`, baseUrl).href, { panoramaWidth: 2048, iwer });
  try {
    await waitForScene(page);
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await page.waitForSelector('.player[data-xr="immersive"]', { timeout: 30_000 });
    await nextFrames(page, 10);
    const read = () => page.evaluate(() => ({ window: __bench.frames.length, session: __bench.xrFrames.length }));
    const from = await read();
    for (let i = 1; i <= 40; i++) {
      const yaw = (i / 40) * Math.PI * 2;
      await page.evaluate((yaw) => xrDevice.quaternion.set(0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)), yaw);
      await nextFrames(page, 1);
    }
    const { session, deviceFrames } = await page.evaluate((from) => ({ session: __bench.xrFrames.slice(from.session), deviceFrames: __bench.frames.slice(from.window) }), from);
    return { session: frameStats(session), deviceFrames: frameStats(deviceFrames) };
  } finally {
    await page.context().close();
  }
}
