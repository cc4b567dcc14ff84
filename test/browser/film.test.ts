import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endingPaths, localize, validateStory } from '../../src/story';
import { holdEveryScene, pageErrors, perform, releaseScene, usePlayer, waitForApp } from './harness';

/**
 * The flagship film, as a newcomer watches it: every ending, in both languages, through the built
 * player. Every scene holds at its start, so no deadline races the test's looks and clicks; the
 * path's deadlines step scene time on, 40× faster than real time.
 */
const TIME_SCALE = 40;
/** Software WebGL fills a splat world slowly, and gaze dwell advances per frame: a small view keeps frames coming. */
const SMALL = { width: 480, height: 300 };
const open = usePlayer();
const film = validateStory(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenes/glass-sky/story.json'), 'utf8'))).story!;
const paths = endingPaths(film);
const endings = Object.keys(film.scenes).filter((s) => film.scenes[s]!.ending);

/** The choice's label in a language: choice ids are unique within a scene, and repeated ones share their label. */
const choiceLabel = (id: string) => Object.values(film.scenes).flatMap((s) => s.choices).find((c) => c.id === id)!.label;

/**
 * Each ending once, each edition once, in both languages: the full film to its open-eyed ending
 * (looking, in the square and under the seam), the discussion cut to the shatter (its questions
 * held until "Continue") and the condensed cut to the mend. Every ending of every edition is
 * replayed in the unit suite; here the built player plays them as a viewer would.
 */
const PLAYS: ReadonlyArray<readonly [edition: string, ending: string, language: string]> = [
  ['full', 'open-eyes', 'en'],
  ['discussion', 'shatter', 'zh-CN'],
  ['condensed', 'mend', 'zh-CN'],
];
const plays = PLAYS.map(([edition, ending, language]) => [`${edition} → ${ending} (${language})`, paths.find((p) => p.edition === edition && p.ending === ending)!, language] as const);

describe('Under the Glass Sky', () => {
  it('has a path to each of its endings in every edition', () => {
    expect(endings.length).toBeGreaterThanOrEqual(3);
    for (const edition of ['full', 'condensed', 'discussion']) expect(paths.filter((p) => p.edition === edition).map((p) => p.ending).sort(), edition).toEqual([...endings].sort());
  });

  it.each(['en', 'zh-CN'])('labels the film as AI-generated on the start screen (%s); the small film, with no provenance, has no label', async (language) => {
    const page = await open(`?film=glass-sky&lang=${language}`, { locale: language });
    await waitForApp(page, { status: 'ready' }, 60_000);
    const label = page.locator('.start-screen [data-ai-label]');
    expect(await label.isVisible()).toBe(true);
    expect(await label.textContent()).toContain(language === 'en' ? 'AI-generated content' : '人工智能生成内容');
    expect(await page.locator('h1').textContent()).toBe(localize(film.title, language, film.languages));
    await page.goto(page.url().replace('film=glass-sky', 'film=hello'));
    await waitForApp(page, { status: 'ready' });
    expect(await page.locator('[data-ai-label]').count()).toBe(0);
  });

  it.each(plays)('plays %s in the built player', async (_, path, language) => {
    const t = (text: Parameters<typeof localize>[0]) => localize(text, language, film.languages);
    const page = await open(`?film=glass-sky&autoplay=1&edition=${path.edition}&lang=${language}`, {
      timeScale: TIME_SCALE,
      pauseAt: holdEveryScene(Object.keys(film.scenes)),
      locale: language,
      viewport: SMALL,
    });
    await waitForApp(page, { status: 'playing', scene: film.start, media: 'ready' }, 60_000);
    expect(await page.locator('.app').getAttribute('lang')).toBe(language);
    for (const event of path.events) {
      if (event.type === 'choice.made') {
        // The choice is offered in the viewer's language.
        await expect.poll(() => page.locator(`button[data-choice="${event.choice}"]`).textContent(), { timeout: 30_000 }).toBe(t(choiceLabel(event.choice)));
      }
      await perform(page, event);
    }
    await waitForApp(page, { status: 'ended', scene: path.ending }, 60_000);
    await releaseScene(page);
    // The memory crystal shows the moral state the path left: blue for reason, red for desire.
    const { variable, blueAt, redAt } = film.crystal!;
    const mix = Math.min(1, Math.max(0, ((path.variables[variable] as number) - blueAt) / (redAt - blueAt)));
    await expect.poll(() => page.locator('canvas[data-crystal]').getAttribute('data-crystal')).toBe(mix.toFixed(2));
    await page.waitForSelector('.credits-screen', { timeout: 60_000 });
    await expect.poll(() => page.locator('.endings li').allTextContents()).toEqual([t(film.scenes[path.ending]!.title)]);
    expect(await page.locator('.credits-screen').textContent()).toContain(t(film.editions[path.edition!]!.title));
    // The credits label the film as AI-generated and say what made each scene's assets.
    expect(await page.locator('.credits-screen [data-ai-label]').textContent()).toContain(language === 'en' ? 'AI-generated content' : '人工智能生成内容');
    const lamplight = page.locator('[data-scene-assets="lamplight"]');
    expect(await lamplight.locator('h3').textContent()).toBe(t(film.scenes['lamplight']!.title));
    const made = await lamplight.locator('li[data-role="panorama"]').textContent();
    expect(made).toContain('sightline generate');
    expect(made).toContain(String(film.scenes['lamplight']!.script!.seed));
    expect(await lamplight.textContent()).toContain(film.scenes['lamplight']!.script!.style[0]);
    expect(await lamplight.locator('li[data-role="narration"]').allTextContents()).toEqual([expect.stringContaining('espeak-ng'), expect.stringContaining('espeak-ng')]);
    for (const person of film.credits) expect(await page.locator('.credits').textContent()).toContain(person.name);
    expect(pageErrors(page)).toEqual([]);
  });
});
