import type { Page } from 'playwright-core';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { MENU_DISTANCE, MENU_PITCH, menuButtonPlace } from '../../src/stage/XRMenu';
import { unitVectorOf } from '../../src/story';
import { nextFrames, pageErrors, releaseScene, stepSceneTo, usePlayer, waitForApp, waitForHold, waitForPause } from './harness';
import { lookQuaternion } from './view';

const open = usePlayer();

interface MediaState {
  readonly src: string;
  readonly currentTime: number;
  readonly paused: boolean;
  readonly muted: boolean;
  readonly volume: number;
  readonly playbackRate: number;
}

/**
 * Records every media element the player plays, so a test can read narration and video back, and
 * listens to what the player outputs: the analyser its sound output taps after the master gain
 * (through the test hook), sampled every 20 ms. `__heard` is the loudest sample so far;
 * `__heardEarly` the loudest while the narration was in its first `EARLY_S` seconds. Each sample
 * reads the analyser's longest window (32768 samples, over half a second), so a page starved of
 * CPU, whose 20 ms timer runs a few times a second, still hears every stretch of sound.
 */
async function recordMedia(page: Page): Promise<void> {
  await page.addInitScript((earlyS) => {
    const played: HTMLMediaElement[] = [];
    const g = globalThis as unknown as { __played: HTMLMediaElement[]; __heard: number; __heardEarly: number; __SIGHTLINE_TEST__?: object };
    g.__played = played;
    g.__heard = 0;
    g.__heardEarly = 0;
    const taps: AnalyserNode[] = [];
    g.__SIGHTLINE_TEST__ = { ...g.__SIGHTLINE_TEST__, soundTaps: taps };
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!played.includes(this)) played.push(this);
      return play.call(this);
    };
    let samples = new Float32Array(0);
    const listen = () => {
      const tap = taps[taps.length - 1];
      if (tap) {
        if (tap.fftSize !== 32768) tap.fftSize = 32768;
        if (samples.length !== tap.fftSize) samples = new Float32Array(tap.fftSize);
        tap.getFloatTimeDomainData(samples);
        let peak = 0;
        for (const s of samples) peak = Math.max(peak, Math.abs(s));
        g.__heard = Math.max(g.__heard, peak);
        const narration = [...played].reverse().find((m) => m instanceof HTMLAudioElement);
        if (narration && !narration.paused && narration.currentTime < earlyS) g.__heardEarly = Math.max(g.__heardEarly, peak);
      }
      setTimeout(listen, 20);
    };
    listen();
  }, EARLY_S);
}

/** The narration's first sentence ("Under the dome, nobody looks up.") is said within this. */
const EARLY_S = 4;

/** The loudest sample heard since the last call (which starts listening afresh). */
function heard(page: Page, which: '__heard' | '__heardEarly' = '__heard'): Promise<number> {
  return page.evaluate((which) => {
    const g = globalThis as unknown as Record<string, number>;
    const peak = g[which]!;
    g[which] = 0;
    return peak;
  }, which);
}

/** How many sound outputs have made their graph (and tapped it) since the page loaded. */
const taps = (page: Page) => page.evaluate(() => (globalThis as unknown as { __SIGHTLINE_TEST__: { soundTaps: unknown[] } }).__SIGHTLINE_TEST__.soundTaps.length);


/** The last played element whose source ends with `suffix` (e.g. ".ogg" for narration), or null. */
function media(page: Page, suffix: string): Promise<MediaState | null> {
  return page.evaluate((suffix) => {
    const played = (globalThis as unknown as { __played: HTMLMediaElement[] }).__played;
    const el = [...played].reverse().find((m) => m.src.endsWith(suffix));
    return el ? { src: el.src, currentTime: el.currentTime, paused: el.paused, muted: el.muted, volume: el.volume, playbackRate: el.playbackRate } : null;
  }, suffix);
}

/** Opens the start screen of the bundled film and clicks Play (the gesture that allows sound). */
async function startWithPlay(path: string, options: Parameters<typeof open>[1] = {}): Promise<Page> {
  const page = await open(path, { viewport: { width: 640, height: 400 }, ...options });
  await recordMedia(page);
  await page.reload();
  await waitForApp(page, { status: 'ready' });
  await page.locator('button.play').first().click();
  await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
  return page;
}

