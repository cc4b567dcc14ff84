import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as sightline } from '../../../src/cli/main';
import { CATALOGUE } from '../../../src/generate/films';
import { generateFilm } from '../../../src/generate/pipeline';
import { sha256Of } from '../../../src/generate/pipeline/provenance-log';
import { provenanceSchema } from '../../../src/story';

const root = resolve(import.meta.dirname, '../../..');
const FILM = join(root, 'scenes/glass-sky');
const temps: string[] = [];
/** A copy of a package in a fresh folder of the same name (its id must match its folder). */
const copyOf = (dir: string) => {
  const parent = mkdtempSync(join(tmpdir(), 'sightline-generate-'));
  temps.push(parent);
  const to = join(parent, basename(dir));
  cpSync(dir, to, { recursive: true });
  return to;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const quiet = () => {};
const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1)).sort();
const validate = (dir: string) => {
  const out: string[] = [];
  const status = sightline(['validate', dir], (s) => out.push(s), (s) => out.push(s));
  return { status, text: out.join('') };
};

describe('the film pipeline', () => {
  it('makes one scene anew twice with identical bytes, and the same picture as the committed one', async () => {
    const [a, b] = [copyOf(FILM), copyOf(FILM)];
    // Side by side: much of the work is the speech and sound tools, run as processes of their own.
    await Promise.all([a!, b!].map((dir) => generateFilm(dir, CATALOGUE, { scenes: ['alley'], log: quiet })));
    const made = files(join(a!, 'assets/alley'));
    expect(made).toEqual(expect.arrayContaining(['panorama-4096.webp', 'panorama-2048.jpg', 'poster.webp', 'narration.en.ogg', 'narration.zh-CN.ogg', 'subtitles.en.vtt', 'subtitles.zh-CN.vtt', 'ambience.ogg']));
    for (const file of made) expect(sha256Of(readFileSync(join(b!, 'assets/alley', file))), file).toBe(sha256Of(readFileSync(join(a!, 'assets/alley', file))));
    for (const file of ['story.json', 'provenance.json']) expect(readFileSync(join(b!, file), 'utf8'), file).toBe(readFileSync(join(a!, file), 'utf8'));
    // The committed package is what its scripts and seeds make (the picture depends only on pinned npm packages).
    expect(readFileSync(join(a!, 'assets/alley/panorama-4096.webp')).equals(readFileSync(join(FILM, 'assets/alley/panorama-4096.webp')))).toBe(true);
    expect(readFileSync(join(a!, 'story.json'), 'utf8')).toBe(readFileSync(join(FILM, 'story.json'), 'utf8'));
  }, 300_000);

  it('records every file the film uses, and the committed package validates with no errors or warnings', () => {
    const { status, text } = validate(FILM);
    expect(text).toContain('0 errors, 0 warnings');
    expect(status).toBe(0);
    const provenance = provenanceSchema.parse(JSON.parse(readFileSync(join(FILM, 'provenance.json'), 'utf8')));
    const assets = files(join(FILM, 'assets')).map((f) => `assets/${f}`);
    expect(Object.keys(provenance.assets).sort()).toEqual(assets);
    for (const [asset, record] of Object.entries(provenance.assets)) {
      expect(record.sha256, asset).toBe(sha256Of(readFileSync(join(FILM, asset))));
      expect(record.scene, asset).toBe(asset.split('/')[1]);
    }
  });

  it('reports a changed file as a hash mismatch naming it', () => {
    const dir = copyOf(FILM);
    const file = join(dir, 'assets/lamplight/subtitles.en.vtt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    const { status, text } = validate(dir);
    expect(status).toBe(1);
    expect(text).toMatch(/provenance\.hash-mismatch.*assets\/lamplight\/subtitles\.en\.vtt|assets\/lamplight\/subtitles\.en\.vtt.*provenance\.hash-mismatch/);
  });

  it('uses an outside generator\'s panorama dropped into imports/ with its sidecar, and records it like its own', async () => {
    const dir = copyOf(join(root, 'test/fixtures/generate/imported'));
    await generateFilm(dir, CATALOGUE, { log: quiet });
    const story = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8'));
    expect(story.scenes.gate.media).toEqual({ type: 'panorama', src: 'imports/outside-panorama.png' });
    const provenance = provenanceSchema.parse(JSON.parse(readFileSync(join(dir, 'provenance.json'), 'utf8')));
    expect(provenance.assets['imports/outside-panorama.png']).toMatchObject({
      scene: 'gate', role: 'panorama', origin: 'imported', aiGenerated: true, tool: 'Example Image Studio', model: 'example-pano-xl 2.1', seed: 424242,
      styleReferences: ['art deco civic ironwork'], sha256: sha256Of(readFileSync(join(dir, 'imports/outside-panorama.png'))),
    });
    // The scene's own ambience is still made, from its emotion and seed.
    expect(provenance.assets['assets/gate/ambience.ogg']).toMatchObject({ origin: 'generated', seed: 7 });
    expect(validate(dir).status).toBe(0);
  }, 120_000);

  it('names the sidecar, the field and the fix when an import is described wrongly', async () => {
    const dir = copyOf(join(root, 'test/fixtures/generate/imported'));
    const sidecar = join(dir, 'imports/outside-panorama.png.json');
    writeFileSync(sidecar, JSON.stringify({ ...JSON.parse(readFileSync(sidecar, 'utf8')), scene: 'nowhere' }));
    await expect(generateFilm(dir, CATALOGUE, { log: quiet })).rejects.toThrow(/imports\/outside-panorama\.png\.json \$\.scene: no scene "nowhere".*known scenes: gate, end/);
    writeFileSync(sidecar, JSON.stringify({ scene: 'gate', role: 'panorama' }));
    await expect(generateFilm(dir, CATALOGUE, { log: quiet })).rejects.toThrow(/imports\/outside-panorama\.png\.json \$\.tool/);
  });
});
