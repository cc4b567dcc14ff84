import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RGB, addStyle, choose as chooseScene, colourAt, colourDistance, dragYaw, usePlayer, nextFrames, pageErrors, waitForApp } from './harness';
import { lookQuaternion } from './view';
import { STEREO_COLORS } from '../../src/generate/fixtures/stereo';

const open = usePlayer();
const viewport = { width: 320, height: 200 };
/** The player's placeholder, the background behind a 180° picture. */
const BACKGROUND: RGB = [0x24, 0x26, 0x2d];

declare const xrDevice: { stereoEnabled: boolean; quaternion: { set(x: number, y: number, z: number, w: number): void } };


/** Pictures match closely; video frames shift colours in YUV, so they get a wider margin (still far from the other eye's). */
function expectColour(actual: RGB, expected: RGB, what: string, tolerance = 16) {
  expect(colourDistance(actual, expected), `${what}: got rgb(${actual.map(Math.round).join(', ')}), expected rgb(${expected.join(', ')})`).toBeLessThan(tolerance);
}

const choose = (page: Page, choice: string, scene: string) =>
  chooseScene(page, choice, scene, { status: scene === 'end' ? 'ended' : 'playing', frames: 4 });

async function enterStereoVR(page: Page) {
  await page.evaluate(() => (xrDevice.stereoEnabled = true));
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await page.waitForSelector('.player[data-xr="immersive"]');
  await nextFrames(page, 6);
}

describe('stereo and 180° pictures', () => {
  it('shows the left eye on a screen, and the front half of a 180° picture with the background behind', async () => {
    const page = await open('?film=stereo&autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'top-bottom', media: 'ready' });
    // Hide what covers the scene, but keep the accessibility layer: its choice buttons drive the film.
    await addStyle(page, '.hint, .reticle, .notice, .controls, .subtitles, .title-card, .countdown { display: none !important; }');
    await nextFrames(page, 4);
    let png = await page.screenshot({ path: 'test/.artifacts/stereo-screen-top-bottom.png' });
    expectColour(colourAt(png, 0.5, 0.5), STEREO_COLORS.left, 'top-bottom on screen');

    await choose(page, 'to-side-by-side', 'side-by-side');
    png = await page.screenshot({ path: 'test/.artifacts/stereo-screen-side-by-side.png' });
    expectColour(colourAt(png, 0.5, 0.5), STEREO_COLORS.left, 'side-by-side on screen');

    await choose(page, 'to-vr180', 'vr180');
    png = await page.screenshot({ path: 'test/.artifacts/stereo-screen-180-ahead.png' });
    expectColour(colourAt(png, 0.5, 0.5), STEREO_COLORS.front, '180° ahead');
    // Turn around: three drags of 60° each (75° of pitch span the canvas height).
    await dragYaw(page, 60);
    await nextFrames(page, 3);
    // Facing yaw 60: the picture's edge at yaw 90 lies right of centre, the background beyond it.
    png = await page.screenshot({ path: 'test/.artifacts/stereo-screen-180-edge.png' });
    expectColour(colourAt(png, 0.25, 0.5), STEREO_COLORS.front, '180° at yaw 30');
    expectColour(colourAt(png, 0.95, 0.5), BACKGROUND, '180° at yaw 108');
    for (let i = 0; i < 2; i++) await dragYaw(page, 60);
    await nextFrames(page, 3);
    png = await page.screenshot({ path: 'test/.artifacts/stereo-screen-180-behind.png' });
    expectColour(colourAt(png, 0.5, 0.5), BACKGROUND, '180° behind');

    // A stereo video asking for a media layer plays on the texture path on screens.
    await choose(page, 'to-video', 'video');
    png = await page.screenshot({ path: 'test/.artifacts/stereo-screen-video.png' });
    expectColour(colourAt(png, 0.5, 0.5), STEREO_COLORS.left, 'stereo video on screen', 40);
    expect(pageErrors(page)).toEqual([]);
  });

  it('gives each eye its own half in an emulated headset, through cuts, a dissolve and a fade', async () => {
    const page = await open('?film=stereo&autoplay=1', { viewport, emulateXR: true, reducedMotion: 'no-preference' });
    await waitForApp(page, { status: 'playing', scene: 'top-bottom', media: 'ready' });
    await enterStereoVR(page);
    const eyes = async (name: string, expected: { left: RGB; right: RGB }, tolerance = 16) => {
      await page.waitForFunction(() => !document.querySelector('canvas[data-transition]'));
      await nextFrames(page, 3);
      const png = await page.screenshot({ path: `test/.artifacts/stereo-xr-${name}.png` });
      expectColour(colourAt(png, 0.25, 0.5), expected.left, `${name}, left eye`, tolerance);
      expectColour(colourAt(png, 0.75, 0.5), expected.right, `${name}, right eye`, tolerance);
    };
    await eyes('top-bottom', STEREO_COLORS);
    // Mid-dissolve, the leaving and the arriving picture both show each eye its own colour.
    await page.locator('button[data-choice="to-side-by-side"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('canvas[data-transition="dissolve"]', { state: 'attached' });
    const mid = await page.screenshot({ path: 'test/.artifacts/stereo-xr-dissolving.png' });
    expectColour(colourAt(mid, 0.25, 0.5), STEREO_COLORS.left, 'dissolving, left eye');
    expectColour(colourAt(mid, 0.75, 0.5), STEREO_COLORS.right, 'dissolving, right eye');
    await waitForApp(page, { status: 'playing', scene: 'side-by-side', media: 'ready' });
    await eyes('side-by-side', STEREO_COLORS);
    await choose(page, 'to-vr180', 'vr180');
    await eyes('180-ahead', { left: STEREO_COLORS.front, right: STEREO_COLORS.front });
    await page.evaluate((q) => xrDevice.quaternion.set(...q), lookQuaternion(180, 0));
    await eyes('180-behind', { left: BACKGROUND, right: BACKGROUND });
    await page.evaluate((q) => xrDevice.quaternion.set(...q), lookQuaternion(0, 0));
    // IWER has no WebXR media layers: the scene that asks for one shows its video per eye on the sphere.
    await choose(page, 'to-video', 'video');
    await eyes('video', STEREO_COLORS, 40);
    expect(pageErrors(page)).toEqual([]);
  });
});
