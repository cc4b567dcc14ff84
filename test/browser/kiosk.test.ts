import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ViewingRecord, choicesCsv, cluesCsv, parseNdjson, viewingsCsv } from '../../src/records';
import { endingPaths, localize, validateStory } from '../../src/story';
import { kioskStore, pageErrors, perform, startKiosk, usePlayer, waitForApp } from './harness';
import { lookQuaternion } from './view';
import { placeChoices } from '../../src/stage/choice-layout';
import { filmFiles } from '../../src/build/film-files';

const baseUrl = inject('baseUrl');
const dist = resolve(import.meta.dirname, '../../dist');
const open = usePlayer();
const hello = validateStory(JSON.parse(readFileSync(resolve(dist, 'scenes/hello/story.json'), 'utf8'))).story!;
const TOKEN = 'kiosk-test-token-0123456789';

/** Kiosk files these tests drop beside the built player, as a festival technician would. */
const KIOSKS: Record<string, Record<string, unknown>> = {
  basic: {},
  watchdog: { watchdogSeconds: 5 },
  station: { station: { url: baseUrl, token: TOKEN } },
  'bad-language': { languages: ['en', 'fr'] },
  changing: { film: 'kt-changing' },
};

/** A copy of the small film that a test deploys anew under a running kiosk (story.json and its files.json). */
const CHANGING = join(dist, 'scenes/kt-changing');
function deployChangingFilm(title: string) {
  const story = JSON.parse(readFileSync(resolve(dist, 'scenes/hello/story.json'), 'utf8')) as { id: string; title: Record<string, string> };
  writeFileSync(join(CHANGING, 'story.json'), JSON.stringify({ ...story, id: 'kt-changing', title: { ...story.title, en: title } }, null, 2));
  writeFileSync(join(CHANGING, 'files.json'), JSON.stringify(filmFiles(CHANGING, 'kt-changing')));
}

beforeAll(() => {
  cpSync(resolve(dist, 'scenes/hello'), CHANGING, { recursive: true });
  deployChangingFilm('Hello, Dome');
  for (const [name, fields] of Object.entries(KIOSKS))
    writeFileSync(
      join(dist, `kiosk-kt-${name}.json`),
      JSON.stringify({ format: 'sightline-kiosk/1', id: `kt-${name}`, film: 'hello', edition: 'full', languages: ['en', 'zh-CN'], operator: { pin: '2468' }, ...fields }),
    );
});
afterAll(() => {
  rmSync(CHANGING, { recursive: true, force: true });
  for (const name of Object.keys(KIOSKS)) rmSync(join(dist, `kiosk-kt-${name}.json`), { force: true });
});

/** Kiosk time stands still until a test moves it (the kiosk's `advanceKiosk` hook). */
const kioskOptions = { hooks: { kioskClock: 'manual' }, timeScale: 20 } as const;
const advance = (page: Page, ms: number) => page.evaluate((ms) => (globalThis as unknown as { __SIGHTLINE_TEST__: { advanceKiosk(ms: number): void } }).__SIGHTLINE_TEST__.advanceKiosk(ms), ms);

/** Every viewing record the kiosk holds. */
const records = (page: Page) => kioskStore<ViewingRecord>(page, 'viewings');

/** Plays the small film from its start to `ending` the way a viewer would (Look at, Enter). */
async function playTo(page: Page, ending: 'tower' | 'below') {
  const path = endingPaths(hello).find((p) => p.edition === 'full' && p.ending === ending)!;
  for (const event of path.events) await perform(page, event);
  await waitForApp(page, { status: 'ended', scene: ending });
}

