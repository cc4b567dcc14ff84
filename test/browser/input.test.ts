import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { nextFrames, pageErrors, showSceneOnly, usePlayer, waitForApp } from './harness';
import { choicePanelPoint, lookQuaternion, screenFieldOfView, screenPoint } from './view';
import { nearestSector } from '../../src/generate/fixtures/comfort';

/**
 * Comfort and input modes on the comfort fixture: a dial of twelve coloured 30° sectors (sector k
 * centred on yaw k × 30), whose first scene opens on yaw 60 with a hotspot at yaw 90.
 */
const open = usePlayer();
const desk = { width: 480, height: 300 };
const headset = { width: 480, height: 270 };

type Quat = [number, number, number, number];
interface EmulatedDevice {
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  recenter(): void;
  controllers: Record<'left' | 'right', { updateAxes(id: string, x: number, y: number): void; updateButtonValue(id: string, value: number): void }>;
}
declare const xrDevice: EmulatedDevice;

const status = (page: Page) => page.locator('[role="status"]');

/** The dial sector at a point of the page (by default the centre of a screen view). */
async function sectorAt(page: Page, at: { x: number; y: number }): Promise<number> {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: at.x - 1, y: at.y - 1, width: 2, height: 2 } }));
  return nearestSector([png.data[0]!, png.data[1]!, png.data[2]!]);
}
const centre = (viewport: { width: number; height: number }) => ({ x: viewport.width / 2, y: viewport.height / 2 - 20 });

async function enterVR(page: Page) {
  await waitForApp(page, { status: 'playing', scene: 'dial', media: 'ready' });
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await page.waitForSelector('.player[data-xr="immersive"]');
  // Entering the headset faces the scene's start direction: the rig turns to yaw 60.
  await rigYaw(page, 60);
}

/** Waits for the viewer's rig (the XR origin) to be turned to `yaw`, as the canvas reports it. */
const rigYaw = (page: Page, yaw: number) => page.waitForSelector(`canvas[data-rig-yaw="${yaw}"]`, { state: 'attached', timeout: 10_000 });

/** Pushes the right thumbstick fully sideways for a few frames, then lets it go. */
async function flick(page: Page, x: number) {
  await page.evaluate((x) => xrDevice.controllers.right.updateAxes('thumbstick', x, 0), x);
  await nextFrames(page, 6);
  await page.evaluate(() => xrDevice.controllers.right.updateAxes('thumbstick', 0, 0));
  await nextFrames(page, 3);
}

const turnHead = (page: Page, q: Quat) => page.evaluate((q) => xrDevice.quaternion.set(...q), q);

