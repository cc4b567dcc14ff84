import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, pageErrors, usePlayer, waitForApp } from './harness';

const open = usePlayer();

/**
 * Listens to what the player outputs: the analyser its sound output taps after the master gain
 * (through the test hook), sampled every 20 ms; `__heard` is the loudest sample so far.
 */
async function listen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as { __heard: number; __SIGHTLINE_TEST__?: object };
    g.__heard = 0;
    const taps: AnalyserNode[] = [];
    g.__SIGHTLINE_TEST__ = { ...g.__SIGHTLINE_TEST__, soundTaps: taps };
    let samples = new Float32Array(0);
    const sample = () => {
      const tap = taps[taps.length - 1];
      if (tap) {
        if (samples.length !== tap.fftSize) samples = new Float32Array(tap.fftSize);
        tap.getFloatTimeDomainData(samples);
        let peak = 0;
        for (const s of samples) peak = Math.max(peak, Math.abs(s));
        g.__heard = Math.max(g.__heard, peak);
      }
      setTimeout(sample, 20);
    };
    sample();
  });
}

/** The loudest sample heard since the last call (which starts listening afresh). */
const heard = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const g = globalThis as unknown as { __heard: number };
    const peak = g.__heard;
    g.__heard = 0;
    return peak;
  });

const wait = (page: Page, ms: number) => page.waitForFunction((ms) => new Promise((r) => setTimeout(() => r(true), ms)), ms);

/** The loudest sample over `ms`, starting once anything fading has had `settleMs` to settle. */
async function heardOver(page: Page, ms: number, settleMs = 0): Promise<number> {
  if (settleMs > 0) await wait(page, settleMs);
  await heard(page);
  await wait(page, ms);
  return heard(page);
}

/** Opens the ambience fixture and clicks Play (the gesture that allows sound). */
async function start(warnings: string[] = []): Promise<Page> {
  const page = await open('?film=ambience', { viewport: { width: 320, height: 200 } });
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await listen(page);
  await page.reload();
  await waitForApp(page, { status: 'ready' });
  await page.locator('button.play').first().click();
  await waitForApp(page, { status: 'playing', scene: 'bed', media: 'ready' });
  return page;
}

describe('ambience', () => {
  it("loops the scene's bed through the sound output: heard while the scene plays, silent when muted", async () => {
    const page = await start();
    await expect.poll(() => heard(page), { timeout: 10_000 }).toBeGreaterThan(0.02);
    // Still heard past the end of the 4 s file: it loops.
    await wait(page, 4500);
    expect(await heardOver(page, 600)).toBeGreaterThan(0.02);
    await page.locator('button.mute').click();
    expect(await page.locator('button.mute').getAttribute('aria-pressed')).toBe('true');
    expect(await heardOver(page, 800, 300)).toBeLessThan(0.001);
    await page.locator('button.mute').click();
    await expect.poll(() => heard(page), { timeout: 10_000 }).toBeGreaterThan(0.02);
    expect(pageErrors(page)).toEqual([]);
  });

  it('stops when scene time does, and carries on when it runs again', async () => {
    const page = await start();
    await expect.poll(() => heard(page), { timeout: 10_000 }).toBeGreaterThan(0.02);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await heardOver(page, 800, 500)).toBeLessThan(0.001);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => heard(page), { timeout: 10_000 }).toBeGreaterThan(0.02);
  });

  it("fetches the next scene's bed ahead, warns about one that cannot be decoded, fades out on leaving, and the film goes on", async () => {
    const warnings: string[] = [];
    const page = await start(warnings);
    await expect.poll(() => heard(page), { timeout: 10_000 }).toBeGreaterThan(0.02);
    // The broken bed is a choice away: fetched (and found undecodable) before it is chosen.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('assets/broken.ogg')))).toBe(true);
    await expect.poll(() => warnings.filter((w) => w.startsWith('ambience:'))).toEqual([
      'ambience: assets/broken.ogg could not be played (missing, or a format this browser cannot decode); the film goes on without it',
    ]);
    await choose(page, 'on', 'broken', { status: 'ended' });
    // The calm bed fades out over a second, then nothing is heard.
    expect(await heardOver(page, 800, 1200)).toBeLessThan(0.001);
    expect(pageErrors(page)).toEqual([]);
  });
});