describe('a festival kiosk on a screen', () => {
  it('loops its attract, starts on a tap, records the viewing and returns after the credits', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-basic', kioskOptions);
    await waitForApp(page, { status: 'attract' });
    expect(await page.locator('.attract-title').allTextContents()).toEqual([localize(hello.title, 'en', hello.languages), localize(hello.title, 'zh-CN', hello.languages)]);
    expect(await page.locator('.attract-prompts li').allTextContents()).toEqual(['Tap your language to begin', '点击你的语言即可开始']);
    // Nothing a visitor could use to leave: no context menu, no page zoom.
    expect(await page.evaluate(() => document.dispatchEvent(new MouseEvent('contextmenu', { cancelable: true, bubbles: true })))).toBe(false);
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).toContain('user-scalable=no');

    await startKiosk(page, 'zh-CN', 'hall');
    expect(await page.locator('button[data-choice]').allTextContents()).not.toHaveLength(0);
    await playTo(page, 'below');
    await page.waitForSelector('.credits-screen');
    await expect.poll(async () => (await records(page)).map((r) => r.endedAt !== null)).toEqual([true]);
    const [record] = await records(page);
    expect(record).toMatchObject({ kiosk: 'kt-basic', film: 'hello', edition: 'full', language: 'zh-CN', outcome: { kind: 'ending', ending: 'below' } });
    expect(record!.path.map((e) => e.scene)).toEqual(['hall', 'archive', 'below']);
    expect(record!.choices.map((c) => [c.scene, c.choice, c.byDefault])).toEqual([
      ['hall', 'corridor', false],
      ['archive', 'descend', false],
    ]);
    expect(record!.revision).toMatch(/^[0-9a-f]{16}$/);

    // The credits stay their configured 20 s of kiosk time, then the attract loop returns.
    await advance(page, 19_000);
    expect(await page.locator('.app').getAttribute('data-status')).toBe('ended');
    await advance(page, 1500);
    await waitForApp(page, { status: 'attract' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('resets after a countdown when the visitor is idle, and any input cancels the countdown', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-basic', kioskOptions);
    await startKiosk(page, 'en', 'hall');
    await advance(page, 45_000);
    await page.waitForSelector('.reset-countdown[data-seconds="10"]');
    expect(await page.locator('.reset-countdown').textContent()).toContain('Still there?');
    await page.mouse.move(200, 200);
    await page.waitForSelector('.reset-countdown', { state: 'detached' });
    expect(await page.locator('.app').getAttribute('data-status')).toBe('playing');

    await advance(page, 45_000);
    await page.waitForSelector('.reset-countdown');
    await advance(page, 4000);
    await page.waitForSelector('.reset-countdown[data-seconds="6"]');
    await advance(page, 6000);
    await waitForApp(page, { status: 'attract' });
    const [record] = await records(page);
    expect(record!.outcome).toEqual({ kind: 'left' });
    expect(record!.endedAt).not.toBeNull();
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps its operator panel behind the PIN; its figures and exports are the viewings played', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-basic', kioskOptions);
    await startKiosk(page, 'en', 'hall');
    await playTo(page, 'tower');
    await page.waitForSelector('.credits-screen');
    await advance(page, 20_000);
    await startKiosk(page, 'en', 'hall');

    await page.keyboard.press('Control+Alt+KeyO');
    await page.fill('input[name="pin"]', '1111');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.operator-gate [role="alert"]');
    expect(await page.locator('.operator-panel').count()).toBe(0);
    await page.fill('input[name="pin"]', '2468');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.operator-panel [data-stat="all"]');
    expect(await page.locator('[data-stat="all"]').textContent()).toBe('2');
    expect(await page.locator('[data-stat="today"]').textContent()).toBe('2');
    expect(await page.locator('[data-stat="endings"]').textContent()).toBe('tower 1');

    const download = async (kind: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${kind}"]`).click()]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const stored = await records(page);
    const exported = parseNdjson(await download('ndjson'));
    expect(exported.diagnostics).toEqual([]);
    expect(exported.records.map((r) => r.id).sort()).toEqual(stored.map((r) => r.id).sort());
    expect(exported.records.find((r) => r.outcome.kind === 'ending')!.path.map((e) => e.scene)).toEqual(['hall', 'tower']);
    const byId = (list: ViewingRecord[]) => [...list].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    expect(await download('viewings')).toBe(viewingsCsv(byId(exported.records)));
    expect(await download('choices')).toBe(choicesCsv(byId(exported.records)));
    expect(await download('clues')).toBe(cluesCsv(byId(exported.records)));

    // A reset closes the viewing on show as reset, and the attract loop returns.
    await page.locator('.operator-reset').click();
    await waitForApp(page, { status: 'attract' });
    const outcomes = (await records(page)).map((r) => r.outcome.kind).sort();
    expect(outcomes).toEqual(['ending', 'reset']);
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps a viewing whose page was closed mid-film, up to its last second, once', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-basic', kioskOptions);
    await startKiosk(page, 'en', 'hall');
    for (let t = 0; t < 12; t++) await advance(page, 250);
    // Written at most a second behind: wait until the store holds the last samples.
    await expect.poll(async () => (await records(page))[0]?.path[0]?.gaze.at(-1)?.[0] ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(2000);
    const before = (await records(page))[0]!;
    const context = page.context();
    await page.close();

    const again = await context.newPage();
    await again.addInitScript(() => {
      (globalThis as { __SIGHTLINE_TEST__?: unknown }).__SIGHTLINE_TEST__ = { kioskClock: 'manual' };
    });
    await again.goto(new URL('?mode=kiosk&kiosk=kt-basic', baseUrl).href);
    await waitForApp(again, { status: 'attract' });
    await expect.poll(async () => (await records(again)).map((r) => r.outcome.kind)).toEqual(['interrupted']);
    const [after] = await records(again);
    expect(after!.id).toBe(before.id);
    const last = before.path[0]!.gaze.at(-1)![0];
    expect(Date.parse(after!.endedAt!) - Date.parse(after!.startedAt)).toBe(last);
    expect(after!.path[0]!.gaze).toEqual(before.path[0]!.gaze);
  });

  it('reloads into its attract loop when no frame is drawn, and keeps its records', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-watchdog', kioskOptions);
    await startKiosk(page, 'en', 'hall');
    await expect.poll(async () => (await records(page)).length).toBe(1);
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.evaluate(() => ((globalThis as unknown as { __SIGHTLINE_TEST__: { stallFrames: boolean } }).__SIGHTLINE_TEST__.stallFrames = true));
    await reloaded;
    await waitForApp(page, { status: 'attract' });
    await expect.poll(async () => (await records(page)).map((r) => r.outcome.kind)).toEqual(['interrupted']);
  });

  it('returns to its attract loop after an error, and says so in the operator panel', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-basic', kioskOptions);
    await startKiosk(page, 'en', 'hall');
    await page.evaluate(() => ((globalThis as unknown as { __SIGHTLINE_TEST__: { crashViewing: boolean } }).__SIGHTLINE_TEST__.crashViewing = true));
    await waitForApp(page, { status: 'attract' }, 30_000);
    await expect.poll(async () => (await records(page)).map((r) => r.outcome)).toEqual([{ kind: 'error', message: 'kiosk: a test made this viewing fail (crashViewing)' }]);
    await page.keyboard.press('Control+Alt+KeyO');
    await page.fill('input[name="pin"]', '2468');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.operator-incidents [data-incident="error"]');
    expect(await page.locator('.operator-incidents [data-incident="error"]').first().textContent()).toContain('crashViewing');
    // The attract loop is usable again.
    await page.locator('.operator-close').click();
    await startKiosk(page, 'en', 'hall');
  });

  it('starts when a pointer moves onto a language and rests there (a headset browser\'s ray)', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-basic', kioskOptions);
    await waitForApp(page, { status: 'attract' });
    const box = (await page.locator('.attract-languages button[data-language="zh-CN"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await waitForApp(page, { status: 'playing', scene: 'hall' }, 30_000);
    expect(await page.locator('.app').getAttribute('lang')).toBe('zh-CN');
  });

  it('plays a new version of its film from the next viewing on; the one on show finishes as it began', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-changing', kioskOptions);
    await startKiosk(page, 'en', 'hall');
    deployChangingFilm('Hello, Dome (revised)');
    await playTo(page, 'tower');
    await page.waitForSelector('.credits-screen');
    await advance(page, 20_000);
    await waitForApp(page, { status: 'attract' });
    await expect.poll(() => page.locator('.attract-title').first().textContent(), { timeout: 30_000 }).toBe('Hello, Dome (revised)');
    await startKiosk(page, 'en', 'hall');
    expect(await page.title()).toContain('Hello, Dome (revised)');
    await playTo(page, 'below');
    await expect.poll(async () => (await records(page)).filter((r) => r.endedAt !== null).length).toBe(2);
    const [first, second] = (await records(page)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    expect(first!.outcome).toEqual({ kind: 'ending', ending: 'tower' });
    expect(second!.outcome).toEqual({ kind: 'ending', ending: 'below' });
    expect(first!.revision).not.toBe(second!.revision);
    expect(pageErrors(page)).toEqual([]);
  });

  it('names the kiosk file and the field of a language its film does not have', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-bad-language', kioskOptions);
    await waitForApp(page, { status: 'error' });
    const items = await page.locator('.error-screen li').allTextContents();
    expect(items.some((t) => t.includes('kiosk-kt-bad-language.json') && t.includes('$.languages[1]') && t.includes('"fr"'))).toBe(true);
  });
});