describe('on a screen', () => {
  it('opens the scene on its start direction, and R turns back to it after looking away', async () => {
    const page = await open('?film=comfort&autoplay=1', { viewport: desk });
    await waitForApp(page, { status: 'playing', scene: 'dial', media: 'ready' });
    await showSceneOnly(page);
    await nextFrames(page, 3);
    expect(await sectorAt(page, centre(desk))).toBe(2);
    await page.screenshot({ path: 'test/.artifacts/input-start.png' });
    // Turn away with the arrow key until the view has left the start sector.
    await page.keyboard.down('ArrowLeft');
    await expect.poll(() => sectorAt(page, centre(desk)), { timeout: 10_000 }).toBeLessThan(1);
    await page.keyboard.up('ArrowLeft');
    await page.keyboard.press('r');
    await nextFrames(page, 2);
    expect(await sectorAt(page, centre(desk))).toBe(2);
    // A mouse and keyboard computer is no phone: no orientation option.
    expect(await page.locator('button.magic-window').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('cuts to the next scene on its start direction', async () => {
    const page = await open('?film=comfort&autoplay=1', { viewport: desk });
    await waitForApp(page, { status: 'playing', scene: 'dial', media: 'ready' });
    await page.locator('button[data-choice="turn"]').focus();
    await page.keyboard.press('Enter');
    await waitForApp(page, { status: 'playing', scene: 'turned', media: 'ready' });
    await showSceneOnly(page);
    await nextFrames(page, 3);
    expect(await sectorAt(page, centre(desk))).toBe(-3);
    await page.screenshot({ path: 'test/.artifacts/input-cut.png' });
  });
});

describe('on a phone', () => {
  it('looks around by moving the phone, with a drag adding yaw on top', async () => {
    const phone = { width: 400, height: 300 };
    const page = await open('?film=comfort&autoplay=1', { viewport: phone, touch: true });
    await waitForApp(page, { status: 'playing', scene: 'dial', media: 'ready' });
    await page.getByRole('button', { name: 'Move your phone to look around' }).tap();
    await expect.poll(() => page.locator('button.magic-window').getAttribute('aria-pressed')).toBe('true');
    await showSceneOnly(page);
    const orient = (alpha: number, beta: number, gamma: number) =>
      page.evaluate((init) => window.dispatchEvent(new DeviceOrientationEvent('deviceorientation', init)), { alpha, beta, gamma });
    // This phone is in landscape (screen angle 90): held upright, turned anticlockwise on its
    // side, it reads beta 0, gamma -90. The view stays on the scene's start direction (no jump).
    expect(await page.evaluate(() => screen.orientation.angle)).toBe(90);
    await orient(100, 0, -90);
    await nextFrames(page, 3);
    expect(await sectorAt(page, centre(phone))).toBe(2);
    // A finger dragging right by 30° of view turns it left by 30° on top of the phone: yaw 30.
    await page.evaluate((dx) => {
      const canvas = document.querySelector('canvas')!;
      const at = (type: string, x: number) => new PointerEvent(type, { pointerId: 3, pointerType: 'touch', isPrimary: true, clientX: x, clientY: 150, bubbles: true, buttons: 1 });
      canvas.dispatchEvent(at('pointerdown', 50));
      for (let i = 1; i <= 6; i++) window.dispatchEvent(at('pointermove', 50 + (dx * i) / 6));
      window.dispatchEvent(at('pointerup', 50 + dx));
    }, (30 * phone.height) / 75);
    await nextFrames(page, 2);
    expect(await sectorAt(page, centre(phone))).toBe(1);
    // Turning the phone 60° clockwise (alpha falls) brings the hotspot at yaw 90 into view; hold it there.
    await orient(40, 0, -90);
    await nextFrames(page, 2);
    expect(await sectorAt(page, centre(phone))).toBe(3);
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The east sector.');
    await expect.poll(() => page.locator('button[data-choice]').allTextContents()).toContain('Go east');
    await nextFrames(page, 3);
    await page.screenshot({ path: 'test/.artifacts/input-magic-window.png' });
    // The new choices were placed where the phone looked (yaw 90, level); a tap on "Go east" takes it.
    const { place } = choicePanelPoint(2, 3, { yaw: 90, pitch: 0 }, screenFieldOfView(phone));
    const target = screenPoint({ yaw: 90, pitch: 0 }, place, phone, 2.2);
    await page.touchscreen.tap(target.x, target.y);
    await waitForApp(page, { status: 'ended', scene: 'done' });
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('in an emulated Meta Quest 3', () => {
  it('snap-turns 30° per thumbstick flick: the hotspot 30° to the right comes in front and dwells', async () => {
    const page = await open('?film=comfort&autoplay=1', { emulateXR: true, viewport: headset });
    // Entering the headset faces the start direction (yaw 60); the head never turns in this test.
    await enterVR(page);
    await flick(page, 1);
    await rigYaw(page, 90);
    // One turn per flick: holding the stick over several frames turned the rig once.
    await nextFrames(page, 5);
    expect(await page.locator('canvas').getAttribute('data-rig-yaw')).toBe('90');
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The east sector.');
    await page.screenshot({ path: 'test/.artifacts/input-snap-turn.png' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('a gaze-aligned cut puts the new scene\'s start direction where the viewer looks', async () => {
    const page = await open('?film=comfort&autoplay=1', { emulateXR: true, viewport: headset });
    await enterVR(page);
    // Looking 100° to the left of the start direction: world yaw -40.
    await turnHead(page, lookQuaternion(-100, 0));
    await nextFrames(page, 3);
    await page.locator('button[data-choice="gaze"]').focus();
    await page.keyboard.press('Enter');
    await waitForApp(page, { status: 'playing', scene: 'aligned', media: 'ready' });
    // The rig turned by 150 - (-40) = 190°: from 60 to -110.
    await rigYaw(page, -110);
    // Without turning the head, the viewer now faces the scene's start (yaw 150) and its hotspot fires.
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The start direction.');
    await page.screenshot({ path: 'test/.artifacts/input-gaze-cut.png' });
  });

  it('recenters on the start direction when a squeeze is held, and on the system\'s recenter', async () => {
    const page = await open('?film=comfort&autoplay=1', { emulateXR: true, viewport: headset });
    await enterVR(page);
    // The head turns 100° left (world yaw -40); holding the squeeze for a second brings yaw 60 back in front.
    await turnHead(page, lookQuaternion(-100, 0));
    await nextFrames(page, 3);
    await page.evaluate(() => xrDevice.controllers.left.updateButtonValue('squeeze', 1));
    await rigYaw(page, 160);
    await page.evaluate(() => xrDevice.controllers.left.updateButtonValue('squeeze', 0));
    // A flick right from there reaches the hotspot at 90 only if the start direction (60) is in front.
    await flick(page, 1);
    await rigYaw(page, -170);
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain('Clue found: The east sector.');
    // The system's recenter (the reference space's reset) makes the head's current heading the
    // tracked space's forward; the scene's start direction comes back in front with it.
    await turnHead(page, lookQuaternion(45, 0));
    await nextFrames(page, 3);
    await page.evaluate(() => xrDevice.recenter());
    await rigYaw(page, 60);
    expect(pageErrors(page)).toEqual([]);
  });
});
