import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHOWN_AS_JSON, SHOWN_AS_TEXT, run } from '../../src/cli/main';

const root = resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) => {
  let out = '';
  let err = '';
  const code = run(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
};

const scratch = mkdtempSync(join(tmpdir(), 'sightline-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a package, changed by `edit`, in a folder named like its id. */
function packageCopy(from: string, id: string, edit: (json: any) => void = () => {}) {
  const dir = join(scratch, id);
  cpSync(join(root, from), dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8'));
  json.id = id;
  edit(json);
  writeFileSync(join(dir, 'story.json'), JSON.stringify(json));
  return dir;
}

describe('sightline validate', () => {
  it('exits 0 for a valid package', () => {
    const r = cli('validate', join(root, 'scenes/hello'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 errors, 0 warnings');
  });

  it('reads a story.json that starts with a byte-order mark, as the player does', () => {
    const dir = packageCopy('scenes/hello', 'with-bom');
    writeFileSync(join(dir, 'story.json'), '\uFEFF' + readFileSync(join(dir, 'story.json'), 'utf8'));
    const r = cli('validate', dir);
    expect(r.code, r.out + r.err).toBe(0);
  });

  it('refuses an asset path the browser would resolve elsewhere, naming the field', () => {
    const dir = packageCopy('scenes/hello', 'encoded-path', (j) => (j.scenes.hall.media.src = '%2e%2e/x.webp'));
    const r = cli('validate', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('$.scenes.hall.media.src');
    expect(r.out).toContain('"%"');
  });

  it('prints a story broken everywhere in full up to a limit, then counts the rest by code', () => {
    const dir = join(scratch, 'big-graph');
    mkdirSync(dir, { recursive: true });
    const scenes: Record<string, unknown> = { end: { title: 'End', media: { type: 'color', color: '#000000' }, ending: true } };
    for (let i = 0; i < 10_000; i++) scenes[`s${i}`] = { title: `Scene ${i}`, media: { type: 'color', color: '#102030' }, choices: [{ id: 'go', label: 'Go', to: `missing-${i}` }] };
    writeFileSync(join(dir, 'story.json'), JSON.stringify({ format: 'sightline/1', id: 'big-graph', title: 'Big', languages: ['en'], start: 's0', scenes }));
    const json = cli('validate', dir, '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as { errors: number; warnings: number; omitted: Record<string, number>; diagnostics: unknown[] };
    expect(report.diagnostics).toHaveLength(SHOWN_AS_JSON);
    expect(report.errors + report.warnings).toBe(SHOWN_AS_JSON + Object.values(report.omitted).reduce((a, b) => a + b, 0));
    expect(report.omitted['scene.unknown']).toBeGreaterThan(8000);
    // Messages name a few of the scenes, not all ten thousand.
    expect(json.out.length).toBeLessThan(1_000_000);
    const text = cli('validate', dir);
    expect(text.out.split('\n').filter((l) => l.startsWith('story.json'))).toHaveLength(SHOWN_AS_TEXT);
    expect(text.out).toMatch(/… and [\d,]+ more: [\d,]+ × scene\.unreachable, [\d,]+ × scene\.unknown/);
    expect(text.out).toContain('and 9,989 more');
  });

  it('exits 1 and names file, path and fix for errors', () => {
    const dir = packageCopy('scenes/hello', 'bad-target', (j) => (j.scenes.hall.choices[1].to = 'attic'));
    const r = cli('validate', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('story.json $.scenes.hall.choices[1].to: error scene.unknown');
  });

  it('reports missing asset files, which only the author can fix', () => {
    const dir = packageCopy('scenes/hello', 'lost-image', (j) => (j.scenes.archive.media.src = 'assets/gone.webp'));
    const r = cli('validate', dir, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).diagnostics).toContainEqual(expect.objectContaining({ code: 'asset.missing', path: '$.scenes.archive.media.src' }));
  });

  it('checks subtitles are WebVTT', () => {
    const dir = packageCopy('scenes/hello', 'bad-subtitles', (j) => (j.scenes.hall.subtitles = { en: 'hall.en.vtt' }));
    writeFileSync(join(dir, 'hall.en.vtt'), 'WEBVTT\n\n00:01.000 --> 00:00.500\nToo soon\n');
    expect(JSON.parse(cli('validate', dir, '--json').out).diagnostics).toContainEqual(expect.objectContaining({ code: 'subtitles.invalid', path: '$.scenes.hall.subtitles.en' }));
    writeFileSync(join(dir, 'hall.en.vtt'), 'WEBVTT\n\n00:01.000 --> 00:03.500\nJust right\n');
    expect(cli('validate', dir).code).toBe(0);
  });

  it('checks the provenance file against the files: a changed file fails, naming it and both hashes', () => {
    // The corpus case, in a folder named like its id so the hash is the only thing wrong.
    const dir = join(scratch, 'lantern');
    cpSync(join(root, 'test/fixtures/broken/provenance-hash-mismatch'), dir, { recursive: true });
    const r = cli('validate', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('provenance.json $.assets["assets/gate.webp"].sha256: error provenance.hash-mismatch');
    expect(r.out).toContain('"assets/gate.webp" does not match its record');
    expect(r.out).toContain('npm run generate -- scenes/lantern');
    expect(r.out).toContain('1 error, 0 warnings');
    // The bytes as recorded pass again.
    cpSync(join(root, 'test/fixtures/packages/comfort/assets/dial.webp'), join(dir, 'assets/gate.webp'));
    expect(cli('validate', dir).code).toBe(0);
  });

  it('passes the provenance fixture, whose every asset is recorded with its hash', () => {
    const r = cli('validate', join(root, 'test/fixtures/packages/provenance'), '--strict');
    expect(r.out).toContain('0 errors, 0 warnings');
    expect(r.code).toBe(0);
  });

  it('counts warnings as failures with --strict', () => {
    const dir = packageCopy('scenes/hello', 'half-translated', (j) => delete j.scenes.hall.title['zh-CN']);
    expect(cli('validate', dir).code).toBe(0);
    expect(cli('validate', dir, '--strict').code).toBe(1);
  });

  it('exits 2 on usage errors', () => {
    expect(cli().code).toBe(2);
    expect(cli('validate').code).toBe(2);
    expect(cli('frobnicate', 'scenes/hello').code).toBe(2);
    expect(cli('validate', join(root, 'scenes/hello'), '--loud').code).toBe(2);
    expect(cli('validate', join(scratch, 'nowhere')).code).toBe(2);
    expect(cli('graph', join(root, 'scenes/hello'), '--format', 'svg').code).toBe(2);
  });

  it('runs as a command with the Node on the machine', () => {
    const r = spawnSync(process.execPath, [join(root, 'src/cli/sightline.mjs'), 'validate', join(root, 'test/fixtures/broken-json-cli')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('json.syntax');
    const ok = execFileSync(process.execPath, [join(root, 'src/cli/sightline.mjs'), 'validate', join(root, 'scenes/hello')], { encoding: 'utf8' });
    expect(ok).toContain('0 errors');
  });
});

describe('sightline codes', () => {
  it('prints every diagnostic code with its severity and meaning, as a table or as JSON', () => {
    const table = cli('codes');
    expect(table.code).toBe(0);
    expect(table.out).toContain('| `scene.dead-end` | error | load | a scene that is not an ending has no way out |');
    expect(table.out).toContain('| `provenance.unrecorded` | warning | validate |');
    const json = JSON.parse(cli('codes', '--json').out);
    expect(json['asset.missing']).toEqual({ severity: 'error', by: 'files', meaning: 'an asset file the story names is not in the package' });
    expect(cli('codes', 'scenes/hello').code).toBe(2);
  });
});

describe('sightline graph, paths, stats', () => {
  const keeper = () => packageCopy('test/fixtures/keeper', 'keeper');
  it('exports mermaid, dot and the xstate machine config', () => {
    const dir = keeper();
    expect(cli('graph', dir).out).toMatch(/^flowchart TD/);
    expect(cli('graph', dir, '--format', 'dot').out).toMatch(/^digraph "keeper"/);
    const config = JSON.parse(cli('graph', dir, '--format', 'json', '--edition', 'short').out);
    expect(config.initial).toBe('shore');
    expect(Object.keys(config.states)).not.toContain('wreckage');
  });
  it('prints the shortest path to every ending of every edition', () => {
    const r = cli('paths', keeper(), '--json');
    const found = JSON.parse(r.out) as Array<{ edition: string; ending: string }>;
    expect(found.map((p) => `${p.edition}:${p.ending}`).sort()).toEqual(['discussion:beacon', 'discussion:dark', 'full:beacon', 'full:dark', 'short:beacon', 'short:dark']);
  });
  it('counts the film', () => {
    const stats = JSON.parse(cli('stats', keeper(), '--json').out);
    expect(stats).toMatchObject({ scenes: 6, endings: 2, editions: expect.arrayContaining([expect.objectContaining({ edition: 'discussion', shortestPath: 4 })]) });
  });
});
