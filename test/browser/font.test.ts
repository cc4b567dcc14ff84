import { describe, expect, it } from 'vitest';
import { SERVED_FONT_FAMILY } from '../../src/media';
import { usePlayer, nextFrames, pageErrors, waitForApp } from './harness';
import { lookQuaternion } from './view';

const open = usePlayer();
const FONT_FILE = 'fonts/sightline-sans-sc.woff2';

describe('the served CJK font', () => {
  it('is fetched from the player itself and draws the Chinese start screen', async () => {
    const page = await open('?lang=zh-CN', { viewport: { width: 640, height: 400 } });
    await waitForApp(page, { status: 'ready' });
    await expect.poll(() => page.evaluate((family) => document.fonts.check(`16px "${family}"`, '穹顶'), SERVED_FONT_FAMILY)).toBe(true);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const origin = new URL(page.url()).origin;
    expect(fetched.filter((n) => n.endsWith(FONT_FILE)).map((n) => new URL(n).origin)).toEqual([origin]);
    await page.screenshot({ path: '/tmp/audio-font-start.png' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('draws the headset menu in Chinese from it', async () => {
    const page = await open('?autoplay=1&lang=zh-CN', { emulateXR: true, viewport: { width: 800, height: 450 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await page.getByRole('button', { name: '进入 VR' }).click();
    await page.waitForSelector('.player[data-xr="immersive"]');
    await page.evaluate((q) => (globalThis as unknown as { xrDevice: { quaternion: { set(...q: number[]): void } } }).xrDevice.quaternion.set(...q), lookQuaternion(0, -60));
    // The menu's labels (退出 VR, 暂停, 静音…) are canvas text: the face loads for them, then they redraw.
    await expect.poll(() => page.evaluate((family) => document.fonts.check(`16px "${family}"`, '退出静音'), SERVED_FONT_FAMILY)).toBe(true);
    await nextFrames(page, 5);
    await page.screenshot({ path: '/tmp/audio-font-xr-menu.png' });
  });
});
