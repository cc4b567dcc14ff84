import { describe, expect, it } from 'vitest';
import { addTestHooks, showSceneOnly, usePlayer, nextFrames, pageErrors, pixelVariance, releaseScene, stepSceneTo, waitForApp, waitForHold } from './harness';

const open = usePlayer();

describe('360° video', () => {
  it('plays muted without a gesture, advances, and ends the scene when it ends', async () => {
    // Held half a second in, then a second in: the two-second video cannot end under the screenshots.
    const page = await open('?film=video&autoplay=1', { viewport: { width: 640, height: 360 }, pauseAt: { orbit: 500 } });
    await waitForApp(page, { status: 'playing', scene: 'orbit', media: 'ready' });
    await waitForHold(page, { scene: 'orbit', ms: 500 });
    await showSceneOnly(page);
    await nextFrames(page, 3);
    const first = await page.screenshot();
    expect(pixelVariance(first)).toBeGreaterThan(150);
    // The test pattern moves: a later frame differs from the first.
    await stepSceneTo(page, 1000);
    await nextFrames(page, 3);
    await expect.poll(async () => Buffer.compare(first, await page.screenshot()) !== 0, { timeout: 20_000 }).toBe(true);
    // The two-second video plays once; its end ends the scene, which routes on to the ending.
    await releaseScene(page);
    await waitForApp(page, { status: 'ended', scene: 'after' }, 20_000);
    expect(pageErrors(page)).toEqual([]);
  });

  it('refuses a video wider than the device shows from its header, and plays the scene with a placeholder', async () => {
    // The orbit video is 1024×512: a device that shows 512 on a side cannot take its frames.
    const page = await open('?film=video&autoplay=1', { viewport: { width: 640, height: 360 }, pauseAt: { orbit: 0 } });
    await addTestHooks(page, { maxTextureSize: 512 });
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'orbit', media: 'failed' });
    await expect.poll(() => page.locator('.notice').textContent()).toContain('could not be shown');
    // The reason, for whoever looks closer (the notice's title).
    expect(await page.locator('.notice').getAttribute('title')).toContain('1024×512 pixels; this device shows at most 512');
    expect(pageErrors(page)).toEqual([]);
  });
});
