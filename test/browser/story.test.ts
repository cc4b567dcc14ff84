import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { type EndingPath, endingPaths, validateStory } from '../../src/story';
import { holdEveryScene, pageErrors, perform, releaseScene, sceneTime, stepSceneTo, usePlayer, waitForApp, waitForHold, waitForPause } from './harness';

const baseUrl = inject('baseUrl');
const TIME_SCALE = 20;
const open = usePlayer();

const hello = validateStory(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenes/hello/story.json'), 'utf8'))).story!;

describe('generated paths through the small film', () => {
  const paths = endingPaths(hello);
  it('has a path to each ending in each edition', () => {
    expect(paths.map((p) => `${p.edition}:${p.ending}`).sort()).toEqual(['discussion:below', 'discussion:tower', 'full:below', 'full:tower']);
  });

  it.each(paths.map((p) => [`${p.edition} → ${p.ending}`, p] as const))('plays %s in the built player', async (_, path: EndingPath) => {
    // Every scene holds at its start, so no time limit races the clicks; the path's ticks step it.
    const page = await open(`?autoplay=1&edition=${path.edition}`, { timeScale: TIME_SCALE, pauseAt: holdEveryScene(Object.keys(hello.scenes)) });
    await waitForApp(page, { status: 'playing', scene: hello.start, media: 'ready' });
    for (const event of path.events) await perform(page, event);
    await waitForApp(page, { status: 'ended', scene: path.ending });
    // The ending plays out, then the credits count it among the endings found.
    await releaseScene(page);
    await page.waitForSelector('.credits-screen');
    await expect.poll(() => page.locator('.endings li').allTextContents()).toEqual([hello.scenes[path.ending]!.title['en' as never]]);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('time, saves and endings in the player', () => {
  it('shows a countdown and takes the default when time runs out', async () => {
    // Held 10 s into the archive's 30 s: 20 s left, whatever the machine's speed.
    const page = await open('?autoplay=1', { timeScale: TIME_SCALE, pauseAt: { archive: 10_000 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await perform(page, { type: 'choice.made', choice: 'corridor' });
    await waitForApp(page, { status: 'playing', scene: 'archive' });
    await waitForHold(page, { scene: 'archive', ms: 10_000 });
    await expect.poll(() => page.locator('.countdown').textContent()).toBe('Time to choose: 20 s');
    // The 20 s left of scene time pass in 1 s at 20×; the default leads back to the hall.
    await releaseScene(page);
    await waitForApp(page, { status: 'playing', scene: 'hall' });
  });

  it('offers to continue after a reload, keeping the scene and the clues found', async () => {
    const page = await open('?autoplay=1');
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await perform(page, { type: 'hotspot.dwelled', hotspot: 'crack' });
    await perform(page, { type: 'choice.made', choice: 'corridor' });
    await waitForApp(page, { status: 'playing', scene: 'archive' });
    await page.goto(new URL('?film=hello&lang=zh-CN', baseUrl).href);
    await waitForApp(page, { status: 'ready' });
    await page.getByRole('button', { name: /继续观看/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'archive', media: 'ready' });
    await perform(page, { type: 'choice.made', choice: 'back' });
    await waitForApp(page, { status: 'playing', scene: 'hall' });
    // The clue found before the reload still opens the tower.
    await page.locator('button[data-choice="climb"]').waitFor({ state: 'attached' });
  });

  it('changes language mid-film from the controls, and a reload continues in it', async () => {
    const page = await open('?autoplay=1&lang=en');
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await page.locator('select.language').selectOption('zh-CN');
    await expect.poll(() => page.locator('.app').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('button.pause').textContent()).toBe('暂停');
    await page.goto(new URL('?film=hello', baseUrl).href); // no ?lang: the save's language decides
    await waitForApp(page, { status: 'ready' });
    await page.getByRole('button', { name: /继续观看/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    expect(await page.locator('.app').getAttribute('lang')).toBe('zh-CN');
  });

  it('discards a save that no longer fits the film, and says why', async () => {
    const page = await open('');
    await waitForApp(page, { status: 'ready' });
    await page.evaluate(() => {
      localStorage.setItem(
        'sightline.save.hello',
        JSON.stringify({ format: 'sightline-save/1', film: 'hello', edition: 'full', language: 'en', scene: 'crypt', context: {}, savedAt: '2026-01-01T00:00:00Z' }),
      );
    });
    await page.reload();
    await waitForApp(page, { status: 'ready' });
    await expect.poll(() => page.getByRole('note').textContent()).toContain('scene "crypt" no longer exists');
    await page.getByRole('button', { name: /Play/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall' });
  });

  it('remembers the endings found across viewings; "Find another ending" starts over', async () => {
    // The archive's countdown stands still, so its default never beats the click on "Go below".
    const page = await open('?autoplay=1', { timeScale: TIME_SCALE, pauseAt: { archive: 0 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await perform(page, { type: 'choice.made', choice: 'corridor' });
    await perform(page, { type: 'choice.made', choice: 'descend' });
    await page.waitForSelector('.credits-screen');
    await page.getByRole('button', { name: 'Find another ending' }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await perform(page, { type: 'hotspot.dwelled', hotspot: 'crack' });
    await perform(page, { type: 'choice.made', choice: 'climb' });
    await page.waitForSelector('.credits-screen');
    await expect.poll(() => page.locator('.endings p').textContent()).toContain('2 / 2');
    expect(await page.getByRole('button', { name: 'Find another ending' }).count()).toBe(0);
  });

  it('stops scene time while paused', async () => {
    const page = await open('?autoplay=1', { timeScale: TIME_SCALE, pauseAt: { archive: 2000 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await perform(page, { type: 'choice.made', choice: 'corridor' });
    await waitForApp(page, { status: 'playing', scene: 'archive' });
    // Held at 2 s by the test, paused by the viewer, then the test's hold let go: only the pause holds it.
    await waitForHold(page, { scene: 'archive', ms: 2000 });
    await expect.poll(() => page.locator('.countdown').textContent()).toBe('Time to choose: 28 s');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForSelector('.viewing[data-paused="true"]', { state: 'attached' });
    await waitForPause(page, 'paused');
    await releaseScene(page);
    // Nothing moves for 2 s: 40 s of scene time at 20×, more than the whole countdown.
    await page.waitForFunction((ms) => new Promise((r) => setTimeout(() => r(true), ms)), 2000);
    expect(await sceneTime(page)).toMatchObject({ scene: 'archive', ms: 2000, held: false, pausedBy: ['paused'] });
    expect(await page.locator('.app').getAttribute('data-scene')).toBe('archive');
    expect(await page.locator('.countdown').textContent()).toBe('Time to choose: 28 s');
    await page.getByRole('button', { name: 'Resume' }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall' });
  });

  it.each([
    ['en', 'Under the dome, nobody looks up.', 'But the glass has a flaw, if you dare to find it.'],
    ['zh-CN', '在穹顶之下，没有人抬头。', '可玻璃上有一道瑕疵——只要你敢去寻找。'],
  ])('shows the subtitle cue of the current scene time (%s), and hides subtitles on request', async (lang, first, second) => {
    // Held at 1 s (the first cue runs 0.5–5 s), then stepped to 6 s (the second, from 5.5 s).
    const page = await open(`?autoplay=1&lang=${lang}`, { timeScale: 4, pauseAt: { hall: 1000 } });
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await waitForHold(page, { scene: 'hall', ms: 1000 });
    await expect.poll(() => page.locator('.subtitles').textContent()).toBe(first);
    await stepSceneTo(page, 6000);
    await expect.poll(() => page.locator('.subtitles').textContent()).toBe(second);
    await page.locator('button.subtitles-toggle').click();
    await expect.poll(() => page.locator('.subtitles').count()).toBe(0);
    expect(await page.locator('button.subtitles-toggle').getAttribute('aria-pressed')).toBe('false');
  });

  it('draws subtitles at the size chosen on the start screen', async () => {
    // Held on the first cue, so the line is there to measure.
    const page = await open('?lang=en', { pauseAt: { hall: 1000 } });
    await waitForApp(page, { status: 'ready' });
    await page.getByLabel('Subtitle size').selectOption('large');
    await page.getByRole('button', { name: /Play/ }).click();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await waitForHold(page, { scene: 'hall', ms: 1000 });
    const line = page.locator('.subtitles');
    await line.waitFor();
    expect(await line.getAttribute('class')).toContain('size-large');
    expect(await line.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(28);
  });
});

