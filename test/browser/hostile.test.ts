import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageErrors, usePlayer, waitForApp } from './harness';

/**
 * Hostile packages, each dropped into the served build as an author would drop a film, each opened
 * in a fresh browser context so one case cannot poison the next. Every case ends on a screen that
 * says what is wrong (or plays), never on a blank page or an uncaught error.
 */
const dist = resolve(import.meta.dirname, '../../dist');
const open = usePlayer();
const hello = JSON.parse(readFileSync(join(dist, 'scenes/hello/story.json'), 'utf8')) as Record<string, unknown> & { scenes: Record<string, Record<string, unknown>> };

/** A copy of the small film (its assets too) with a changed story.json, written as `text` when given. */
function hostile(id: string, edit: (story: typeof hello) => void, text?: (json: string) => string) {
  const dir = join(dist, 'scenes', id);
  cpSync(join(dist, 'scenes/hello'), dir, { recursive: true });
  rmSync(join(dir, 'files.json'), { force: true });
  const story = structuredClone(hello);
  story.id = id;
  edit(story);
  const json = JSON.stringify(story, null, 2);
  writeFileSync(join(dir, 'story.json'), text ? text(json) : json);
}

const CASES = ['ht-bom', 'ht-big', 'ht-html', 'ht-encoded-subtitles', 'ht-proto-ids', 'ht-splat-bomb'];

beforeAll(() => {
  hostile('ht-bom', () => {}, (json) => `\uFEFF${json}`);
  hostile('ht-big', (story) => {
    for (let i = 0; i < 10_000; i++) story.scenes[`s${i}`] = { title: `Scene ${i}`, media: { type: 'color', color: '#102030' }, choices: [{ id: 'go', label: 'Go', to: `missing-${i}` }] };
  });
  hostile('ht-html', (story) => {
    story.title = { en: '<img src=x onerror="document.title=\'pwned\'">', 'zh-CN': '<script>document.title="pwned"</script>' };
    story.scenes['hall']!['title'] = { en: '<b id="injected">hall</b>', 'zh-CN': '大厅' };
  });
  hostile('ht-encoded-subtitles', (story) => {
    const hall = story.scenes['hall']!;
    hall['subtitles'] = { en: 'assets/%2E%2E/%2e%2e/hall.en.vtt' };
  });
  // A key an object literal cannot hold as its own: written into the text.
  hostile('ht-proto-ids', () => {}, (json) => json.replace('"scenes": {', '"scenes": {\n    "__proto__": { "title": "Prototype", "media": { "type": "color", "color": "#000000" }, "ending": true },'));
  // A world whose header claims 50 million splats in a file of a few bytes.
  hostile('ht-splat-bomb', (story) => {
    story.scenes['hall']!['splat'] = { src: 'assets/bomb.ply' };
  });
  writeFileSync(join(dist, 'scenes/ht-splat-bomb/assets/bomb.ply'), 'ply\nformat binary_little_endian 1.0\nelement vertex 50000000\nproperty float x\nproperty float y\nproperty float z\nend_header\n\0\0\0\0');
  mkdirSync(join(dist, 'scenes'), { recursive: true });
});
afterAll(() => {
  for (const id of CASES) rmSync(join(dist, 'scenes', id), { recursive: true, force: true });
});

describe('hostile packages', () => {
  it('plays a story.json that starts with a byte-order mark', async () => {
    const page = await open('?film=ht-bom&autoplay=1');
    await waitForApp(page, { status: 'playing', scene: 'hall' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps the error screen of a story broken 10,000 times readable: 50 problems, then counts', async () => {
    const page = await open('?film=ht-big&autoplay=1');
    await waitForApp(page, { status: 'error' }, 60_000);
    const items = page.locator('.error-screen li');
    expect(await items.count()).toBe(51);
    expect(await page.locator('.error-screen li.more').textContent()).toMatch(/^And \d+ more: \d+ × scene\.unknown/);
    expect((await items.first().textContent())!.length).toBeLessThan(1000);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows HTML in story text as text', async () => {
    const page = await open('?film=ht-html&autoplay=1');
    await waitForApp(page, { status: 'playing', scene: 'hall' });
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.locator('body').textContent()).toContain('<b id="injected">hall</b>');
    expect(pageErrors(page)).toEqual([]);
  });

  it('refuses an encoded subtitle path by its field, instead of a blank page', async () => {
    const page = await open('?film=ht-encoded-subtitles&autoplay=1');
    await waitForApp(page, { status: 'error' });
    const items = await page.locator('.error-screen li').allTextContents();
    expect(items.some((t) => t.includes('$.scenes.hall.subtitles.en') && t.includes('"%"'))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('refuses a splat world whose header claims more splats than any device draws, and plays the scene without it', async () => {
    const page = await open('?film=ht-splat-bomb&autoplay=1');
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    await page.reload();
    await waitForApp(page, { status: 'playing', scene: 'hall', media: 'ready' });
    await expect.poll(() => warnings.find((w) => w.includes('bomb.ply'))).toContain('holds 50,000,000 splats, more than any device draws');
    expect(pageErrors(page)).toEqual([]);
  });

  it('refuses a scene called __proto__ by name', async () => {
    const page = await open('?film=ht-proto-ids&autoplay=1');
    await waitForApp(page, { status: 'error' });
    expect((await page.locator('.error-screen li').allTextContents()).some((t) => t.includes('__proto__'))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});
