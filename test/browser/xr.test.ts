import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Euler, Quaternion, Vector3 } from 'three';
import { showSceneOnly, usePlayer, nextFrames, pageErrors, pixelVariance, releaseScene, sceneTime, waitForApp, waitForHold, waitForPause } from './harness';
import { MENU_DISTANCE, MENU_PITCH, menuButtonPlace } from '../../src/stage/XRMenu';
import { unitVectorOf } from '../../src/story';
import { facingHead } from '../../src/stage/direction';
import { HEADSET_FIELD_OF_VIEW, choicePanelPoint, lookQuaternion } from './view';

const open = usePlayer();

/** The emulated headset's head position (IWER's default standing height). */
const HEAD = new Vector3(0, 1.6, 0);

type Quat = [number, number, number, number];
interface EmulatedDevice {
  updateVisibilityState(state: 'visible' | 'visible-blurred' | 'hidden'): void;
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  primaryInputMode: 'controller' | 'hand';
  controllers: Record<'left' | 'right', {
    position: { set(x: number, y: number, z: number): void };
    quaternion: { set(x: number, y: number, z: number, w: number): void };
    updateButtonValue(id: string, value: number): void;
  }>;
  hands: Record<'left' | 'right', {
    position: { set(x: number, y: number, z: number): void };
    quaternion: { set(x: number, y: number, z: number, w: number): void };
    updatePinchValue(value: number): void;
  }>;
}
declare const xrDevice: EmulatedDevice;
declare const xrSession: XRSession;

const turnHead = (page: Page, q: Quat) => page.evaluate((q) => xrDevice.quaternion.set(...q), q);

/** Points the right controller (or hand) from `from` toward `to`, in the reference space. */
async function aimController(page: Page, from: Vector3, to: Vector3, input: 'controllers' | 'hands' = 'controllers') {
  const q = new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), to.clone().sub(from).normalize());
  await page.evaluate(
    ({ p, q, input }) => {
      xrDevice[input].right.position.set(p[0], p[1], p[2]);
      xrDevice[input].right.quaternion.set(q[0], q[1], q[2], q[3]);
    },
    { p: from.toArray(), q: [q.x, q.y, q.z, q.w] as Quat, input },
  );
}

/** Enters VR on the hall, finds the crack by head gaze; the panels then sit around yaw 90, pitch 30. */
async function enterAndFindCrack(page: Page) {
  await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
  await page.getByRole('button', { name: 'Enter VR' }).click();
  await page.waitForSelector('.player[data-xr="immersive"]');
  await turnHead(page, lookQuaternion(90, 30));
  await expect.poll(() => page.locator('[role="status"]').textContent(), { timeout: 15_000 }).toContain('Clue found: The sky beyond the dome is real.');
  await expect.poll(() => page.locator('button[data-choice]').allTextContents()).toEqual(['Climb the tower', 'Follow the corridor']);
  await nextFrames(page, 3);
}

/**
 * A select shorter than the 300 ms click threshold of XR pointers: the right controller's trigger
 * (or the right hand's pinch) held for one frame, since IWER turns input changes into
 * selectstart/selectend on the next XR frame. Returns how long it lasted in page time, so a slow
 * software-rendered frame shows up in the failure.
 */
async function select(page: Page, input: 'controllers' | 'hands' = 'controllers'): Promise<number> {
  return page.evaluate(
    (input) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const set = (value: number) =>
          input === 'hands' ? xrDevice.hands.right.updatePinchValue(value) : xrDevice.controllers.right.updateButtonValue('trigger', value);
        set(1);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            set(0);
            resolve(performance.now() - start);
          }),
        );
      }),
    input,
  );
}

/**
 * Selects until `done` holds. A select is a click only under 300 ms, which a loaded machine's
 * software-rendered frames can exceed, and the first after entering may be lost while the ray
 * starts: such a press is simply made again. One that clicked changes what `done` checks, so
 * nothing is pressed twice. Fails naming how long each press took.
 */
async function selectUntil(page: Page, done: () => Promise<boolean>, input: 'controllers' | 'hands' = 'controllers'): Promise<void> {
  const presses: number[] = [];
  for (let attempt = 0; attempt < 8 && !(await done()); attempt++) {
    presses.push(Math.round(await select(page, input)));
    await expect.poll(done, { timeout: 4000 }).toBe(true).catch(() => {});
  }
  expect(await done(), `after presses of ${presses.join(', ')} ms`).toBe(true);
}

