import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Provenance, localize, provenanceSchema, validateStory } from '../../src/story';
import { uiText } from '../../src/story';
import { pageErrors, releaseScene, usePlayer, waitForApp, waitForHold } from './harness';

/**
 * The AI-generated content label and the credits' list of generated assets, on a one-scene film
 * (test/fixtures/packages/provenance) whose provenance.json records every asset with its hash.
 */
const TIME_SCALE = 20;
const open = usePlayer();
const dir = resolve(import.meta.dirname, '../fixtures/packages/provenance');
const film = validateStory(JSON.parse(readFileSync(resolve(dir, 'story.json'), 'utf8'))).story!;
const provenance: Provenance = provenanceSchema.parse(JSON.parse(readFileSync(resolve(dir, 'provenance.json'), 'utf8')));
const LABEL = { en: 'AI-generated content', 'zh-CN': '人工智能生成内容' } as const;
const languages = ['en', 'zh-CN'] as const;

/** Plays the film from the beginning until its ending has played out and the credits show. */
async function playToCredits(page: Page): Promise<void> {
  // At 20× the opening scene (2 s) and the ending's play-out (6 s) pass in under half a second.
  await page.waitForSelector('.credits-screen', { timeout: 30_000 });
  expect(await page.locator('.app').getAttribute('data-scene')).toBe('dawn');
}

describe('the AI-generated content label', () => {
  it.each(languages)('shows on the start screen (%s), visible and announced as a note', async (language) => {
    const page = await open(`?film=provenance&lang=${language}`, { locale: language });
    await waitForApp(page, { status: 'ready' });
    const label = page.getByRole('note').filter({ hasText: LABEL[language] });
    expect(await label.isVisible()).toBe(true);
    expect(await label.getAttribute('data-ai-label')).toBe('true');
    expect(await page.locator('.start-screen [data-ai-label] strong').textContent()).toBe(LABEL[language]);
    // Readable: the label's text is not hidden, clipped or tiny.
    const box = (await label.boundingBox())!;
    expect(box.height).toBeGreaterThan(20);
    expect(box.width).toBeGreaterThan(100);
    expect(pageErrors(page)).toEqual([]);
  });

  it('does not show for a film without provenance', async () => {
    const page = await open('?film=hello');
    await waitForApp(page, { status: 'ready' });
    expect(await page.locator('[data-ai-label]').count()).toBe(0);
  });
});