describe('sound controls and narration', () => {
  it("plays the scene's narration in the viewer's language, and fetches the next scenes' ahead", async () => {
    const page = await startWithPlay('?lang=zh-CN');
    await expect.poll(async () => (await media(page, '.ogg'))?.currentTime ?? 0).toBeGreaterThan(0.3);
    const narration = (await media(page, '.ogg'))!;
    expect(narration.src).toMatch(/assets\/hall\.zh-CN\.ogg$/);
    expect(narration.muted).toBe(false);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.some((n) => n.endsWith('hall.zh-CN.ogg'))).toBe(true);
    expect(fetched.some((n) => n.endsWith('hall.en.ogg'))).toBe(false);
    // The archive is a choice away from the hall: its narration is fetched before it is chosen.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('archive.zh-CN.ogg')))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('mute silences what is heard (which otherwise carries the narration); unmuting brings it back', async () => {
    // The same words (the first sentence) listened to unmuted and, from the start again, muted;
    // each time scene time holds at 5 s, between the first sentence and the second (from 5.5 s).
    const page = await startWithPlay('?lang=en', { pauseAt: { hall: 5000 } });
    await waitForHold(page, { scene: 'hall', ms: 5000 });
    await expect.poll(async () => (await media(page, '.ogg'))?.currentTime ?? 0).toBeGreaterThan(EARLY_S + 0.2);
    expect(await heard(page, '__heardEarly')).toBeGreaterThan(0.02);
    await page.locator('button.mute').click();
    expect(await page.locator('button.mute').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await waitForApp(page, { status: 'ready' });
    await page.getByRole('button', { name: /Start over/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await waitForHold(page, { scene: 'hall', ms: 5000 });
    // It played on while muted (unmuting continues mid-sentence), yet nothing reached the output.
    await expect.poll(async () => (await media(page, '.ogg'))?.currentTime ?? 0).toBeGreaterThan(EARLY_S + 0.2);
    expect(await taps(page)).toBe(1);
    expect(await heard(page, '__heardEarly')).toBeLessThan(0.001);
    // Unmuted before the second sentence: heard again once scene time runs on.
    await page.locator('button.mute').click();
    await releaseScene(page);
    await expect.poll(() => heard(page), { timeout: 20_000 }).toBeGreaterThan(0.02);
  });

  it('half the volume is half the level heard', async () => {
    // The same words (the first sentence) listened to at 80 % and, from the start again, at 40 %.
    const page = await startWithPlay('?lang=en');
    await expect.poll(async () => (await media(page, '.ogg'))?.currentTime ?? 0, { timeout: 20_000 }).toBeGreaterThan(EARLY_S + 0.2);
    const loud = await heard(page, '__heardEarly');
    expect(loud).toBeGreaterThan(0.02);
    const slider = page.getByRole('slider', { name: 'Volume' });
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('40');
    await page.reload();
    await waitForApp(page, { status: 'ready' });
    await page.getByRole('button', { name: /Start over/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await expect.poll(async () => (await media(page, '.ogg'))?.currentTime ?? 0, { timeout: 20_000 }).toBeGreaterThan(EARLY_S + 0.2);
    const quiet = await heard(page, '__heardEarly');
    expect(quiet / loud).toBeGreaterThan(0.35);
    expect(quiet / loud).toBeLessThan(0.65);
  });

  it('keeps the volume (set with the keyboard) and the mute across a reload, and resumes narration at the saved scene time', async () => {
    const page = await startWithPlay('?lang=en');
    const slider = page.getByRole('slider', { name: 'Volume' });
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('50');
    // Well into the first sentence before reloading.
    await expect.poll(async () => (await media(page, '.ogg'))?.currentTime ?? 0, { timeout: 20_000 }).toBeGreaterThan(3);
    await page.reload();
    await waitForApp(page, { status: 'ready' });
    await page.getByRole('button', { name: /Continue/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    expect(await page.getByRole('slider', { name: 'Volume' }).inputValue()).toBe('50');
    await expect.poll(async () => (await media(page, '.ogg'))?.paused).toBe(false);
    const resumed = (await media(page, '.ogg'))!;
    // Sought to the saved scene time, not started from the top.
    expect(resumed.currentTime).toBeGreaterThan(2.5);
    await page.locator('button.mute').click();
    await page.reload();
    await waitForApp(page, { status: 'ready' });
    await page.getByRole('button', { name: /Continue/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    expect(await page.locator('button.mute').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await media(page, '.ogg'))?.paused).toBe(false);
    expect(await taps(page)).toBe(1);
  });

  it('keeps narration on scene time: at the clock\'s rate, and sought back when it strays', async () => {
    // Scene time at 2×, held at 1 s: the narration played at that rate and stopped with it.
    const page = await startWithPlay('?lang=en', { timeScale: 2, pauseAt: { hall: 1000 } });
    await waitForHold(page, { scene: 'hall', ms: 1000 });
    await expect.poll(async () => (await media(page, '.ogg'))?.paused).toBe(true);
    const held = (await media(page, '.ogg'))!;
    expect(held.playbackRate).toBe(2);
    expect(held.currentTime).toBeGreaterThan(0.5);
    // Thrown 4 s ahead of scene time (as a decoder's jump would), then scene time runs on to 1.5 s:
    // the narration is brought back to it, not left 4 s ahead.
    const strayed = await page.evaluate(() => {
      const played = (globalThis as unknown as { __played: HTMLMediaElement[] }).__played;
      const el = [...played].reverse().find((m) => m instanceof HTMLAudioElement)!;
      el.currentTime += 4;
      return el.currentTime;
    });
    await stepSceneTo(page, 1500);
    await expect.poll(async () => (await media(page, '.ogg'))!.currentTime).toBeLessThan(strayed - 2);
    expect((await media(page, '.ogg'))!.currentTime).toBeGreaterThan(1);
  });

  it('pause stops the narration, resume carries on', async () => {
    const page = await startWithPlay('?lang=en');
    await expect.poll(async () => (await media(page, '.ogg'))?.currentTime ?? 0).toBeGreaterThan(0.5);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await media(page, '.ogg'))?.paused).toBe(true);
    const at = (await media(page, '.ogg'))!.currentTime;
    await page.waitForFunction(() => new Promise((r) => setTimeout(() => r(true), 800)));
    expect((await media(page, '.ogg'))!.currentTime).toBe(at);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await media(page, '.ogg'))?.currentTime ?? 0).toBeGreaterThan(at + 0.3);
  });

  it('video starts silent under autoplay, one click gives it sound, and pause stops it', async () => {
    // Held half a second into the two-second video, so it cannot end (and the scene with it) under the test.
    const page = await open('?film=video&autoplay=1', { viewport: { width: 640, height: 400 }, pauseAt: { orbit: 500 } });
    await recordMedia(page);
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'orbit', media: 'ready' });
    await waitForHold(page, { scene: 'orbit', ms: 500 });
    await expect.poll(async () => (await media(page, '.webm'))?.currentTime ?? 0).toBeGreaterThan(0);
    expect(await page.locator('button.mute').getAttribute('aria-pressed')).toBe('true');
    expect((await media(page, '.webm'))!.muted).toBe(true);
    // Paused by the viewer, then the test's hold let go: only the pause holds the video.
    await page.getByRole('button', { name: 'Pause' }).click();
    await waitForPause(page, 'paused');
    await releaseScene(page);
    await expect.poll(async () => (await media(page, '.webm'))?.paused).toBe(true);
    const at = (await media(page, '.webm'))!.currentTime;
    await page.waitForFunction(() => new Promise((r) => setTimeout(() => r(true), 500)));
    expect((await media(page, '.webm'))!.currentTime).toBe(at);
    await page.locator('button.mute').click();
    // The click started the sound output: the video is heard through it, at its full element level.
    expect(await taps(page)).toBe(1);
    expect((await media(page, '.webm'))!).toMatchObject({ muted: false, volume: 1 });
    await page.screenshot({ path: '/tmp/audio-controls-video.png' });
  });

  it('warns about a narration file that cannot be played, and the scene goes on', async () => {
    const page = await open('?film=broken-narration&autoplay=1', { viewport: { width: 320, height: 200 } });
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.reload();
    await waitForApp(page, { status: 'ended', scene: 'after' });
    expect(warnings.filter((w) => w.startsWith('narration:'))).toEqual([
      'narration: assets/voice.ogg could not be played (missing, or a format this browser cannot decode); the scene goes on without it',
    ]);
    expect(pageErrors(page).filter((e) => !e.includes('voice.ogg'))).toEqual([]);
  });

  it('mutes and sets the volume from the headset menu', async () => {
    // A small view keeps software-rendered frames short, so trigger presses stay clicks (< 300 ms).
    const page = await startWithPlay('?lang=en', { emulateXR: true, pauseAt: { hall: 1000 }, viewport: { width: 400, height: 225 } });
    await page.getByRole('button', { name: 'Enter VR' }).click();
    await page.waitForSelector('.player[data-xr="immersive"]');
    await page.evaluate((q) => (globalThis as unknown as { xrDevice: { quaternion: { set(...q: number[]): void } } }).xrDevice.quaternion.set(...q), lookQuaternion(0, -60));
    await nextFrames(page, 5);
    const head = new Vector3(0, 1.6, 0);
    const d = unitVectorOf(0, MENU_PITCH);
    const centre = head.clone().add(new Vector3(d.x, d.y, d.z).multiplyScalar(MENU_DISTANCE));
    const slider = page.getByRole('slider', { name: 'Volume' });
    const mutePressed = () => page.locator('button.mute').getAttribute('aria-pressed');
    /**
     * Presses menu button `index` until `done` holds. A press only counts as a click under 300 ms,
     * which a loaded machine's software-rendered frames can exceed, and the first press after
     * entering may be lost while the ray starts (see xr.test.ts); a press that clicked changes the
     * state, so checking before pressing again never presses twice.
     */
    const pressUntil = async (index: number, done: () => Promise<boolean>) => {
      const { x, y } = menuButtonPlace(index);
      await aimController(page, new Vector3(0.2, 1.2, -0.2), centre.clone().add(new Vector3(x, y, 0)));
      await nextFrames(page, 5);
      await page.screenshot({ path: `/tmp/audio-xr-menu-${index}.png` });
      for (let attempt = 0; attempt < 8 && !(await done()); attempt++) {
        await select(page);
        await expect.poll(done, { timeout: 1500 }).toBe(true).catch(() => {});
      }
      expect(await done()).toBe(true);
    };
    // Buttons: exit, pause, mute, volume down, volume up. The narration was held at 1 s while the
    // headset came on, so there is still speech to hear.
    await releaseScene(page);
    await expect.poll(() => heard(page), { timeout: 20_000 }).toBeGreaterThan(0.02);
    await pressUntil(2, async () => (await mutePressed()) === 'true');
    // (That mute silences the output is measured on the screen, over a sentence known to be said.)
    await pressUntil(3, async () => (await slider.inputValue()) === '70');
    // Turning the volume down is not asking for sound: still muted.
    expect(await mutePressed()).toBe('true');
    await pressUntil(4, async () => (await slider.inputValue()) === '80');
    // Turning it up is: unmuted. (Whether it is heard again is the screen tests' business: by now
    // the scene's narration may have been said to its end.)
    expect(await mutePressed()).toBe('false');
  });
});

type Quat = [number, number, number, number];
interface EmulatedController {
  position: { set(x: number, y: number, z: number): void };
  quaternion: { set(x: number, y: number, z: number, w: number): void };
  updateButtonValue(id: string, value: number): void;
}
declare const xrDevice: { controllers: Record<'right', EmulatedController> };

/** Points the right controller from `from` toward `to` (as xr.test.ts does). */
async function aimController(page: Page, from: Vector3, to: Vector3) {
  const q = new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), to.clone().sub(from).normalize());
  await page.evaluate(
    ({ p, q }) => {
      xrDevice.controllers.right.position.set(p[0], p[1], p[2]);
      xrDevice.controllers.right.quaternion.set(q[0], q[1], q[2], q[3]);
    },
    { p: from.toArray(), q: [q.x, q.y, q.z, q.w] as Quat },
  );
}

/** A trigger press of one frame, under the 300 ms click threshold. */
function select(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        xrDevice.controllers.right.updateButtonValue('trigger', 1);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            xrDevice.controllers.right.updateButtonValue('trigger', 0);
            resolve();
          }),
        );
      }),
  );
}
