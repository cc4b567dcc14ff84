/**
 * Section 4, memory: the small film (hello) switched between the hall and the archive, 200
 * switches by default; renderer counts (three's textures and geometries as the stage writes them
 * on the canvas, WebGL programs counted at the API) and the JS heap after a garbage collection,
 * after the first round trip (the baseline) and after the last. The heap is also summed from a
 * heap snapshot without V8's compiled code: the code grows as the functions the switches run are
 * optimized, in steps that level off (about 2.6 MB over the first few hundred switches), while
 * what the player's objects, arrays, strings and closures hold is what a leak would grow.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { nextFrames, openPage, probe, waitForScene } from './browser';

export interface MemoryCounts {
  readonly textures: number;
  readonly geometries: number;
  readonly programs: number;
  readonly heapBytes: number;
  /** The heap snapshot's nodes without compiled code: the player's data. */
  readonly dataBytes: number;
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
  const dataBytes = await heapDataBytes(cdp);
  await cdp.detach();
  const canvas = await page.evaluate(() => {
    const c = document.querySelector('canvas')!;
    return { textures: Number(c.dataset['textures']), geometries: Number(c.dataset['geometries']) };
  });
  return { ...canvas, programs: (await probe(page)).programs, heapBytes: usedSize, dataBytes };
}

/** Sums the self size of every node of a heap snapshot but V8's compiled code. */
async function heapDataBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeField = fields.indexOf('type');
  const sizeField = fields.indexOf('self_size');
  const code = snapshot.snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) if (snapshot.nodes[i + typeField] !== code) bytes += snapshot.nodes[i + sizeField]!;
  return bytes;
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
