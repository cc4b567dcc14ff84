import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AudienceSummary, type ViewingRecord, summarize } from '../../src/records';
import { record } from '../records/fixtures';
import { type StoryPackage, storyMap, validateStory } from '../../src/story';
import { holdEveryScene, kioskStore, launchBrowser, pageErrors, usePlayer, waitForApp } from './harness';
import { playViewings } from './kiosk-visitors';

const root = resolve(import.meta.dirname, '../..');
const glassSky = validateStory(JSON.parse(readFileSync(join(root, 'scenes/glass-sky/story.json'), 'utf8'))).story as StoryPackage;

const ready = (page: Page) => page.waitForSelector('.studio[data-state=ready] .react-flow__node', { timeout: 60_000 });
const shownScenes = (page: Page) => page.$$eval('.react-flow__node [data-scene]', (nodes) => nodes.map((n) => n.getAttribute('data-scene')!).sort());
const shownEdges = (page: Page) => page.$$eval('[data-edge]', (edges) => edges.map((e) => e.getAttribute('data-edge')!).sort());

/** A summary with figures no real audience would give, so each one drawn is known to come from it. */
const AUDIENCE: AudienceSummary = {
  viewings: 57,
  finished: 57,
  outcomes: { ending: 50, left: 7 },
  endings: { mend: 21, shatter: 17, 'open-eyes': 12 },
  meanMs: 420_000,
  scenes: { lamplight: { viewers: 57, visits: 57, meanMs: 83_000, left: 4 }, rooftop: { viewers: 50, visits: 50, meanMs: 71_000, left: 0 }, mend: { viewers: 21, visits: 21, meanMs: 30_000, left: 0 } },
  choices: { lamplight: { bell: { count: 40, share: 40 / 53, byDefault: 9 }, light: { count: 13, share: 13 / 53, byDefault: 0 } } },
  clues: { 'sky-is-real': { found: 22, rate: 22 / 57 } },
};

