import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskStore, nextFrames, pageErrors, usePlayer, waitForApp } from '../browser/harness';
import { playViewings } from '../browser/kiosk-visitors';
import type { ViewingRecord } from '../../src/records';

const dist = resolve(import.meta.dirname, '../../dist');
const open = usePlayer();
const VIEWINGS = Number(process.env['SOAK_VIEWINGS'] ?? 300);
const WARM_UP = 101;
const KIOSK_FILE = join(dist, 'kiosk-kt-soak.json');

beforeAll(() => {
  writeFileSync(
    KIOSK_FILE,
    JSON.stringify({ format: 'sightline-kiosk/1', id: 'kt-soak', film: 'hello', edition: 'full', languages: ['en', 'zh-CN'], afterCreditsSeconds: 5, operator: { pin: '2468' } }),
  );
});
afterAll(() => rmSync(KIOSK_FILE, { force: true }));

/** What the renderer holds (the stage's counts on the canvas) and the JS heap after a full collection. */
async function memory(page: Page) {
  await nextFrames(page, 10);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const renderer = await page.evaluate(() => {
    const canvas = document.querySelector('canvas')!;
    return { textures: Number(canvas.dataset['textures']), geometries: Number(canvas.dataset['geometries']) };
  });
  return { ...renderer, heap: usedSize };
}

describe('a kiosk left running', () => {
  it(`plays ${VIEWINGS} viewings back to back, records each once, and holds no more renderer memory than after the first, and no more heap than after warming up`, { timeout: 20 * 60_000 }, async () => {
    const page = await open('?mode=kiosk&kiosk=kt-soak', { viewport: { width: 240, height: 150 }, hooks: { kioskClock: 'manual' }, timeScale: 40 });
    await waitForApp(page, { status: 'attract' });
    const startedAt = Date.now();
    const figures: string[] = [];
    let first: Awaited<ReturnType<typeof memory>> | undefined;
    let warm: Awaited<ReturnType<typeof memory>> | undefined;
    // In rounds, back in the attract loop after each: the first viewing, then rounds of 50.
    for (let done = 0; done < VIEWINGS; ) {
      const round = done === 0 ? 1 : Math.min(50, VIEWINGS - done);
      await playViewings(page, round, 20261205 + done);
      done += round;
      await waitForApp(page, { status: 'attract' });
      const now = await memory(page);
      figures.push(`${done}: heap ${(now.heap / 1e6).toFixed(2)} MB, textures ${now.textures}, geometries ${now.geometries}`);
      first ??= now;
      // The heap's baseline: after 100 viewings every path has been taken and the engine's caches
      // have filled (it grows ~40 % over those, then levels off); a leak keeps growing after.
      if (done === WARM_UP) warm = now;
    }
    const last = await memory(page);
    const seconds = (Date.now() - startedAt) / 1000;
    const records = await kioskStore<ViewingRecord>(page, 'viewings');
    const counts = new Map<string, number>();
    for (const r of records) counts.set(r.outcome.kind, (counts.get(r.outcome.kind) ?? 0) + 1);
    console.log(`soak: ${VIEWINGS} viewings in ${seconds.toFixed(0)} s (${[...counts].map(([kind, n]) => `${kind} ${n}`).join(', ')}); after each round: ${figures.join('; ')}`);
    expect(records).toHaveLength(VIEWINGS);
    expect(new Set(records.map((r) => r.id)).size).toBe(VIEWINGS);
    expect(records.filter((r) => r.endedAt === null)).toEqual([]);
    expect(records.filter((r) => r.outcome.kind === 'ending').length).toBeGreaterThan(VIEWINGS / 2);
    expect(records.filter((r) => r.outcome.kind === 'left').length).toBeGreaterThan(0);
    expect({ textures: last.textures, geometries: last.geometries }).toEqual({ textures: first!.textures, geometries: first!.geometries });
    expect(last.heap).toBeLessThan(warm!.heap * 1.1);
    expect(pageErrors(page)).toEqual([]);
  });
});
