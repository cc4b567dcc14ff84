/**
 * Section 3, branch switch: in the small film (hello), from the hall to the archive through the
 * "corridor" choice, the archive preloaded (the default budget) or cold (a budget of one byte, so
 * nothing beyond the scene shown is fetched). Measured: the longest frame and frames over twice
 * the median in the second around the switch, the frames and milliseconds from the choice to the
 * archive's first frame (the player's media log says in which frame a picture is first drawn).
 */
import type { Browser } from 'playwright-core';
import { frameStats, nextFrames, openPage, waitForScene } from './browser';
import type { BenchProbe } from './probes';

export interface SwitchFigures {
  readonly longestFrame: number;
  readonly framesOver2xMedian: number;
  readonly framesToFirstFrame: number;
  readonly msToFirstFrame: number;
}

export interface SwitchResult {
  readonly preloaded: SwitchFigures;
  readonly cold: SwitchFigures;
}

export async function benchSwitch(browser: Browser, baseUrl: string): Promise<SwitchResult> {
  return { preloaded: await switchOnce(browser, baseUrl, undefined), cold: await switchOnce(browser, baseUrl, 1) };
}

interface Logged {
  readonly url: string;
  readonly event: string;
  readonly t: number;
}

async function switchOnce(browser: Browser, baseUrl: string, mediaBudget: number | undefined): Promise<SwitchFigures> {
  const page = await openPage(browser, new URL('?film=hello&autoplay=1', baseUrl).href, { panoramaWidth: 2048, hooks: mediaBudget === undefined ? {} : { mediaBudget } });
  try {
    await waitForScene(page, 'hall');
    // Settled: the archive preloaded where the budget allows, panels and labels uploaded.
    await nextFrames(page, 30);
    const chosenAt = await page.evaluate(() => {
      const at = performance.now();
      document.querySelector<HTMLButtonElement>('button[data-choice="corridor"]')!.click();
      return at;
    });
    await waitForScene(page, 'archive');
    await nextFrames(page, 30);
    const { frames, starts, log } = await page.evaluate(() => {
      const bench = (globalThis as unknown as { __bench: BenchProbe }).__bench;
      const log = (globalThis as unknown as { __SIGHTLINE_TEST__: { mediaLog: Logged[] } }).__SIGHTLINE_TEST__.mediaLog;
      return { frames: bench.frames, starts: bench.frameStarts, log };
    });
    const shown = log.find((e) => e.event === 'shown' && e.t > chosenAt && e.url.includes('/archive'));
    if (!shown) throw new Error('bench: the media log never showed the archive after the choice');
    // The second around the switch: from half a second before the choice to a second after it.
    const window = frames.filter((_, i) => starts[i]! >= chosenAt - 500 && starts[i]! <= chosenAt + 1000);
    const stats = frameStats(window);
    return {
      longestFrame: stats.max,
      framesOver2xMedian: stats.over2x,
      // The frame that draws the archive counts: 1 means the very next frame showed it.
      framesToFirstFrame: starts.filter((s) => s > chosenAt && s <= shown.t).length,
      msToFirstFrame: shown.t - chosenAt,
    };
  } finally {
    await page.context().close();
  }
}
