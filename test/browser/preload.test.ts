import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { addTestHooks, pageErrors, perform, showSceneOnly, usePlayer, waitForApp } from './harness';
import { MARKS } from '../../src/generate/fixtures/formats';

const open = usePlayer();

interface MediaEvent {
  readonly url: string;
  readonly event: string;
  readonly frame: number;
}

/** The media layer's event log (the app fills it only when a test sets the hook). */
const mediaLog = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __SIGHTLINE_TEST__: { mediaLog: MediaEvent[] } }).__SIGHTLINE_TEST__.mediaLog.map((e) => ({ ...e })));

const file = (url: string) => url.split('/assets/')[1];
const requests = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/assets/${n}`)).length, name);

describe('preloading', () => {
  it('switches to a preloaded scene without a request, decode or upload, within two frames', async () => {
    const page = await open('?film=formats&autoplay=1', { viewport: { width: 320, height: 200 } });
    await addTestHooks(page, { mediaLog: [] });
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'jpeg', media: 'ready' });
    // Every scene the JPEG scene leads to is fetched, decoded and uploaded while it plays.
    const next = ['pano.png', 'pano.webp', 'pano.avif', 'pano.ktx2'];
    await expect
      .poll(async () => {
        const uploaded = (await mediaLog(page)).filter((e) => e.event === 'uploaded').map((e) => file(e.url));
        return next.filter((n) => !uploaded.includes(n));
      })
      .toEqual([]);
    const log = await mediaLog(page);
    for (const name of next) {
      const steps = log.filter((e) => file(e.url) === name).map((e) => e.event);
      expect(steps).toEqual(['fetch', 'decoded', 'uploaded']);
    }
    expect(await requests(page, 'pano.png')).toBe(1);

    // Choose, then let exactly two frames pass: the new picture must already have been drawn.
    const after = await page.evaluate(async () => {
      const hook = (globalThis as unknown as { __SIGHTLINE_TEST__: { mediaLog: MediaEvent[] } }).__SIGHTLINE_TEST__;
      const from = hook.mediaLog.length;
      document.querySelector<HTMLButtonElement>('button[data-choice="png"]')!.click();
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      return hook.mediaLog.slice(from).map((e) => ({ ...e }));
    });
    const forTarget = after.filter((e) => file(e.url) === 'pano.png').map((e) => e.event);
    expect(forTarget).toEqual(['shown']);
    await waitForApp(page, { status: 'playing', scene: 'png', media: 'ready' });
    expect(await requests(page, 'pano.png')).toBe(1);
    // Nothing for the target was fetched, decoded or uploaded again since.
    expect((await mediaLog(page)).filter((e) => file(e.url) === 'pano.png').map((e) => e.event)).toEqual(['fetch', 'decoded', 'uploaded', 'shown']);
    expect(pageErrors(page)).toEqual([]);
  });

  it('holds the current picture with a loading sign when a choice is made before its scene is ready', async () => {
    const viewport = { width: 320, height: 200 };
    const page = await open('?film=formats&autoplay=1', { viewport });
    await addTestHooks(page, { mediaLog: [] });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/pano.png', async (route) => {
      await released;
      await route.continue();
    });
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'jpeg', media: 'ready' });
    await showSceneOnly(page);
    const centre = async () => {
      const png = PNG.sync.read(await page.screenshot({ clip: { x: viewport.width / 2 - 1, y: viewport.height / 2 - 1, width: 2, height: 2 } }));
      return [png.data[0]!, png.data[1]!, png.data[2]!];
    };
    const front = MARKS[0]!.colour;
    const isFront = (c: number[]) => c.every((v, i) => Math.abs(v - front[i]!) <= 14);
    await expect.poll(centre).toSatisfy(isFront);
    expect(await page.locator('.media-loading').count()).toBe(0);
    await page.locator('button[data-choice="png"]').evaluate((b: HTMLButtonElement) => b.click());
    await waitForApp(page, { scene: 'png', media: 'loading' });
    await page.locator('.media-loading').waitFor({ state: 'visible' });
    // Several frames on, still the JPEG scene's picture: no black frame while the PNG is held back.
    for (let i = 0; i < 5; i++) expect(await centre()).toSatisfy(isFront);
    // And still after the arriving scene's transition would have ended (its 0.6 s here): a
    // picture left behind is kept while the stage shows it, not for a fixed time.
    await page.waitForTimeout(1500);
    expect(await centre()).toSatisfy(isFront);
    const shownPng = async () => (await mediaLog(page)).filter((e) => e.event === 'shown' && file(e.url) === 'pano.png').length;
    expect(await shownPng()).toBe(0);
    await page.screenshot({ path: '/tmp/images-hold.png' });
    release();
    await waitForApp(page, { status: 'playing', scene: 'png', media: 'ready' });
    await expect.poll(shownPng).toBe(1);
    await page.locator('.media-loading').waitFor({ state: 'detached' });
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('starting', () => {
  it('fetches and decodes the first picture before the renderer is made, and asks for story.json once', async () => {
    const page = await open('?film=formats&autoplay=1', { viewport: { width: 320, height: 200 } });
    await addTestHooks(page, { mediaLog: [] });
    // The renderer is held back: three's canvas is made once its container has a size, so the
    // container measures 0×0 until the test lets it go.
    await page.addInitScript(() => {
      const measure = Element.prototype.getBoundingClientRect;
      const g = globalThis as unknown as { releaseCanvas(): void; renderers: number };
      let held = true;
      // WebGL contexts made on a canvas in the page (the page's GPU probe uses a detached one).
      g.renderers = 0;
      const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, ...args: unknown[]) => unknown;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
        if (this.isConnected && String(args[0]).startsWith('webgl')) g.renderers++;
        return getContext.apply(this, args);
      } as typeof HTMLCanvasElement.prototype.getContext;
      Element.prototype.getBoundingClientRect = function (this: Element) {
        return held && this.matches('.stage-canvas, .stage-canvas *') ? new DOMRect(0, 0, 0, 0) : measure.call(this);
      };
      g.releaseCanvas = () => {
        held = false;
        window.dispatchEvent(new Event('resize'));
      };
    });
    // Each media event stamped with the page's time, to compare with the picture's request.
    await page.addInitScript(() => {
      const log = (globalThis as unknown as { __SIGHTLINE_TEST__: { mediaLog: Array<MediaEvent & { t?: number }> } }).__SIGHTLINE_TEST__.mediaLog;
      log.push = (...events) => Array.prototype.push.apply(log, events.map((e) => ({ ...e, t: performance.now() })));
    });
    await page.reload();
    const first = async () => (await mediaLog(page)).filter((e) => file(e.url) === 'pano.jpg').map((e) => e.event);
    await expect.poll(first).toEqual(['fetch', 'decoded']);
    // The page asked for the picture as soon as story.json was in, before the player's media
    // library existed to ask for it: the library took that request over.
    const held = (await mediaLog(page)).find((e) => file(e.url) === 'pano.jpg' && e.event === 'fetch') as MediaEvent & { t: number };
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/assets/pano.jpg'))!.startTime);
    expect(requested).toBeLessThan(held.t);
    expect(await page.evaluate(() => (globalThis as unknown as { renderers: number }).renderers)).toBe(0);
    expect(await page.locator('.app').getAttribute('data-status')).toBe('loading');
    // Once there is a renderer, the decoded picture is uploaded and shown, never fetched again.
    await page.evaluate(() => (globalThis as unknown as { releaseCanvas(): void }).releaseCanvas());
    await waitForApp(page, { status: 'playing', scene: 'jpeg', media: 'ready' });
    await expect.poll(first).toEqual(['fetch', 'decoded', 'uploaded', 'shown']);
    expect(await requests(page, 'pano.jpg')).toBe(1);
    const stories = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/story.json')).length);
    expect(stories).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('gives back the first picture it fetched early when the viewer continues in another scene', async () => {
    const page = await open('?autoplay=1');
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await perform(page, { type: 'choice.made', choice: 'corridor' });
    await waitForApp(page, { status: 'playing', scene: 'archive', media: 'ready' });
    // Back later, without autoplay: the page guesses the story's first scene, the hall, while the
    // start screen offers to continue in the archive. Closed bitmaps are counted by width (not the
    // page's 1×1 AVIF probe).
    await page.addInitScript(() => {
      const closed: number[] = [];
      (globalThis as unknown as { closedBitmaps: number[] }).closedBitmaps = closed;
      const close = ImageBitmap.prototype.close;
      ImageBitmap.prototype.close = function (this: ImageBitmap) {
        if (this.width > 1) closed.push(this.width);
        close.call(this);
      };
    });
    await page.goto(page.url().replace('&autoplay=1', '').replace('?autoplay=1&', '?'));
    await waitForApp(page, { status: 'ready' });
    const closed = () => page.evaluate(() => [...(globalThis as unknown as { closedBitmaps: number[] }).closedBitmaps]);
    expect(await closed()).toEqual([]);
    await page.getByRole('button', { name: /Continue/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'archive', media: 'ready' });
    // The hall's picture, decoded for nothing, is closed as the player holds the archive's.
    await expect.poll(closed).toEqual([2048]);
    expect(pageErrors(page)).toEqual([]);
  });
});