describe('the studio (built)', () => {
  const open = usePlayer();

  it('is a page of its own: none of its code is in what the player loads first', () => {
    const dist = join(root, 'dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    // The player's entry and every chunk it preloads (all its static imports).
    const loaded = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(loaded.some((f) => /^assets\/index-/.test(f))).toBe(true);
    for (const file of loaded) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect({ file, reactFlow: code.includes('react-flow__'), elk: code.includes('org.eclipse.elk'), studio: code.includes('Sightline studio') }).toEqual({ file, reactFlow: false, elk: false, studio: false });
    }
    const studio = readFileSync(join(dist, 'studio.html'), 'utf8');
    expect(studio).toMatch(/src="\.\/studio\/studio-[\w-]+\.js"/);
    expect(studio).toContain('http-equiv="Content-Security-Policy"');
  });

  it('draws every scene of the flagship film with its ways, in each edition, under the policy', async () => {
    const page = await open('studio.html?film=glass-sky', { viewport: { width: 1600, height: 900 } });
    await ready(page);
    for (const edition of ['full', 'condensed', 'discussion']) {
      await page.selectOption('select[aria-label=Edition]', edition);
      const map = storyMap(glassSky, edition);
      await expect.poll(() => shownScenes(page), { timeout: 20_000 }).toEqual(map.scenes.map((s) => s.id).sort());
      await expect.poll(() => shownEdges(page), { timeout: 20_000 }).toEqual(map.edges.map((e) => e.id).sort());
    }
    await page.selectOption('select[aria-label=Edition]', 'full');
    await expect.poll(() => shownScenes(page)).not.toContain('reflect-look');
    // Marks: the start, the endings, a timed default, a condition in words.
    expect(await page.getAttribute('.scene-node.is-start', 'data-scene')).toBe('lamplight');
    expect((await page.$$eval('.scene-node.is-ending', (n) => n.map((e) => e.getAttribute('data-scene')))).sort()).toEqual(['mend', 'open-eyes', 'shatter']);
    expect(await page.textContent('[data-edge="lamplight/choice/bell/square"] .way-label')).toContain('timed default');
    expect(await page.textContent('[data-edge="lamplight/choice/light/alley"] .way-label')).toContain('if clue sky-is-real');
    // Search finds a scene by title.
    await page.fill('input[aria-label="Find a scene"]', 'cistern');
    await expect.poll(() => page.$$eval('.scene-node.matched', (n) => n.map((e) => e.getAttribute('data-scene')))).toEqual(['cistern']);
    expect(pageErrors(page)).toEqual([]);
  });

  it('jumps the preview to the selected scene, the real player in a frame', async () => {
    const page = await open('studio.html?film=glass-sky', { pauseAt: holdEveryScene(Object.keys(glassSky.scenes)) });
    await ready(page);
    await page.click('.react-flow__node[data-id="cistern"]');
    const src = await page.waitForSelector('.preview iframe[data-src*="scene=cistern"]');
    expect(await src.getAttribute('data-src')).toContain('film=glass-sky');
    const frame = await (await page.waitForSelector('.preview iframe')).contentFrame();
    await frame!.waitForSelector('.app[data-scene="cistern"]', { timeout: 60_000 });
    // Another scene: the frame is the player's page for it (its loading is the same as above).
    await page.click('.react-flow__node[data-id="rooftop"]');
    await page.waitForSelector('.preview iframe[data-src*="scene=rooftop"][data-src*="edition=full"]');
  });

  it('exports the map as an SVG that parses and names every scene', async () => {
    const page = await open('studio.html?film=glass-sky');
    await ready(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export SVG')]);
    expect(download.suggestedFilename()).toBe('glass-sky-full-map.svg');
    const svg = readFileSync((await download.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        scenes: [...doc.querySelectorAll('g.scene')].map((g) => ({ id: g.getAttribute('data-scene'), text: g.textContent })),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    const map = storyMap(glassSky, 'full');
    expect(parsed.scenes.map((s) => s.id).sort()).toEqual(map.scenes.map((s) => s.id).sort());
    for (const scene of map.scenes) expect(parsed.scenes.find((s) => s.id === scene.id)!.text).toContain(scene.title);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('text=Export PNG')]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  });

  it('draws an audience’s figures on scenes and choices', async () => {
    const page = await open('studio.html?film=glass-sky');
    await page.addInitScript((audience) => ((globalThis as { __SIGHTLINE_STUDIO_TEST__?: unknown }).__SIGHTLINE_STUDIO_TEST__ = { audience }), AUDIENCE);
    await page.reload();
    await ready(page);
    const figures = (scene: string) => page.textContent(`[data-scene="${scene}"] [data-audience=scene]`);
    const lamplightClues = ['clue lamp-emptied at dead-lamp: 0 %', 'clue eyes-down at curfew-poster: 0 %', 'clue sky-is-real at crack: 39 %'];
    expect(await figures('lamplight')).toBe(['57 viewers', 'mean 1 min 23 s', '4 left', ...lamplightClues].join(''));
    // The scene grew to hold its figures: every badge inside its box, none cut off.
    const fits = await page.$eval('[data-scene="lamplight"]', (node) => {
      const box = node.getBoundingClientRect();
      return [...node.querySelectorAll('.badge.audience')].map((b) => b.getBoundingClientRect().bottom <= box.bottom - 2);
    });
    expect(fits).toEqual([true, true, true, true, true, true]);
    expect(await figures('mend')).toBe(['21 viewers', 'mean 30 s', '0 left', '21 ended here'].join(''));
    expect(await page.$('[data-scene="square"] [data-audience=scene]')).toBeNull();
    expect(await page.textContent('[data-edge="lamplight/choice/bell/square"] [data-audience=share]')).toBe('75 % (40)');
    expect(await page.textContent('[data-edge="lamplight/choice/light/alley"] [data-audience=share]')).toBe('25 % (13)');
    expect(await page.$('[data-edge="square/next/0/cistern"] [data-audience=share]')).toBeNull();
    await page.screenshot({ path: join(tmpdir(), 'sightline-studio-audience.png') });
  });
});

/**
 * Viewings of the film as a kiosk exports them: six take the bell, two the light, and everyone in
 * Lamplight Street looks at one spot (yaw 60°, pitch 10°, with a little scatter).
 */
function viewings(): ViewingRecord[] {
  return Array.from({ length: 8 }, (_, i) => {
    const bell = i < 6;
    const gaze = Array.from({ length: 40 }, (_, k): [number, number, number] => [k * 250, 60 + ((k % 5) - 2) * 0.8, 10 + ((k % 3) - 1) * 0.8]);
    return record(`studio-${i}`, {
      film: 'glass-sky',
      edition: 'full',
      outcome: { kind: 'left' },
      path: [
        { scene: 'lamplight', enteredMs: 0, leftMs: 10_000, gaze },
        { scene: bell ? 'square' : 'alley', enteredMs: 10_000, leftMs: 20_000, gaze: [] },
      ],
      clues: [],
      choices: [{ scene: 'lamplight', choice: bell ? 'bell' : 'light', atMs: 10_000, byDefault: false }],
      attention: [],
    });
  });
}

describe('studio audience layer', () => {
  const open = usePlayer();

  it('reads a kiosk export: choice shares on the edges as the records give them, the gaze heatmap peaking where viewers looked', async () => {
    const records = viewings();
    const dir = mkdtempSync(join(tmpdir(), 'studio-records-'));
    const file = join(dir, 'viewings.ndjson');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const page = await open('studio.html?film=glass-sky', { pauseAt: holdEveryScene(Object.keys(glassSky.scenes)) });
    await ready(page);
    await page.setInputFiles('.audience-slot input[type=file]', file);
    const summary = summarize(records, { film: 'glass-sky' });
    for (const choice of ['bell', 'light']) {
      const figures = summary.choices['lamplight']![choice]!;
      const edge = `[data-edge="lamplight/choice/${choice}/${choice === 'bell' ? 'square' : 'alley'}"] [data-audience=share]`;
      await expect.poll(() => page.textContent(edge).catch(() => null), { timeout: 30_000 }).toBe(`${Math.round(figures.share * 100)} % (${figures.count})`);
    }
    await page.click('.react-flow__node[data-id="lamplight"]');
    const canvas = await page.waitForSelector('.gaze-heatmap[data-samples="320"] canvas');
    // The reddest pixel of the drawing (the ramp's top is red over whatever the panorama shows).
    const peak = await canvas.evaluate(async (c: HTMLCanvasElement) => {
      const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let best = { x: 0, y: 0, red: -Infinity };
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const red = data[i]! - data[i + 1]! - data[i + 2]!;
          if (red > best.red) best = { x, y, red };
        }
      return { yaw: (best.x / width) * 360 - 180, pitch: 90 - (best.y / height) * 180, red: best.red };
    });
    // Within a bin (5°) of where they looked.
    expect(Math.abs(peak.yaw - 60)).toBeLessThan(5);
    expect(Math.abs(peak.pitch - 10)).toBeLessThan(5);
    await page.screenshot({ path: join(tmpdir(), 'sightline-studio-records.png') });
    rmSync(dir, { recursive: true, force: true });
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('studio heatmap of a 180° scene', () => {
  const open = usePlayer();

  it('draws a 180° picture over the front half of the heatmap, where it is in the scene, and a 360° one over all of it', async () => {
    const gaze = Array.from({ length: 20 }, (_, k): [number, number, number] => [k * 250, 0, 0]);
    const records = ['vr180', 'top-bottom'].map((scene, i) =>
      record(`half-view-${i}`, { film: 'stereo', edition: null, outcome: { kind: 'left' }, path: [{ scene, enteredMs: 0, leftMs: 5000, gaze }], clues: [], choices: [], attention: [] }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'studio-half-'));
    const file = join(dir, 'viewings.ndjson');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const page = await open('studio.html?film=stereo');
    await ready(page);
    await page.setInputFiles('.audience-slot input[type=file]', file);
    await page.waitForSelector('.audience-totals[data-viewings="2"]');
    /** Opacity of the heatmap's canvas at a yaw on the horizon: 0 where nothing is drawn. */
    const alphaAt = (yaw: number) =>
      page.$eval('.gaze-heatmap canvas', (c: HTMLCanvasElement, yaw) => c.getContext('2d')!.getImageData(Math.round(((yaw + 180) / 360) * c.width), c.height / 2, 1, 1).data[3]!, yaw);
    const pictureDrawn = (page: Page) => page.waitForFunction(() => {
      const c = document.querySelector<HTMLCanvasElement>('.gaze-heatmap canvas');
      return c !== null && c.getContext('2d')!.getImageData(c.width / 2 - 60, c.height / 2, 1, 1).data[3] === 255;
    });
    await page.click('.react-flow__node[data-id="vr180"]');
    await pictureDrawn(page);
    expect({ behindLeft: await alphaAt(-135), aheadLeft: await alphaAt(-60), aheadRight: await alphaAt(60), behindRight: await alphaAt(135) }).toEqual({ behindLeft: 0, aheadLeft: 255, aheadRight: 255, behindRight: 0 });
    expect(await page.textContent('.gaze-heatmap figcaption')).toContain('front 180°');
    // The map has zoomed to vr180; the search selects a scene wherever it is.
    await page.fill('input[type=search]', 'top-bottom');
    await page.press('input[type=search]', 'Enter');
    await page.waitForSelector('.gaze-heatmap[data-samples="20"]');
    await pictureDrawn(page);
    expect(await alphaAt(-135)).toBe(255);
    rmSync(dir, { recursive: true, force: true });
    expect(pageErrors(page)).toEqual([]);
  });
});

/**
 * The README's picture of the studio: viewings of the bundled film played at a kiosk in this test
 * (random paths on the stepped kiosk clock, looks at hotspots turning the view), exported as the
 * kiosk exports them and read by the studio. `SIGHTLINE_README_SHOTS=docs` writes the screenshot
 * where the README shows it.
 */
const KIOSK_VIEWINGS = 5;
describe('the bundled film’s audience, played at a kiosk', () => {
  const open = usePlayer();
  const kioskFile = join(root, 'dist', 'kiosk-kt-studio.json');
  beforeAll(() => {
    const kiosk = { format: 'sightline-kiosk/1', id: 'kt-studio', film: 'glass-sky', edition: 'full', languages: ['en', 'zh-CN'], afterCreditsSeconds: 5, operator: { pin: '2468' } };
    writeFileSync(kioskFile, JSON.stringify(kiosk));
  });
  afterAll(() => rmSync(kioskFile, { force: true }));

  // Five whole viewings of the film, each look waiting for its dwell: minutes on a busy machine.
  it('draws what the viewings did on the map: viewers on each scene and each choice’s share as the records give them, and where they looked', { timeout: 300_000 }, async () => {
    const kiosk = await open('?mode=kiosk&kiosk=kt-studio', { viewport: { width: 320, height: 200 }, hooks: { kioskClock: 'manual' }, timeScale: 40 });
    await waitForApp(kiosk, { status: 'attract' }, 60_000);
    // Visitors who look around: at a hotspot in most scenes, resting on it three seconds.
    await playViewings(kiosk, KIOSK_VIEWINGS, 20261206, { lookShare: 0.6, lookMs: 3000 });
    await waitForApp(kiosk, { status: 'attract' });
    const records = await kioskStore<ViewingRecord>(kiosk, 'viewings');
    expect(records).toHaveLength(KIOSK_VIEWINGS);
    await kiosk.close();

    const dir = mkdtempSync(join(tmpdir(), 'studio-kiosk-'));
    const file = join(dir, 'viewings.ndjson');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const summary = summarize(records, { film: 'glass-sky' });
    // Wide, so the whole film's map is legible in the README's picture.
    const page = await open('studio.html?film=glass-sky', { viewport: { width: 2000, height: 1000 }, pauseAt: holdEveryScene(Object.keys(glassSky.scenes)) });
    await ready(page);
    await page.setInputFiles('.audience-slot input[type=file]', file);
    await page.waitForSelector(`.audience-totals[data-viewings="${KIOSK_VIEWINGS}"]`);
    for (const [scene, figures] of Object.entries(summary.scenes))
      expect(await page.textContent(`[data-scene="${scene}"] [data-audience=scene]`), scene).toMatch(new RegExp(`^${figures.viewers} viewers?`));
    for (const [scene, choices] of Object.entries(summary.choices))
      for (const [choice, figures] of Object.entries(choices))
        expect(await page.locator(`[data-edge^="${scene}/choice/${choice}/"] [data-audience=share]`).first().textContent(), `${scene}/${choice}`).toBe(`${Math.round(figures.share * 100)} % (${figures.count})`);

    // The scene with the most gaze samples, its heatmap beside the preview.
    const gazed = records.flatMap((r) => r.path).reduce<Record<string, number>>((n, e) => ({ ...n, [e.scene]: (n[e.scene] ?? 0) + e.gaze.length }), {});
    const [scene, samples] = Object.entries(gazed).sort((a, b) => b[1] - a[1])[0]!;
    expect(samples).toBeGreaterThan(0);
    await page.fill('input[type=search]', scene);
    await page.press('input[type=search]', 'Enter');
    await page.waitForSelector(`.gaze-heatmap[data-samples="${samples}"] canvas`);
    // Clues were found by looking: some clue's rate on the map is above 0 %.
    expect(Object.values(summary.clues).some((c) => c.found > 0)).toBe(true);
    expect(await page.$$eval('.badge.audience.clue', (badges) => badges.some((b) => !/: 0 %$/.test(b.textContent ?? '')))).toBe(true);
    // For the picture: the whole map in view, and the preview showing the scene.
    await page.click('.react-flow__controls-fitview');
    const frame = await (await page.waitForSelector(`.preview iframe[data-src*="scene=${scene}"]`)).contentFrame();
    await frame!.waitForSelector(`.app[data-scene="${scene}"] .viewing[data-media="ready"]`, { timeout: 60_000, state: 'attached' });
    // The fit view may animate: wait until the map's transform holds still for a few frames.
    await page.waitForFunction(() => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const w = globalThis as { __lastTransform?: string; __still?: number };
      w.__still = viewport.style.transform === w.__lastTransform ? (w.__still ?? 0) + 1 : 0;
      w.__lastTransform = viewport.style.transform;
      return w.__still >= 5;
    }, undefined, { polling: 'raf' });
    const shots = process.env['SIGHTLINE_README_SHOTS'];
    await page.screenshot({ path: shots ? join(root, shots, 'studio-audience.jpg') : join(tmpdir(), 'sightline-studio-kiosk.jpg'), quality: 85 });
    rmSync(dir, { recursive: true, force: true });
    expect(pageErrors(page)).toEqual([]);
  });
});

/** A port nothing listens on, for the dev server. */
const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

describe('the studio (dev server, hot reload)', () => {
  it('follows edits to a package copy without a reload: a new scene, then a broken reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-studio-'));
    const folder = join(dir, 'smallest');
    cpSync(join(root, 'scenes/smallest'), folder, { recursive: true });
    const storyFile = join(folder, 'story.json');
    let server: ChildProcess | undefined;
    const browser = await launchBrowser();
    try {
      const port = await freePort();
      server = spawn(join(root, 'node_modules/.bin/tsx'), ['src/studio/serve.ts', folder, '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const url = await new Promise<string>((done, fail) => {
        server!.stdout!.on('data', (chunk: Buffer) => {
          output += chunk;
          const match = /(http:\/\/127\.0\.0\.1:\d+\/studio\.html)/.exec(output);
          if (match) done(match[1]!);
        });
        server!.stderr!.on('data', (chunk: Buffer) => (output += chunk));
        server!.on('exit', (code) => fail(new Error(`npm run studio exited (${code}): ${output}`)));
      });
      expect(url).toBe(`http://127.0.0.1:${port}/studio.html`);
      const page = await browser.newPage();
      await page.goto(url);
      await ready(page);
      expect(await shownScenes(page)).toEqual(['below', 'square', 'tower']);
      // Set in the page: a reload would lose it.
      await page.evaluate(() => ((globalThis as { stillHere?: boolean }).stillHere = true));

      const story = JSON.parse(readFileSync(storyFile, 'utf8'));
      story.scenes.epilogue = { title: 'Epilogue', media: { type: 'color', color: '#334455' }, ending: true };
      story.scenes.square.choices.push({ id: 'leave', label: 'Leave the square', to: 'epilogue' });
      writeFileSync(storyFile, JSON.stringify(story, null, 2));
      await page.waitForSelector('.react-flow__node [data-scene="epilogue"]', { timeout: 10_000 });
      await page.waitForSelector('[data-edge="square/choice/leave/epilogue"]');

      story.scenes.square.choices[1].to = 'nowhere';
      writeFileSync(storyFile, JSON.stringify(story, null, 2));
      // The unknown scene, and the ending no way reaches any more.
      await page.waitForSelector('.diagnostics[data-errors="2"]', { timeout: 10_000 });
      const item = await page.waitForSelector('.diagnostics button[data-path^="$.scenes.square.choices[1]"]');
      // The last good version stays on the map, its scene and way badged.
      expect(await page.isVisible('.diagnostics .stale')).toBe(true);
      expect(await shownScenes(page)).toEqual(['below', 'epilogue', 'square', 'tower']);
      expect(await page.getAttribute('.scene-node[data-scene="square"]', 'data-diagnostics')).toBe('1');
      expect(await page.getAttribute('.scene-node[data-scene="below"]', 'data-diagnostics')).toBe('1');
      await page.waitForSelector('[data-edge="square/choice/stay/below"].faulted', { timeout: 5_000 });
      await item.click();
      await page.waitForSelector('.scene-node.selected[data-scene="square"]');
      await page.waitForSelector('.preview iframe[data-src*="scene=square"]');
      expect(await page.evaluate(() => (globalThis as { stillHere?: boolean }).stillHere)).toBe(true);
    } finally {
      await browser.close();
      server?.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
