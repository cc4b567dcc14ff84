import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskStore, nextFrames, pageErrors, usePlayer, waitForApp } from '../browser/harness';
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

/**
 * Plays `count` viewings back to back inside the page, as visitors would on the kiosk's stepped
 * clock: a language tapped, then a random choice whenever choices are offered, a look at a hotspot
 * now and then, a deadline left to run out, a visitor who walks away mid-film; the credits' wait
 * and the idle time are stepped, never waited out. In the page, so 300 viewings cost no round trips.
 */
function playViewings(page: Page, count: number, seed: number): Promise<void> {
  return page.evaluate(
    async ({ count, seed }) => {
      type Hooks = { advanceKiosk(ms: number): void };
      const hooks = (globalThis as unknown as { __SIGHTLINE_TEST__: Hooks }).__SIGHTLINE_TEST__;
      // mulberry32: a seeded generator, so a failing run can be replayed.
      let s = seed >>> 0;
      const random = () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const app = () => document.querySelector<HTMLElement>('.app')!;
      /**
       * Steps kiosk time by `stepMs` a frame until `done`: the kiosk notices time on its own timers,
       * so time is moved a little at a time rather than all at once before it looks.
       */
      const until = async (done: () => boolean, stepMs: number) => {
        for (let frames = 0; !done(); frames++) {
          if (frames > 3000) throw new Error(`soak: viewing ${started} stuck in ${app().dataset['status']} ${app().dataset['scene']}`);
          if (stepMs > 0) hooks.advanceKiosk(stepMs);
          await frame();
        }
      };
      let started = 0;
      let plan: { scene: string; act: 'choose' | 'wait' | 'look' | 'leave' } | null = null;
      let framesInViewing = 0;
      let framesInScene = 0;
      while (true) {
        await frame();
        if (++framesInViewing > 6000) throw new Error(`soak: viewing ${started} stuck in ${app().dataset['status']} ${app().dataset['scene']}`);
        const status = app().dataset['status'];
        if (status === 'attract') {
          if (started === count) break;
          const buttons = [...document.querySelectorAll<HTMLButtonElement>('.attract-languages button')];
          if (buttons.length === 0) continue;
          pick(buttons).click();
          started++;
          plan = null;
          framesInViewing = 0;
          // Until the viewing is under way, the attract loop is still on show.
          await until(() => app().dataset['status'] !== 'attract', 0);
        } else if (status === 'ended') {
          await until(() => app().dataset['status'] !== 'ended', 2500);
        } else if (status === 'playing') {
          const scene = app().dataset['scene']!;
          if (document.querySelector('.viewing')?.getAttribute('data-media') !== 'ready') continue;
          framesInScene = plan?.scene === scene ? framesInScene + 1 : 0;
          // A scene whose deadline this film does not set: choose after all.
          if (plan?.act === 'wait' && framesInScene > 60) plan = { scene, act: 'choose' };
          if (plan?.scene !== scene) {
            const roll = random();
            plan = { scene, act: roll < 0.08 ? 'leave' : roll < 0.2 ? 'wait' : roll < 0.35 ? 'look' : 'choose' };
          }
          if (plan.act === 'leave') {
            await until(() => document.querySelector('.reset-countdown') !== null || app().dataset['status'] !== 'playing', 15_000);
            await until(() => app().dataset['status'] !== 'playing', 5000);
            continue;
          }
          if (plan.act === 'look') {
            const unseen = [...document.querySelectorAll<HTMLButtonElement>('button[data-hotspot]:not([data-seen="true"])')];
            if (unseen.length > 0) pick(unseen).click();
            plan = { scene, act: 'choose' };
            continue;
          }
          const choices = [...document.querySelectorAll<HTMLButtonElement>('button[data-choice]')];
          if (plan.act === 'choose' && choices.length > 0) {
            pick(choices).click();
            // Once: wait for the scene to change rather than clicking again.
            plan = { scene, act: 'wait' };
          }
        }
      }
    },
    { count, seed },
  );
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
