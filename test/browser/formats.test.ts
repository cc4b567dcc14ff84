import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MARKS } from '../../src/generate/fixtures/formats';
import { addTestHooks, choose, nextFrames, pageErrors, showSceneOnly, usePlayer, waitForApp } from './harness';

const open = usePlayer();
const viewport = { width: 320, height: 200 };
/** Per channel: JPEG at quality 80 and Basis ETC1S both keep flat colours within a few levels. */
const TOLERANCE = 14;

/** The colour at the centre of the screen (the line of sight). */
async function centreColour(page: Page): Promise<[number, number, number]> {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: viewport.width / 2 - 1, y: viewport.height / 2 - 1, width: 2, height: 2 } }));
  return [png.data[0]!, png.data[1]!, png.data[2]!];
}

const near = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= TOLERANCE);

/** Turns the view with the hotspot's "Look at" button and waits until the centre shows `colour`. */
async function lookAt(page: Page, hotspot: string, colour: readonly number[]) {
  await page.locator(`button[data-hotspot="${hotspot}"]`).evaluate((b: HTMLButtonElement) => b.click());
  await expect.poll(() => centreColour(page), { timeout: 60_000, message: `centre colour looking at ${hotspot}` }).toSatisfy((c: number[]) => near(c, colour));
}

describe('panorama image formats', () => {
  it('shows each known direction of the test panorama in its colour, in every format', async () => {
    const page = await open('?film=formats&autoplay=1', { viewport });
    await waitForApp(page, { status: 'playing', scene: 'jpeg', media: 'ready' });
    await showSceneOnly(page);
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'ktx2']) {
      if (format !== 'jpeg') await choose(page, format, format);
      for (const mark of MARKS) await lookAt(page, `${format}-${mark.name}`, mark.colour);
      await lookAt(page, `${format}-front`, MARKS[0]!.colour);
      await nextFrames(page, 20); // Let the turn settle, for a screenshot to look at.
      await page.screenshot({ path: `/tmp/images-${format}.png` });
      if (format !== 'jpeg') await choose(page, 'back', 'jpeg');
    }
    expect(pageErrors(page)).toEqual([]);
  });
});

/** Paths of every package asset the page requested, from resource timing. */
const requested = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/assets/')).map((p) => p.split('/assets/')[1]!));

/**
 * The sources scene on a phone: a touch screen gets the phone profile, 4096 pixels at most, so the
 * 8192-wide WebP listed first is skipped (and software GL is spared decoding it).
 */
async function openAsPhone(): Promise<Page> {
  const page = await open('?film=formats-sources&autoplay=1', { viewport });
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5 }));
  await page.reload();
  return page;
}

describe('sources and posters', () => {
  it('picks the best source the device supports, skipping one too wide for its profile', async () => {
    const page = await openAsPhone();
    await waitForApp(page, { status: 'playing', scene: 'sources', media: 'ready' });
    expect(await page.locator('.player').getAttribute('data-device')).toBe('phone');
    await showSceneOnly(page);
    await lookAt(page, 'sources-right', MARKS[1]!.colour);
    const ktx2 = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2')!;
      return ['WEBGL_compressed_texture_astc', 'WEBGL_compressed_texture_etc', 'WEBGL_compressed_texture_etc1', 'WEBGL_compressed_texture_s3tc', 'EXT_texture_compression_bptc'].some(
        (e) => gl.getExtension(e) !== null,
      );
    });
    const paths = await requested(page);
    expect(paths).not.toContain('pano-8k.webp');
    expect(paths).not.toContain('pano.jpg');
    // KTX2 is listed before AVIF: taken when the GPU has a compressed format to transcode to.
    expect(paths).toContain(ktx2 ? 'pano.ktx2' : 'pano.avif');
    expect(paths).not.toContain(ktx2 ? 'pano.avif' : 'pano.ktx2');
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows the poster at once while the full picture loads, then the full picture', async () => {
    const page = await openAsPhone();
    await addTestHooks(page, { mediaLog: [] });
    // The full picture is held back until the test lets it through.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/pano.webp', async (route) => {
      await released;
      await route.continue();
    });
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'sources', media: 'ready' });
    await showSceneOnly(page);
    await page.locator('button[data-choice="poster"]').evaluate((b: HTMLButtonElement) => b.click());
    const log = () => page.evaluate(() => (globalThis as unknown as { __SIGHTLINE_TEST__: { mediaLog: Array<{ url: string; event: string }> } }).__SIGHTLINE_TEST__.mediaLog);
    const shown = async () => (await log()).filter((e) => e.event === 'shown').map((e) => e.url.split('/assets/')[1]);
    await expect.poll(shown, { timeout: 15_000 }).toContain('poster.webp');
    // The poster is the same picture, small: the direction ahead is already its colour.
    await lookAt(page, 'poster-right', MARKS[1]!.colour);
    expect(await shown()).not.toContain('pano.webp');
    expect(await page.locator('.viewing').getAttribute('data-media')).toBe('loading');
    release();
    await waitForApp(page, { status: 'playing', scene: 'poster', media: 'ready' });
    await expect.poll(shown, { timeout: 15_000 }).toContain('pano.webp');
    const order = await shown();
    expect(order.indexOf('poster.webp')).toBeLessThan(order.indexOf('pano.webp'));
    await lookAt(page, 'poster-back', MARKS[2]!.colour);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows a video scene\'s poster until the video has its first frame', async () => {
    const page = await openAsPhone();
    await addTestHooks(page, { mediaLog: [] });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/orbit.webm', async (route) => {
      await released;
      await route.continue();
    });
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'sources', media: 'ready' });
    await showSceneOnly(page);
    await page.locator('button[data-choice="video"]').evaluate((b: HTMLButtonElement) => b.click());
    const shown = async () =>
      (await page.evaluate(() => (globalThis as unknown as { __SIGHTLINE_TEST__: { mediaLog: Array<{ url: string; event: string }> } }).__SIGHTLINE_TEST__.mediaLog))
        .filter((e) => e.event === 'shown')
        .map((e) => e.url.split('/assets/')[1]);
    await expect.poll(shown, { timeout: 15_000 }).toContain('poster.webp');
    // The poster's colour ahead (the video scene has no hotspots to look at), and not the video yet.
    expect(near(await centreColour(page), MARKS[0]!.colour)).toBe(true);
    expect(await shown()).not.toContain('orbit.webm');
    expect(await page.locator('.viewing').getAttribute('data-media')).toBe('loading');
    release();
    await waitForApp(page, { status: 'playing', scene: 'video', media: 'ready' });
    await expect.poll(shown, { timeout: 15_000 }).toContain('orbit.webm');
    // The test pattern replaces the poster's flat red ahead.
    await expect.poll(async () => near(await centreColour(page), MARKS[0]!.colour)).toBe(false);
    expect(pageErrors(page)).toEqual([]);
  });
});
