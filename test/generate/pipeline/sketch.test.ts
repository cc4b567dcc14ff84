import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { CATALOGUE } from '../../../src/generate/films';
import { sketchFilm } from '../../../src/generate/pipeline';

const root = resolve(import.meta.dirname, '../../..');
const smallest = join(root, 'scenes/smallest');
const scratch = mkdtempSync(join(tmpdir(), 'sightline-sketch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const validate = (dir: string, ...flags: string[]) => {
  let out = '';
  const code = run(['validate', dir, ...flags], (s) => (out += s), (s) => (out += s));
  return { code, out };
};

describe('the README walkthrough on the smallest film', () => {
  it('steps 1 to 4 from an empty folder give the committed package, which validates with no warning', async () => {
    // 1. an empty folder; 2. story.json as printed (the README test holds it equal to this file).
    const dir = join(scratch, 'smallest');
    mkdirSync(dir);
    const story = readFileSync(join(smallest, 'story.json'), 'utf8');
    writeFileSync(join(dir, 'story.json'), story);
    expect(validate(dir).out).toContain('error asset.missing');
    // 3. npm run sketch -- scenes/smallest
    const written = await sketchFilm(dir, CATALOGUE, { log: () => {} });
    expect(written).toEqual(['assets/square.webp', 'assets/tower.webp']);
    for (const file of written) expect(readFileSync(join(dir, file)).equals(readFileSync(join(smallest, file))), `${file} as committed`).toBe(true);
    expect(readFileSync(join(dir, 'story.json'), 'utf8')).toBe(story);
    expect(readdirSync(smallest).sort()).toEqual(['assets', 'story.json']);
    expect(readdirSync(join(smallest, 'assets')).sort()).toEqual(['square.webp', 'tower.webp']);
    // 4. npx sightline validate scenes/smallest
    const checked = validate(dir, '--strict');
    expect(checked.out).toBe('0 errors, 0 warnings\n');
    expect(checked.code).toBe(0);
  }, 60_000);

  it('passes validation where it is committed', () => {
    expect(validate(smallest, '--strict')).toEqual({ code: 0, out: '0 errors, 0 warnings\n' });
  });
});

describe('npm run sketch', () => {
  /** A one-scene package whose panorama is `src`, scripted with `script`. */
  function pack(name: string, src: string, script: object | undefined) {
    const dir = join(scratch, name);
    mkdirSync(dir);
    const scene = { title: 'Here', media: { type: 'panorama', src }, ending: true, ...(script ? { script } : {}) };
    writeFileSync(join(dir, 'story.json'), JSON.stringify({ format: 'sightline/1', id: name, title: 'T', languages: ['en'], start: 'here', scenes: { here: scene } }));
    return dir;
  }

  it('writes the format the path names, at the width asked for', async () => {
    const dir = pack('jpeg', 'pictures/here.jpg', { setting: 'archive', emotion: 'melancholy' });
    expect(await sketchFilm(dir, CATALOGUE, { width: 256, log: () => {} })).toEqual(['pictures/here.jpg']);
    const meta = await sharp(join(dir, 'pictures/here.jpg')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 256, 128]);
  }, 30_000);

  it('paints nothing for a script without a setting', async () => {
    const lines: string[] = [];
    expect(await sketchFilm(pack('unset', 'here.webp', { description: 'A hall.' }), CATALOGUE, { log: (l) => lines.push(l) })).toEqual([]);
    expect(lines.join('\n')).toContain('no scene has a script with a "setting"');
  });

  it('says what is wrong with a setting it does not know, or a path it cannot write', async () => {
    await expect(sketchFilm(pack('unknown', 'here.webp', { setting: 'moon' }), CATALOGUE, { width: 64 })).rejects.toThrow(/setting "moon".*use one of: street, alley/);
    await expect(sketchFilm(pack('gif', 'here.avif', { setting: 'street' }), CATALOGUE, { width: 64 })).rejects.toThrow(/\.webp, \.jpg or \.png/);
    await expect(sketchFilm(pack('odd', 'here.webp', { setting: 'street' }), CATALOGUE, { width: 101 })).rejects.toThrow(/--width/);
  });
});
