import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type EndingPath, endingPaths, localize, validateStory } from '../../src/story';
import { pageErrors, perform, usePlayer, waitForApp } from './harness';
import { screenPoint } from './view';

/** The README's smallest film (scenes/smallest), played as printed there. */
const smallest = validateStory(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenes/smallest/story.json'), 'utf8'))).story!;
const open = usePlayer();
const VIEWPORT = { width: 960, height: 600 };

describe('the smallest film', () => {
  const paths = endingPaths(smallest);
  it('has a path to each of its endings', () => {
    expect(paths.map((p) => p.ending).sort()).toEqual(['below', 'tower']);
  });

  it.each(paths.map((p) => [p.ending, p] as const))('plays to the ending "%s" and its credits', async (_, path: EndingPath) => {
    const page = await open('?film=smallest&autoplay=1', { timeScale: 20 });
    await waitForApp(page, { status: 'playing', scene: 'square', media: 'ready' });
    for (const event of path.events) await perform(page, event);
    await waitForApp(page, { status: 'ended', scene: path.ending });
    await page.waitForSelector('.credits-screen');
    await expect.poll(() => page.locator('.endings li').allTextContents()).toEqual([localize(smallest.scenes[path.ending]!.title, 'en', smallest.languages)]);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('the yaw/pitch readout of the ?hotspots=1 preview', () => {
  /** The readout's numbers once it shows, and that they settle within `tolerance` of (yaw, pitch). */
  async function expectReadout(page: Page, yaw: number, pitch: number, tolerance = 0.5) {
    const readout = page.locator('.pointer-readout:not([hidden])');
    await expect
      .poll(async () => {
        if ((await readout.count()) === 0) return 'hidden';
        const [y, p] = await Promise.all([readout.getAttribute('data-yaw'), readout.getAttribute('data-pitch')]);
        const off = Math.max(Math.abs(Number(y) - yaw), Math.abs(Number(p) - pitch));
        return off <= tolerance ? 'there' : `yaw ${y}, pitch ${p}`;
      }, { timeout: 30_000 })
      .toBe('there');
    expect(await readout.textContent()).toMatch(/^yaw -?\d+\.\d° {2}pitch -?\d+\.\d°$/);
  }

  it('shows the yaw and pitch the mouse points at, and the hotspot\'s own where its outline is', async () => {
    const page = await open('?film=smallest&scene=square&hotspots=1', { viewport: VIEWPORT });
    await waitForApp(page, { status: 'playing', scene: 'square', media: 'ready' });
    expect(await page.locator('.pointer-readout:not([hidden])').count()).toBe(0);
    // The view opens ahead (yaw 0, pitch 0); where a direction is drawn on the screen, the readout names it.
    for (const [yaw, pitch] of [[30, 15], [-40, -20], [0, 0]] as const) {
      const at = screenPoint({ yaw: 0, pitch: 0 }, { yaw, pitch }, VIEWPORT);
      await page.mouse.move(at.x, at.y);
      await expectReadout(page, yaw, pitch);
    }
    // Turned to the crack (yaw 90, pitch 30 in story.json) by its "Look at" button, the centre reads it.
    await page.locator('button[data-hotspot="crack"]').evaluate((b: HTMLButtonElement) => b.click());
    await page.mouse.move(VIEWPORT.width / 2 + 1, VIEWPORT.height / 2);
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    await expectReadout(page, 90, 30);
    // Off the canvas, it goes.
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    await page.dispatchEvent('canvas', 'pointerleave');
    await expect.poll(() => page.locator('.pointer-readout:not([hidden])').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('is not there without ?hotspots=1', async () => {
    const page = await open('?film=smallest&scene=square', { viewport: VIEWPORT });
    await waitForApp(page, { status: 'playing', scene: 'square', media: 'ready' });
    await page.mouse.move(300, 200);
    await page.mouse.move(320, 210);
    expect(await page.locator('.pointer-readout').count()).toBe(0);
  });
});
