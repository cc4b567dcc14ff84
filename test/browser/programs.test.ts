import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nextFrames, pageErrors, stepSceneTo, usePlayer, waitForApp, waitForHold } from './harness';

const open = usePlayer();

/** Counts shader programs linked in the page (a link in mid-scene is a judder in a headset). */
async function countLinks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as { links: number };
    g.links = 0;
    for (const context of [WebGLRenderingContext, WebGL2RenderingContext]) {
      const link = context.prototype.linkProgram;
      context.prototype.linkProgram = function (this: WebGLRenderingContext, program: WebGLProgram) {
        g.links++;
        return link.call(this, program);
      };
    }
  });
}

const links = (page: Page) => page.evaluate(() => (globalThis as unknown as { links: number }).links);

describe('shader programs', () => {
  it('are linked before a scene shows: looking at every hotspot and the choices appearing link none', async () => {
    const page = await open('?film=glass-sky&scene=lamplight', { pauseAt: { lamplight: 0 }, timeScale: 60 });
    await countLinks(page);
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'lamplight', media: 'ready' });
    await waitForHold(page, { scene: 'lamplight', ms: 0 });
    await page.waitForSelector('canvas[data-compiled^="lamplight|true|"]', { state: 'attached' });
    const linked = await links(page);
    expect(linked).toBeGreaterThan(0);
    // Each "Look at" button turns the view to its hotspot, whose ring shows as the gaze meets it.
    const hotspots = await page.locator('button[data-hotspot]').all();
    expect(hotspots.length).toBe(3);
    for (const button of hotspots) {
      await button.focus();
      await nextFrames(page, 4);
    }
    // The choices are offered a minute in: their panels, text and frames show.
    await stepSceneTo(page, 60_000);
    await expect.poll(() => page.locator('button[data-choice]').count()).toBeGreaterThan(0);
    await page.locator('button[data-choice]').first().focus();
    await nextFrames(page, 4);
    expect(await links(page)).toBe(linked);
    expect(pageErrors(page)).toEqual([]);
  });
});