/** Whether the app shows this scene. */
const inScene = (page: Page, scene: string) => async () => (await page.locator('.app').getAttribute('data-scene')) === scene;

describe('WebXR on an emulated Meta Quest 3', () => {
  it('finds a clue by head gaze and chooses with the controller ray', async () => {
    const page = await open('?autoplay=1', { emulateXR: true, viewport: { width: 800, height: 450 } });
    // Look at the crack in the dome (yaw 90, pitch 30) and hold still for its dwell.
    await enterAndFindCrack(page);
    await page.screenshot({ path: 'test/.artifacts/xr-hall.png' });

    // Panels appeared in front of the head; aim the controller at "Climb the tower" and click.
    const { offset } = choicePanelPoint(0, 2, { yaw: 90, pitch: 30 }, HEADSET_FIELD_OF_VIEW);
    await aimController(page, HEAD.clone().add(new Vector3(0.15, -0.3, -0.1)), HEAD.clone().add(offset));
    await nextFrames(page, 5);
    await selectUntil(page, inScene(page, 'tower'));
    await waitForApp(page, { status: 'ended', scene: 'tower' });
    expect(await page.locator('.player').getAttribute('data-xr')).toBe('immersive');
    await nextFrames(page, 5);
    const png = await page.screenshot({ path: 'test/.artifacts/xr-tower.png' });
    expect(pixelVariance(png)).toBeGreaterThan(100);
    expect(pageErrors(page)).toEqual([]);
  });

  it('drops back to the screen at the same point of the story when the session ends', async () => {
    const page = await open('?autoplay=1', { emulateXR: true, viewport: { width: 800, height: 450 } });
    await enterAndFindCrack(page);
    await page.evaluate(() => xrSession.end());
    await page.waitForSelector('.player[data-xr="screen"]');
    await waitForApp(page, { status: 'playing', scene: 'hall' });
    expect(await page.locator('button[data-choice]').allTextContents()).toEqual(['Climb the tower', 'Follow the corridor']);
    await showSceneOnly(page);
    await nextFrames(page, 5);
    expect(pixelVariance(await page.screenshot())).toBeGreaterThan(150);
    expect(pageErrors(page)).toEqual([]);
  });

  it('stops scene time while the headset is off', async () => {
    // Held 1 s into the archive while entering VR takes what it takes; let go once the headset is off.
    const page = await open('?autoplay=1', { emulateXR: true, timeScale: 20, pauseAt: { archive: 1000 }, viewport: { width: 800, height: 450 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await page.locator('button[data-choice="corridor"]').focus();
    await page.keyboard.press('Enter');
    await waitForApp(page, { status: 'playing', scene: 'archive', media: 'ready' });
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await page.waitForSelector('.player[data-xr="immersive"]');
    await waitForHold(page, { scene: 'archive', ms: 1000 });
    await page.evaluate(() => xrDevice.updateVisibilityState('hidden'));
    await waitForPause(page, 'xr-hidden');
    await releaseScene(page);
    // Two seconds of real time are 40 s of scene time at 20×, more than the archive's 30 s countdown.
    await page.waitForFunction(() => new Promise((r) => setTimeout(() => r(true), 2000)));
    expect(await sceneTime(page)).toMatchObject({ scene: 'archive', ms: 1000, held: false, pausedBy: ['xr-hidden'] });
    expect(await page.locator('.app').getAttribute('data-scene')).toBe('archive');
    await page.evaluate(() => xrDevice.updateVisibilityState('visible'));
    await waitForApp(page, { status: 'playing', scene: 'hall' });
  });

  it('chooses with a hand-tracking pinch', async () => {
    const page = await open('?autoplay=1', { emulateXR: true, viewport: { width: 800, height: 450 } });
    await page.evaluate(() => (xrDevice.primaryInputMode = 'hand'));
    await enterAndFindCrack(page);
    const { offset } = choicePanelPoint(1, 2, { yaw: 90, pitch: 30 }, HEADSET_FIELD_OF_VIEW);
    await aimController(page, HEAD.clone().add(new Vector3(0.2, -0.35, -0.25)), HEAD.clone().add(offset), 'hands');
    await nextFrames(page, 5);
    await selectUntil(page, inScene(page, 'archive'), 'hands');
    await waitForApp(page, { status: 'playing', scene: 'archive' });
  });

  it('chooses by resting the head gaze on a choice for two seconds', async () => {
    const page = await open('?autoplay=1', { emulateXR: true, viewport: { width: 800, height: 450 } });
    await enterAndFindCrack(page);
    const { place } = choicePanelPoint(0, 2, { yaw: 90, pitch: 30 }, HEADSET_FIELD_OF_VIEW);
    await turnHead(page, lookQuaternion(place.yaw, place.pitch));
    await waitForApp(page, { status: 'ended', scene: 'tower' });
  });

  it('exits VR from the menu summoned by looking down', async () => {
    const page = await open('?autoplay=1', { emulateXR: true, viewport: { width: 400, height: 225 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await page.waitForSelector('.player[data-xr="immersive"]');
    await turnHead(page, lookQuaternion(0, -60));
    await nextFrames(page, 5);
    // The menu appears below the gaze at yaw 0, facing the viewer; "Exit VR" is its first button.
    const d = unitVectorOf(0, MENU_PITCH);
    const exit = HEAD.clone().add(new Vector3(d.x, d.y, d.z).multiplyScalar(MENU_DISTANCE)).add(new Vector3(menuButtonPlace(0).x, menuButtonPlace(0).y, 0));
    await aimController(page, new Vector3(0.2, 1.2, -0.2), exit);
    await nextFrames(page, 5);
    await page.screenshot({ path: 'test/.artifacts/xr-menu.png' });
    await selectUntil(page, async () => (await page.locator('.player').getAttribute('data-xr')) === 'screen');
    await waitForApp(page, { status: 'playing', scene: 'hall' });
  });
});


describe('the headset menu', () => {
  it('switches subtitles off and on, changes their size and the language', async () => {
    // Held, then paused, on the first subtitle ("Under the dome…", 0.5–5 s), so it stays on show unless switched off.
    const page = await open('?autoplay=1&lang=en', { emulateXR: true, pauseAt: { hall: 1000 }, viewport: { width: 400, height: 225 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await waitForHold(page, { scene: 'hall', ms: 1000 });
    const line = page.locator('p.subtitles');
    await line.waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => line.textContent()).toContain('Under the dome');
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await page.waitForSelector('.player[data-xr="immersive"]');
    await turnHead(page, lookQuaternion(0, -60));
    await nextFrames(page, 5);
    const d = unitVectorOf(0, MENU_PITCH);
    const centre = HEAD.clone().add(new Vector3(d.x, d.y, d.z).multiplyScalar(MENU_DISTANCE));
    /** Presses menu button `index` (each press a click, < 300 ms) until `done` holds; see audio.test.ts. */
    const pressUntil = async (index: number, done: () => Promise<boolean>, shot?: string) => {
      const { x, y } = menuButtonPlace(index);
      // The menu is tilted to face the head: its rows step down and toward the viewer.
      const place = new Vector3(x, y, 0).applyEuler(new Euler(...facingHead(0, MENU_PITCH)));
      await aimController(page, new Vector3(0.2, 1.2, -0.2), centre.clone().add(place));
      await nextFrames(page, 5);
      if (shot) await page.screenshot({ path: shot });
      for (let attempt = 0; attempt < 8 && !(await done()); attempt++) {
        // A press held past 300 ms on a loaded machine is no click: it is simply pressed again.
        await select(page);
        // Long enough for a loaded machine's click to land, so a toggle is not pressed back.
        await expect.poll(done, { timeout: 4000 }).toBe(true).catch(() => {});
      }
      expect(await done(), `menu button ${index}`).toBe(true);
    };
    // The subtitle the headset shows is the one the player hands the stage, the same as the page's line.
    const subtitle = async () => ((await line.count()) === 0 ? '' : ((await line.textContent()) ?? ''));
    // Buttons: exit, pause, mute, volume −, volume +, subtitles, subtitle size, language.
    await pressUntil(5, async () => (await subtitle()) === '', 'test/.artifacts/xr-menu-full.png');
    expect(await page.locator('button.subtitles-toggle').getAttribute('aria-pressed')).toBe('false');
    await pressUntil(5, async () => (await subtitle()).includes('Under the dome'));
    await pressUntil(6, async () => (await line.getAttribute('class')) === 'subtitles size-large');
    await pressUntil(7, async () => (await page.locator('html').getAttribute('lang')) === 'zh-CN');
    // The subtitle, the narration and the player's words are now in Chinese.
    await expect.poll(subtitle).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('button.pause').textContent()).toBe('继续');
    await nextFrames(page, 5);
    await turnHead(page, lookQuaternion(0, -60));
    await page.screenshot({ path: 'test/.artifacts/xr-menu-zh.png' });
    expect(pageErrors(page)).toEqual([]);
  });
});
