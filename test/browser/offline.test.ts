import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { endingPaths, validateStory } from '../../src/story';
import { pageErrors, perform, startKiosk, usePlayer, waitForApp } from './harness';

const baseUrl = inject('baseUrl');
const dist = resolve(import.meta.dirname, '../../dist');
const open = usePlayer();

const hello = validateStory(JSON.parse(readFileSync(resolve(dist, 'scenes/hello/story.json'), 'utf8'))).story!;

/** Kiosk files written into the served build for these tests, and the film copy the change test edits. */
const KIOSKS: Record<string, Record<string, unknown>> = {
  'offline-test': { film: 'hello', edition: 'full' },
  'offline-video': { film: 'video' },
  'offline-changes': { film: 'offline-changes' },
  'offline-bad': { film: 'hello', languages: [], operator: { pin: '12' } },
};
const CHANGES = join(dist, 'scenes/offline-changes');

beforeAll(() => {
  for (const [name, fields] of Object.entries(KIOSKS))
    writeFileSync(
      join(dist, `kiosk-${name}.json`),
      JSON.stringify({ format: 'sightline-kiosk/1', id: `test-${name}`, languages: ['en'], operator: { pin: '2468' }, ...fields }),
    );
  // A copy of the small film under its own id, with the files.json the build wrote for it.
  rmSync(CHANGES, { recursive: true, force: true });
  cpSync(join(dist, 'scenes/hello'), CHANGES, { recursive: true });
  writeFileSync(join(CHANGES, 'story.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(CHANGES, 'story.json'), 'utf8')), id: 'offline-changes' }));
  writeFileSync(join(CHANGES, 'files.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(CHANGES, 'files.json'), 'utf8')), film: 'offline-changes' }));
  restamp('story.json');
});

afterAll(() => {
  for (const name of Object.keys(KIOSKS)) rmSync(join(dist, `kiosk-${name}.json`), { force: true });
  rmSync(CHANGES, { recursive: true, force: true });
});

/** Brings the copy's files.json entry for `path` up to the file as it now is, as a rebuild would. */
function restamp(path: string) {
  const list = JSON.parse(readFileSync(join(CHANGES, 'files.json'), 'utf8')) as { files: Array<{ path: string; sha256: string; bytes: number }> };
  const entry = list.files.find((f) => f.path === path)!;
  const bytes = readFileSync(join(CHANGES, path));
  Object.assign(entry, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  writeFileSync(join(CHANGES, 'files.json'), JSON.stringify(list));
}

/**
 * The page's errors apart from Chromium's log of the requests that failed for want of a network:
 * offline, each start's checks for a newer kiosk file and film list fail, and `offlineStarts` says
 * how many starts there were.
 */
function errorsBesidesOffline(page: Page, offlineStarts: number): string[] {
  const offline = 'Failed to load resource: net::ERR_INTERNET_DISCONNECTED';
  const errors = pageErrors(page);
  expect(errors.filter((e) => e === offline)).toHaveLength(2 * offlineStarts);
  return errors.filter((e) => e !== offline);
}

const offlineReady = (page: Page) => page.waitForSelector('html[data-offline="ready"]', { state: 'attached', timeout: 90_000 });

/** Every scene the page has shown since it (re)loaded, in order, from the root's data-scene. */
async function recordScenes(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { scenesShown: string[] }).scenesShown = seen;
    new MutationObserver(() => {
      const scene = document.querySelector('.app')?.getAttribute('data-scene');
      if (scene && seen.at(-1) !== scene) seen.push(scene);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-scene'], childList: true });
  });
}
const scenesShown = (page: Page) => page.evaluate(() => (globalThis as unknown as { scenesShown: string[] }).scenesShown);

/** Paths (after the site's address) of the requests that reached the server, not the service worker's cache. */
async function countServerRequests(page: Page, prefix: string): Promise<string[]> {
  const seen: string[] = [];
  await page.context().route(
    (url) => url.href.startsWith(new URL(prefix, baseUrl).href),
    (route) => {
      seen.push(route.request().url().slice(new URL(prefix, baseUrl).href.length));
      return route.continue();
    },
  );
  return seen;
}

describe('the kiosk offline', () => {
  it('reloads with the network gone and plays every scene of the film to each ending', async () => {
    // Real time: the archive's 30 s choice countdown never runs out under a slow machine's steps.
    const page = await open('?mode=kiosk&kiosk=offline-test');
    await startKiosk(page, 'en', hello.start);
    await offlineReady(page);
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('manifest-kiosk.webmanifest');

    await page.context().setOffline(true);
    await recordScenes(page);
    const paths = endingPaths(hello).filter((p) => p.edition === 'full');
    expect(paths.map((p) => p.ending).sort()).toEqual(['below', 'tower']);
    const shown = new Set<string>();
    for (const path of paths) {
      await page.reload();
      await startKiosk(page, 'en', hello.start);
      for (const event of path.events) await perform(page, event);
      await waitForApp(page, { status: 'ended', scene: path.ending });
      for (const scene of await scenesShown(page)) shown.add(scene);
      // Offline, the kiosk reports its film complete from what the cache holds.
      await offlineReady(page);
    }
    const fullCut = Object.keys(hello.scenes).filter((s) => s !== 'reflect'); // reflect: the discussion cut's only
    expect([...shown].sort()).toEqual(fullCut.sort());
    expect(errorsBesidesOffline(page, paths.length)).toEqual([]);
  });

  it('plays and seeks a video from the cache, by Range requests, for a film dropped in without files.json', async () => {
    const page = await open('?mode=kiosk&kiosk=offline-video', { viewport: { width: 640, height: 360 } });
    await startKiosk(page, 'en', 'orbit');
    await offlineReady(page);
    // No files.json beside the fixture: the cache holds what its story names.
    const cached = await page.evaluate(async () => (await (await caches.open('sightline-film-video')).keys()).map((r) => new URL(r.url).pathname).sort());
    expect(cached).toEqual(['/scenes/video/assets/orbit.webm', '/scenes/video/story.json']);

    await page.context().setOffline(true);
    await page.reload();
    await startKiosk(page, 'en', 'orbit');
    // The two-second video plays to its end, which ends the scene.
    await waitForApp(page, { status: 'ended', scene: 'after' }, 30_000);

    const video = readFileSync(resolve(dist, 'scenes/video/assets/orbit.webm'));
    const range = await page.evaluate(async () => {
      const response = await fetch('scenes/video/assets/orbit.webm', { headers: { Range: 'bytes=100-199' } });
      return { status: response.status, contentRange: response.headers.get('content-range'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
    });
    expect(range).toEqual({ status: 206, contentRange: `bytes 100-199/${video.length}`, bytes: [...video.subarray(100, 200)] });

    const seek = await page.evaluate(async () => {
      const element = document.createElement('video');
      element.muted = true;
      element.preload = 'auto';
      element.src = 'scenes/video/assets/orbit.webm';
      await new Promise((resolve, reject) => {
        element.addEventListener('loadedmetadata', resolve, { once: true });
        element.addEventListener('error', () => reject(new Error(`video error ${element.error?.code}`)), { once: true });
      });
      element.currentTime = 1.5;
      await new Promise((resolve) => element.addEventListener('seeked', resolve, { once: true }));
      return { duration: Math.round(element.duration), time: element.currentTime, network: element.networkState, error: element.error };
    });
    expect(seek).toMatchObject({ duration: 2, time: 1.5, error: null });
    expect(errorsBesidesOffline(page, 1)).toEqual([]);
  });

  it('refetches a changed file alone at the next start, and nothing once the cache matches', async () => {
    const page = await open('?mode=kiosk&kiosk=offline-changes');
    await startKiosk(page, 'en', 'hall');
    await offlineReady(page);

    const cue = 'Under the dome, nobody looks up.';
    const subtitles = join(CHANGES, 'assets/hall.en.vtt');
    writeFileSync(subtitles, readFileSync(subtitles, 'utf8').replace(cue, 'Under the dome, nobody looks up. Almost nobody.'));
    restamp('assets/hall.en.vtt');
    const requested = await countServerRequests(page, 'scenes/offline-changes/');
    await page.reload();
    await offlineReady(page);
    expect(requested).toEqual(['files.json', 'assets/hall.en.vtt']);
    const held = await page.evaluate(async () => (await caches.match('scenes/offline-changes/assets/hall.en.vtt', { cacheName: 'sightline-film-offline-changes' }))!.text());
    expect(held).toContain('Almost nobody.');

    // The next start plays the new subtitle from the cache and fetches only the list.
    requested.length = 0;
    await page.reload();
    await startKiosk(page, 'en', 'hall');
    await expect.poll(() => page.locator('.subtitles').textContent()).toBe('Under the dome, nobody looks up. Almost nobody.');
    await offlineReady(page);
    expect(requested).toEqual(['files.json']);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows the error screen naming the kiosk file and its fields, and caches nothing', async () => {
    const page = await open('?mode=kiosk&kiosk=offline-bad');
    await waitForApp(page, { status: 'error' });
    const items = await page.locator('.error-screen li').allTextContents();
    expect(items.some((t) => t.includes('kiosk-offline-bad.json') && t.includes('$.languages'))).toBe(true);
    expect(items.some((t) => t.includes('kiosk-offline-bad.json') && t.includes('$.operator.pin') && t.includes('4 to 8 digits'))).toBe(true);
    expect(await page.evaluate(async () => [document.documentElement.dataset['offline'] ?? null, await caches.keys()])).toEqual([null, []]);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  });

  it('leaves the player outside kiosk mode without a service worker, installable from its manifest', async () => {
    const page = await open('?autoplay=1');
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    const href = await page.locator('link[rel="manifest"]').evaluate((l: HTMLLinkElement) => l.href);
    const manifest = await (await page.request.get(href)).json();
    expect(manifest).toMatchObject({ name: 'Sightline', start_url: './', display: 'fullscreen' });
    for (const icon of manifest.icons as Array<{ src: string; sizes: string }>) {
      const response = await page.request.get(new URL(icon.src, href).href);
      expect([icon.sizes, response.status(), response.headers()['content-type']]).toEqual([icon.sizes, 200, 'image/png']);
    }
    expect(pageErrors(page)).toEqual([]);
  });
});
