import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { BASE_TEXT, chineseText, glyphSet } from './font-text';

/**
 * The font the player serves for Chinese (and the Latin around it): Noto Sans CJK SC Regular from
 * Debian's fonts-noto-cjk, subset to the characters the films and the player's zh-CN strings use,
 * as WOFF2 in public/fonts/. Headsets and many browsers have no CJK font of their own, and the
 * player fetches nothing from a CDN. Rerun after changing any Chinese text (a unit test says when).
 * Needs `apt-get install fonts-noto-cjk`; the output is committed, so CI never runs this.
 * Run: npx tsx src/generate/cjk-font.ts
 */
const SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FACE = 'NotoSansCJKsc-Regular';
const OUT = resolve(import.meta.dirname, '../../public/fonts/sightline-sans-sc.woff2');

/**
 * One face of a TrueType/OpenType collection as a standalone font: its table directory rewritten
 * with the tables copied after it (harfbuzz's subsetter, behind subset-font, reads face 0 only).
 */
function extractFace(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('cjk-font: source is not a font collection');
  const start = ttc.readUInt32BE(12 + index * 4);
  const numTables = ttc.readUInt16BE(start + 4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const record = start + 12 + i * 16;
    return { record: ttc.subarray(record, record + 16), offset: ttc.readUInt32BE(record + 8), length: ttc.readUInt32BE(record + 12) };
  });
  const headerSize = 12 + numTables * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(headerSize + tables.reduce((sum, t) => sum + padded(t.length), 0));
  ttc.copy(out, 0, start, start + 12); // sfnt version, table count and search hints are unchanged.
  let at = headerSize;
  tables.forEach((t, i) => {
    const record = 12 + i * 16;
    t.record.copy(out, record);
    out.writeUInt32BE(at, record + 8);
    ttc.copy(out, at, t.offset, t.offset + t.length);
    at += padded(t.length);
  });
  return out;
}

async function main(): Promise<void> {
  const collection = fontkit.openSync(SOURCE);
  if (!('fonts' in collection)) throw new Error(`cjk-font: ${SOURCE} is not a collection`);
  const index = collection.fonts.findIndex((f) => f.postscriptName === FACE);
  if (index < 0) throw new Error(`cjk-font: ${FACE} not in ${SOURCE}`);
  const face = extractFace(readFileSync(SOURCE), index);
  const characters = glyphSet(BASE_TEXT + chineseText());
  const woff2 = await subsetFont(face, characters.join(''), { targetFormat: 'woff2' });
  writeFileSync(OUT, woff2);
  const subset = fontkit.create(woff2);
  const missing = characters.filter((c) => !('hasGlyphForCodePoint' in subset && subset.hasGlyphForCodePoint(c.codePointAt(0)!)));
  if (missing.length > 0) console.warn(`cjk-font: no glyph in ${FACE} for ${missing.join(' ')}`);
  console.log(`wrote ${OUT}: ${characters.length} characters, ${Math.round(woff2.length / 1024)} KB`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
