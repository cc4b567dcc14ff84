import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, type DiagnosticCode, isDiagnosticCode } from '../../src/story';

const src = resolve(import.meta.dirname, '../../src');
const sources = (readdirSync(src, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(join('story', 'codes.ts')))
  .map((f) => readFileSync(join(src, f), 'utf8'))
  .join('\n');

describe('the list of diagnostic codes', () => {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

  it('lists no code nothing emits: each is written somewhere in src/ besides the list', () => {
    // Emitters are typed against the list, so every code emitted is listed; this is the other way round.
    expect(codes.filter((code) => !sources.includes(`'${code}'`))).toEqual([]);
  });

  it('names codes as <area>.<what>, each with a one-line meaning', () => {
    for (const code of codes) {
      expect(code).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(DIAGNOSTIC_CODES[code].meaning, code).toMatch(/^[^\n]{10,160}$/);
    }
  });

  it('tells codes from other strings', () => {
    expect(isDiagnosticCode('scene.unknown')).toBe(true);
    expect(isDiagnosticCode('scene.unknowable')).toBe(false);
    expect(isDiagnosticCode('toString')).toBe(false);
  });
});
