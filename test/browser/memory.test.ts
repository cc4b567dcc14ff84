import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { addTestHooks, choose as chooseScene, pageErrors, usePlayer, nextFrames, waitForApp, waitForHold, withFilm } from './harness';
import { estimateBytes, textureBytes, videoBytes } from '../../src/media/memory-governor';
import { UNDECLARED_MODEL_BYTES } from '../../src/media/model-library';
import { splatWorld } from '../../src/generate/fixtures/splats/world';

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

// Each scene is really drawn before the next switch.
const choose = (page: Page, choice: string, scene: string) => chooseScene(page, choice, scene, { frames: 2 });

/** Opens a film with the test hooks set: the media log, and a memory budget when given. */
async function openWithBudget(path: string, budget: number | null, pauseAt?: Record<string, number>) {
  // An inert page first (the player's icon), so the hooks and the request log are in place before
  // the player loads: a player loaded without them and then reloaded could still be preloading
  // the next scenes, unbudgeted, while the reload began.
  const page = await open('icons/icon.svg', { viewport: { width: 320, height: 200 }, ...(pauseAt && { pauseAt }) });
  await addTestHooks(page, budget === null ? { mediaLog: [] } : { mediaLog: [], mediaBudget: budget });
  // Every request the page and its workers make from here on, as it is made (Spark fetches worlds
  // in a worker, which the page's resource timing does not see; and a resource timing entry is
  // added after its response, sometimes after the scene it belongs to is ready).
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.goto(new URL(withFilm(path), inject('baseUrl')).href);
  return Object.assign(page, { asked: (name: string) => asked.filter((url) => url.endsWith(`/assets/${name}`)).length });
}

/** Bytes of media held now, per kind, as the memory governor reports them on the canvas. */
const heldBytes = (page: Page) =>
  page.evaluate(() => JSON.parse(document.querySelector('canvas')?.dataset['mediaBytes'] ?? 'null') as Record<'texture' | 'video' | 'splat' | 'model' | 'narration' | 'ambience', number> | null);
