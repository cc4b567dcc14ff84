/**
 * Section 4, memory: the small film (hello) switched between the hall and the archive, 200
 * switches by default; renderer counts (three's textures and geometries as the stage writes them
 * on the canvas, WebGL programs counted at the API) and the JS heap after a garbage collection,
 * after the first round trip (the baseline) and after the last.
 */
import type { Browser, Page } from 'playwright-core';
import { nextFrames, openPage, probe, waitForScene } from './browser';

export interface MemoryCounts {
  readonly textures: number;
  readonly geometries: number;
  readonly programs: number;
  readonly heapBytes: number;
}

export interface MemoryResult {
  readonly switches: number;
  readonly baseline: MemoryCounts;
  readonly after: MemoryCounts;
}

async function counts(page: Page): Promise<MemoryCounts> {
  // Panels and labels upload a few frames after the media is ready.
  await nextFrames(page, 10);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const canvas = await page.evaluate(() => {
    const c = document.querySelector('canvas')!;
    return { textures: Number(c.dataset['textures']), geometries: Number(c.dataset['geometries']) };
  });
  return { ...canvas, programs: (await probe(page)).programs, heapBytes: usedSize };
}

async function choose(page: Page, choice: string, scene: string): Promise<void> {
  await page.locator(`button[data-choice="${choice}"]`).evaluate((b: HTMLButtonElement) => b.click());
  await waitForScene(page, scene);
  await nextFrames(page, 2);
}

export async function benchMemory(browser: Browser, baseUrl: string, switches: number, log: (line: string) => void): Promise<MemoryResult> {
  const page = await openPage(browser, new URL('?film=hello&autoplay=1', baseUrl).href, { panoramaWidth: 2048 });
  try {
    await waitForScene(page, 'hall');
    await choose(page, 'corridor', 'archive');
    await choose(page, 'back', 'hall');
    const baseline = await counts(page);
    for (let i = 0; i < switches / 2; i++) {
      await choose(page, 'corridor', 'archive');
      await choose(page, 'back', 'hall');
      if ((i + 1) % 25 === 0) log(`  memory: ${2 * (i + 1)} switches`);
    }
    return { switches, baseline, after: await counts(page) };
  } finally {
    await page.context().close();
  }
}
