import { describe, expect, it } from 'vitest';
import { pageErrors, usePlayer, waitForApp } from './harness';

// A browser with WebGL switched off, as on a kiosk PC with hardware acceleration off or a
// blocklisted GPU.
const open = usePlayer(['--disable-gpu', '--disable-webgl']);

describe('a browser without WebGL', () => {
  it('says what is missing and what to try, in the viewer\'s language, instead of an empty page', async () => {
    const page = await open('?film=hello');
    await waitForApp(page, { status: 'error' });
    const alert = page.getByRole('alert');
    expect(await alert.locator('h1').textContent()).toBe('This browser cannot draw the film');
    expect(await alert.locator('li').count()).toBe(3);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);

    const zh = await open('?film=hello&lang=zh-CN&autoplay=1');
    await waitForApp(zh, { status: 'error' });
    expect(await zh.getByRole('alert').locator('h1').textContent()).toBe('此浏览器无法绘制影片');
    expect(pageErrors(zh)).toEqual([]);
  });

  it('says so on a kiosk too', async () => {
    const page = await open('?mode=kiosk');
    await waitForApp(page, { status: 'error' });
    expect(await page.getByRole('alert').locator('h1').textContent()).toBe('This browser cannot draw the film');
    expect(pageErrors(page)).toEqual([]);
  });
});