const fetched = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { __SIGHTLINE_TEST__: { mediaLog: Array<{ url: string; event: string }> } }).__SIGHTLINE_TEST__.mediaLog
      .filter((e) => e.event === 'fetch')
      .map((e) => e.url.split('/assets/')[1]),
  );

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
  });

  it('preloads the next scenes that fit the budget, nearest first, and fetches the others only when chosen', async () => {
    // The formats film's panoramas are 1024×512 (RGBA with mipmaps once decoded) and declare no
    // width, so a next one is counted at the 4096-wide guess until decoded. This budget holds the
    // JPEG scene, then the PNG scene (the first choice: guess, then measured), and not the WebP
    // scene after it (two measured pictures and a guess are one byte over).
    const picture = textureBytes(1024, 512, 'rgba8', true);
    const budget = 2 * picture + estimateBytes(undefined, 4096) - 1;
    const page = await openWithBudget('?film=formats&autoplay=1', budget);
    await waitForApp(page, { status: 'playing', scene: 'jpeg', media: 'ready' });
    await expect.poll(() => heldBytes(page)).toEqual({ texture: 2 * picture, video: 0, splat: 0, model: 0, narration: 0, ambience: 0 });
    // The PNG decoded, the plan was made again with its measured size: nothing more fits, so
    // nothing more is asked for however long the scene plays.
    await nextFrames(page, 10);
    expect(await fetched(page)).toEqual(['pano.jpg', 'pano.png']);
    for (const name of ['pano.webp', 'pano.avif', 'pano.ktx2']) expect(page.asked(name)).toBe(0);
    expect(await page.locator('canvas').getAttribute('data-media-budget')).toBe(String(budget));

    // Chosen, the WebP scene loads then (the JPEG stays held as the scene it leads back to).
    await choose(page, 'webp', 'webp');
    expect(page.asked('pano.webp')).toBe(1);
    expect(await fetched(page)).toEqual(['pano.jpg', 'pano.png', 'pano.webp']);
    await expect.poll(() => heldBytes(page)).toEqual({ texture: 2 * picture, video: 0, splat: 0, model: 0, narration: 0, ambience: 0 });
    await page.screenshot({ path: '/tmp/budget-webp.png' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('counts prop models in the same budget: a next scene\'s model over it waits until chosen', async () => {
    // The gallery's own models always load; the turntable's orrery, guessed at 32 MiB until loaded, does not fit 1 MiB.
    const page = await openWithBudget('?film=props&autoplay=1', 1024 * 1024);
    await waitForApp(page, { status: 'playing', scene: 'gallery', media: 'ready' });
    await expect.poll(async () => (await heldBytes(page))?.model ?? 0).toBeGreaterThan(0);
    await nextFrames(page, 10);
    for (const name of ['relic.glb', 'urn.glb', 'mask.glb']) expect(page.asked(name)).toBe(1);
    expect(page.asked('orrery.glb')).toBe(0);
    await choose(page, 'turntable', 'turntable');
    expect(page.asked('orrery.glb')).toBe(1);
    await page.context().close();

    // Within the budget (two guesses fit), the orrery is loaded while the gallery plays.
    const roomy = await openWithBudget('?film=props&autoplay=1', 2 * UNDECLARED_MODEL_BYTES);
    await waitForApp(roomy, { status: 'playing', scene: 'gallery', media: 'ready' });
    await expect.poll(() => roomy.asked('orrery.glb')).toBe(1);
    await roomy.context().close();
  });

  it('counts a playing video in the budget by its own size', async () => {
    // Held half a second in, so the two-second video (and its scene) cannot end before it is counted.
    const page = await openWithBudget('?film=video&autoplay=1', null, { orbit: 500 });
    await waitForApp(page, { status: 'playing', scene: 'orbit', media: 'ready' });
    await waitForHold(page, { scene: 'orbit', ms: 500 });
    // The test video is 1024×512.
    await expect.poll(() => heldBytes(page)).toEqual({ texture: 0, video: videoBytes(1024, 512), splat: 0, model: 0, narration: 0, ambience: 0 });
  });

  it("counts narration in the same budget, at its file's size once loaded: a next scene's narration over it waits until chosen", async () => {
    const size = (name: string) => statSync(resolve(import.meta.dirname, '../../scenes/hello/assets', name)).size;
    // Room to spare: the hall's narration and the archive's (a choice away) are held, each measured.
    const page = await openWithBudget('?autoplay=1', null);
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await expect.poll(async () => (await heldBytes(page))?.narration).toBe(size('hall.en.ogg') + size('archive.en.ogg'));
    await page.context().close();

    // No room beyond the scene itself: the archive's narration (and picture) are not fetched until chosen.
    const tight = await openWithBudget('?autoplay=1', 1);
    await waitForApp(tight, { status: 'playing', scene: 'hall', media: 'ready' });
    await expect.poll(async () => (await heldBytes(tight))?.narration).toBe(size('hall.en.ogg'));
    await nextFrames(tight, 10);
    expect(tight.asked('hall.en.ogg')).toBeGreaterThan(0);
    expect(tight.asked('archive.en.ogg')).toBe(0);
    expect(tight.asked('archive.webp')).toBe(0);
    await chooseScene(tight, 'corridor', 'archive');
    await expect.poll(() => tight.asked('archive.en.ogg')).toBeGreaterThan(0);
    await expect.poll(async () => (await heldBytes(tight))?.narration).toBe(size('archive.en.ogg'));
    expect(pageErrors(tight)).toEqual([]);
  });

  it('counts an ambience bed in the same budget at its decoded size', async () => {
    const page = await open('?film=ambience', { viewport: { width: 320, height: 200 } });
    await waitForApp(page, { status: 'ready' });
    await page.locator('button.play').first().click();
    await waitForApp(page, { status: 'playing', scene: 'bed', media: 'ready' });
    // The bed decoded at the output's rate: 4 bytes a sample a channel (the next scene's bed is broken: nothing).
    const decoded = await page.evaluate(async () => {
      const rate = new AudioContext().sampleRate;
      const bytes = await (await fetch('scenes/ambience/assets/bed.ogg')).arrayBuffer();
      const buffer = await new OfflineAudioContext(1, 1, rate).decodeAudioData(bytes);
      return buffer.length * buffer.numberOfChannels * 4;
    });
    expect(decoded).toBeGreaterThan(0);
    await expect.poll(async () => (await heldBytes(page))?.ambience).toBe(decoded);
  });

  it('counts splat worlds at 16 bytes a splat: a next world guessed over the budget is not fetched', async () => {
    // The next scene's world is guessed at the desktop's splat budget (3 M splats, 48 MB) until loaded.
    const page = await openWithBudget('?film=splats&autoplay=1', 1024 * 1024);
    await waitForApp(page, { status: 'playing', scene: 'ply', media: 'ready' }, 60_000);
    await expect.poll(() => heldBytes(page), { timeout: 60_000 }).toEqual({ texture: 0, video: 0, splat: splatWorld().length * 16, model: 0, narration: 0, ambience: 0 });
    await nextFrames(page, 5);
    expect(page.asked('pillar.ply')).toBe(1);
    expect(page.asked('pillar.splat')).toBe(0);
  });
});