describe('the credits after the ending', () => {
  it.each(languages)('label the film and list what made each scene\'s assets (%s)', async (language) => {
    const t = (text: Parameters<typeof localize>[0]) => localize(text, language, film.languages);
    const ui = uiText(language);
    const page = await open(`?film=provenance&autoplay=1&lang=${language}`, { timeScale: TIME_SCALE, locale: language });
    await playToCredits(page);
    const credits = page.locator('.credits-screen');
    // What was there before: the title, the edition watched, the people, the endings found.
    expect(await credits.locator('h1').textContent()).toBe(t(film.title));
    expect(await credits.locator('.edition').textContent()).toContain(t(film.editions['screening']!.title));
    const people = await credits.locator('.credits').textContent();
    for (const person of film.credits) {
      expect(people).toContain(person.name);
      expect(people).toContain(t(person.role));
    }
    await expect.poll(() => page.locator('.endings li').allTextContents()).toEqual([t(film.scenes['dawn']!.title)]);
    // The label, visible.
    const label = credits.locator('[data-ai-label]');
    expect(await label.isVisible()).toBe(true);
    expect(await label.getAttribute('role')).toBe('note');
    expect(await label.textContent()).toContain(LABEL[language]);
    // The generated assets, per scene in story order, with localised scene titles and role names.
    const assets = credits.getByRole('region', { name: ui.generatedAssets });
    expect(await assets.locator('h2').textContent()).toBe(ui.generatedAssets);
    expect(await assets.locator('[data-scene-assets]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scene-assets')))).toEqual(['gate', 'dawn']);
    for (const scene of ['gate', 'dawn']) expect(await assets.locator(`[data-scene-assets="${scene}"] h3`).textContent()).toBe(t(film.scenes[scene]!.title));
    for (const [, record] of Object.entries(provenance.assets)) {
      const entries = await assets.locator(`[data-scene-assets="${record.scene}"] [data-role="${record.role}"]`).allTextContents();
      const entry = entries.find((e) => e.includes(record.tool) && e.includes(record.model));
      expect(entry, `${record.tool} / ${record.model} in ${entries.join(' | ')}`).toBeDefined();
      expect(entry).toContain(ui[`role_${record.role}`]);
      expect(entry).toContain(record.version);
      if (record.seed !== null) expect(entry).toContain(`${ui.seed}${ui.labelSeparator}${record.seed}`);
      else expect(entry).not.toContain(ui.seed);
      // Style references show with the entry, or once under the scene title when all its entries share them.
      const scene = await assets.locator(`[data-scene-assets="${record.scene}"]`).textContent();
      if (record.styleReferences.length > 0) expect(scene).toContain(`${ui.styleReferences}${ui.labelSeparator}${record.styleReferences.join('; ')}`);
      if (record.origin === 'imported') expect(entry).toContain(ui.imported);
    }
    // The buttons stay on screen.
    expect(await page.getByRole('button', { name: ui.watchAgain }).isVisible()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('come with the provenance file even when it arrives after the film has started: the player does not wait for it', async () => {
    const page = await open('?film=provenance&autoplay=1', { timeScale: TIME_SCALE, pauseAt: { gate: 500 } });
    // The provenance file answers only when the test lets it.
    let asked = false;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/scenes/provenance/provenance.json', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'gate', media: 'ready' });
    await waitForHold(page, { scene: 'gate', ms: 500 });
    expect(asked).toBe(true);
    release();
    await releaseScene(page);
    await playToCredits(page);
    const assets = page.locator('.credits-screen').getByRole('region', { name: uiText('en').generatedAssets });
    await expect.poll(() => assets.locator('[data-scene-assets]').count()).toBe(2);
    expect(pageErrors(page)).toEqual([]);
  });

  it('keep the buttons reachable on a short screen: the asset list scrolls inside the credits', async () => {
    const page = await open('?film=provenance&autoplay=1', { timeScale: TIME_SCALE, viewport: { width: 640, height: 360 } });
    await playToCredits(page);
    const onScreen = async (selector: string) => {
      const box = (await page.locator(selector).first().boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 360;
    };
    expect(await onScreen('.credits-screen .actions button')).toBe(true);
    // The top of the credits is not cut off: the title is there, or the screen scrolls to it.
    const title = page.locator('.credits-screen h1');
    await title.scrollIntoViewIfNeeded();
    expect(await onScreen('.credits-screen h1')).toBe(true);
    expect(await onScreen('.credits-screen .actions button')).toBe(true);
    const list = page.locator('.generated-assets .scene-list');
    const { scrollHeight, clientHeight, overflowY } = await list.evaluate((e) => ({ scrollHeight: e.scrollHeight, clientHeight: e.clientHeight, overflowY: getComputedStyle(e).overflowY }));
    expect(overflowY).toBe('auto');
    expect(scrollHeight).toBeGreaterThan(clientHeight);
    // Nothing sticks out of the screen sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  });

  it('play without the asset list, and without the label, when the provenance file cannot be read', async () => {
    const page = await open('?film=hello', { timeScale: TIME_SCALE });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.route('**/scenes/provenance/provenance.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "sightline-provenance/1", "film": ' }));
    await page.goto(page.url().replace('film=hello', 'film=provenance&autoplay=1'));
    await playToCredits(page);
    expect(await page.locator('.credits-screen h1').textContent()).toBe('The Gatekeeper');
    expect(await page.locator('.credits').textContent()).toContain('Mira Okafor');
    expect(await page.locator('[data-ai-label]').count()).toBe(0);
    expect(await page.locator('.generated-assets').count()).toBe(0);
    expect(warnings.some((w) => w.includes('provenance.json'))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});
