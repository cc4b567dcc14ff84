import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlayer, nextFrames, waitForApp } from './harness';

const open = usePlayer();

/** What the renderer holds, as the stage reports it on the canvas, once the scene has settled. */
async function gpuMemory(page: Page) {
  // Panels and labels upload a few frames after the scene's media is ready.
  await nextFrames(page, 10);
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas')!;
    return { textures: Number(canvas.dataset['textures']), geometries: Number(canvas.dataset['geometries']) };
  });
}

async function choose(page: Page, choice: string, scene: string) {
  const button = page.locator(`button[data-choice="${choice}"]`);
  await button.waitFor({ state: 'attached' });
  await button.focus();
  await page.keyboard.press('Enter');
  await waitForApp(page, { status: 'playing', scene, media: 'ready' });
  await nextFrames(page, 2); // Each scene is really drawn before the next switch.
}

describe('memory', () => {
  it('returns to its baseline after 100 scene switches', async () => {
    const page = await open('?autoplay=1', { viewport: { width: 480, height: 300 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await choose(page, 'corridor', 'archive');
    await choose(page, 'back', 'hall');
    const baseline = await gpuMemory(page);
    expect(baseline.textures).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) {
      await choose(page, 'corridor', 'archive');
      await choose(page, 'back', 'hall');
    }
    expect(await gpuMemory(page)).toEqual(baseline);
    await page.context().close();
  });
});
