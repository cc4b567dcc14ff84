import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../src');
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
const sources = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));

describe('the station stays out of the player', () => {
  it('nothing but the command line imports src/station', () => {
    for (const file of sources(src)) {
      if (file.startsWith(join(src, 'station')) || file.startsWith(join(src, 'cli'))) continue;
      for (const source of importsOf(file)) {
        if (!source.startsWith('.')) continue;
        expect(resolve(dirname(file), source).startsWith(join(src, 'station')), `${file} imports ${source}`).toBe(false);
      }
    }
  });

  it('src/station uses only the records and story modules of src/, through their public surfaces', () => {
    for (const file of sources(join(src, 'station')))
      for (const source of importsOf(file)) {
        if (!source.startsWith('.')) continue;
        const target = resolve(dirname(file), source);
        if (target.startsWith(join(src, 'station'))) continue;
        expect([join(src, 'records'), join(src, 'story')], `${file} imports ${source}`).toContain(target);
      }
  });
});