describe('a kiosk sending viewings on to its station', () => {
  it('sends each ended viewing exactly once, through dropped connections, errors, lost answers and a reload', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-station', kioskOptions);
    const stored = new Map<string, number>();
    let answer: 'fail' | 'error' | 'ok' = 'fail';
    let posts = 0;
    await page.context().route(
      (url) => url.href.startsWith(new URL('api/', baseUrl).href),
      async (route) => {
        const request = route.request();
        if (!request.url().endsWith('/api/viewings')) return route.fulfill({ status: 204 });
        expect(request.headers()['authorization']).toBe(`Bearer ${TOKEN}`);
        posts++;
        if (answer === 'fail') return route.abort('connectionreset');
        const { id } = JSON.parse(request.postData()!) as { id: string };
        // A record stored whose answer is lost: the kiosk sends it again, and it must not double.
        stored.set(id, (stored.get(id) ?? 0) + 1);
        if (answer === 'error') return route.fulfill({ status: 503, body: '{}' });
        return route.fulfill({ status: stored.get(id)! > 1 ? 200 : 201, body: '{}' });
      },
    );
    for (let i = 0; i < 2; i++) {
      await startKiosk(page, 'en', 'hall');
      await advance(page, 45_000);
      await page.waitForSelector('.reset-countdown');
      await advance(page, 10_000);
      await waitForApp(page, { status: 'attract' });
    }
    await expect.poll(() => posts, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    answer = 'error';
    await expect.poll(() => stored.size, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    // The outbox survives a reload (and days offline): the next start sends what waits.
    await page.reload();
    await waitForApp(page, { status: 'attract' });
    answer = 'ok';
    const ids = (await records(page)).map((r) => r.id).sort();
    await expect.poll(() => [...stored.keys()].sort(), { timeout: 90_000 }).toEqual(ids);
    await expect.poll(async () => (await kioskStore(page, 'outbox')).length, { timeout: 90_000 }).toBe(0);
    // Every record is one viewing at the station, however many times it was sent.
    expect(ids).toHaveLength(2);
  });
});

describe('a kiosk headset', () => {
  const enPanel = placeChoices(2, 0, 0, 90)[0]!;

  it('enters the session the browser offers, starts by a look, keeps the session across a reset', async () => {
    const page = await open('?mode=kiosk&kiosk=kt-basic', { ...kioskOptions, emulateXR: true });
    await waitForApp(page, { status: 'attract' });
    // Quest Browser shows its own Enter VR prompt for an offered session; the emulator accepts it.
    await page.waitForFunction(() => (globalThis as unknown as { xrDevice: { sessionOffered: boolean } }).xrDevice.sessionOffered);
    await page.evaluate(() => (globalThis as unknown as { xrDevice: { grantOfferedSession(): void } }).xrDevice.grantOfferedSession());
    await page.waitForSelector('.player[data-xr="immersive"]');
    await page.evaluate((q) => (globalThis as unknown as { xrDevice: { quaternion: { set(...q: number[]): void } } }).xrDevice.quaternion.set(...q), lookQuaternion(enPanel.yaw, enPanel.pitch));
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' }, 60_000);
    expect(await page.locator('.app').getAttribute('lang')).toBe('en');

    // A head movement cancels the countdown...
    await advance(page, 45_000);
    await page.waitForSelector('.reset-countdown');
    await page.evaluate((q) => (globalThis as unknown as { xrDevice: { quaternion: { set(...q: number[]): void } } }).xrDevice.quaternion.set(...q), lookQuaternion(30, 0));
    await page.waitForSelector('.reset-countdown', { state: 'detached' });
    // ...and taking the headset off starts one at once.
    await page.evaluate(() => (globalThis as unknown as { xrDevice: { updateVisibilityState(s: string): void } }).xrDevice.updateVisibilityState('hidden'));
    await page.waitForSelector('.reset-countdown');
    await advance(page, 10_000);
    await waitForApp(page, { status: 'attract' });
    expect(await page.locator('.player').getAttribute('data-xr')).toBe('immersive');
    expect((await records(page)).map((r) => r.outcome.kind)).toEqual(['left']);
  });
});
