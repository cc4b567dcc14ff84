import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uiText } from '../story';

const ROOT = resolve(import.meta.dirname, '../..');
/** The films whose text the served font must cover: the bundled ones and the test packages. */
export const FILM_ROOTS = [join(ROOT, 'scenes'), join(ROOT, 'test/fixtures/packages')];

/** Printable ASCII and the punctuation the player's own strings and typical subtitles use. */
export const BASE_TEXT =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') +
  '·—–−…‘’“”•→←↑↓%‰©°、。，．：；！？（）《》〈〉「」『』【】～';

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  let found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(filesUnder(path, keep));
    else if (keep(name)) found.push(path);
  }
  return found;
}

/** Strings of a story manifest written in Chinese: the values of its `zh…` language keys. */
function chineseStrings(value: unknown, out: string[]): void {
  if (Array.isArray(value)) for (const v of value) chineseStrings(v, out);
  else if (value !== null && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key.toLowerCase().startsWith('zh') && typeof v === 'string') out.push(v);
      else chineseStrings(v, out);
    }
}

/**
 * Every piece of Chinese the player can draw: the films' zh text (manifest strings and zh subtitle
 * tracks) and the player's own zh-CN strings. The font generator subsets to these; a unit test
 * checks the committed font still covers them after any text changes.
 */
export function chineseText(roots: readonly string[] = FILM_ROOTS): string {
  const parts: string[] = Object.values(uiText('zh-CN'));
  for (const root of roots) {
    for (const file of filesUnder(root, (n) => n === 'story.json')) {
      try {
        chineseStrings(JSON.parse(readFileSync(file, 'utf8')), parts);
      } catch {
        // Deliberately broken packages (broken-json) have no text to draw.
      }
    }
    for (const file of filesUnder(root, (n) => /\.zh[^.]*\.vtt$/i.test(n))) parts.push(readFileSync(file, 'utf8'));
  }
  return parts.join('\n');
}

/** The distinct visible characters of `text`, sorted by code point. */
export function glyphSet(text: string): string[] {
  return [...new Set(Array.from(text))].filter((c) => !/\s/u.test(c)).sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}
