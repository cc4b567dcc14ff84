import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { chineseText, glyphSet } from '../../src/generate/font-text';

const FONT = resolve(import.meta.dirname, '../../public/fonts/sightline-sans-sc.woff2');

describe('the served CJK font', () => {
  const font = fontkit.create(readFileSync(FONT));
  if (!('hasGlyphForCodePoint' in font)) throw new Error('expected a single font, not a collection');

  it('has a glyph for every character of the Chinese text in the films and the player (rerun src/generate/cjk-font.ts if not)', () => {
    const characters = glyphSet(chineseText());
    expect(characters.length).toBeGreaterThan(100);
    const missing = characters.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
  });

  it('is a subset: small, and without characters nothing uses', () => {
    expect(readFileSync(FONT).length).toBeLessThan(300 * 1024);
    expect(font.hasGlyphForCodePoint('龘'.codePointAt(0)!)).toBe(false);
    expect(font.hasGlyphForCodePoint('穹'.codePointAt(0)!)).toBe(true);
  });
});
