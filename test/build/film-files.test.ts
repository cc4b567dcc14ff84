import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filmFiles, writeFilmFiles } from '../../src/build/film-files.ts';
import { filmFilesSchema } from '../../src/kiosk/offline/film-files.ts';

const hello = resolve(import.meta.dirname, '../../scenes/hello');
const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-film-files-'));
  temporary.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every file under a folder, relative, with "/" between folders. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

describe("a package's files.json", () => {
  it('lists every file of the folder with its sha256 and size, sorted, in the format the film cache reads', () => {
    const list = filmFiles(hello, 'hello');
    expect(filmFilesSchema.parse(list)).toEqual(list);
    expect(list.files.map((f) => f.path)).toEqual(walk(hello).sort());
    for (const file of list.files) {
      const bytes = readFileSync(join(hello, file.path));
      expect([file.sha256, file.bytes]).toEqual([createHash('sha256').update(bytes).digest('hex'), bytes.length]);
    }
  });

  it('leaves out files.json itself and dot-files', () => {
    const dir = tempDir();
    cpSync(hello, dir, { recursive: true });
    writeFileSync(join(dir, 'files.json'), '{}');
    writeFileSync(join(dir, '.DS_Store'), 'x');
    expect(filmFiles(dir, 'hello').files.map((f) => f.path)).toEqual(walk(hello).sort());
  });

  it('is written for every package under scenes/, and only for packages', () => {
    const out = tempDir();
    const written = writeFilmFiles(resolve(hello, '..'), out);
    const scenes = resolve(hello, '..');
    const packages = readdirSync(scenes).filter((name) => existsSync(join(scenes, name, 'story.json')));
    expect(packages).toContain('hello');
    expect(written.sort()).toEqual(packages.sort());
    expect(JSON.parse(readFileSync(join(out, 'hello/files.json'), 'utf8'))).toEqual(filmFiles(hello, 'hello'));
  });
});
