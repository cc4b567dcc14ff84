import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { codesTable } from './codes';

/**
 * Writes the parts of README.md generated from the code (the table of diagnostic codes) between
 * their markers; everything else in the file is left as it is. A unit test fails when they are stale.
 */
export const README_FILE = resolve(import.meta.dirname, '../../README.md');

const BLOCKS: ReadonlyArray<{ readonly start: string; readonly end: string; readonly text: () => string }> = [
  { start: '<!-- codes: written by `npm run readme` from src/story/codes.ts -->', end: '<!-- end of codes -->', text: codesTable },
];

/** The README text with every generated block written anew; throws if a block's markers are missing. */
export function readmeText(current: string): string {
  let text = current;
  for (const block of BLOCKS) {
    const from = text.indexOf(block.start);
    const to = text.indexOf(block.end, from);
    if (from < 0 || to < 0) throw new Error(`README.md: the markers ${block.start} … ${block.end} are missing`);
    text = `${text.slice(0, from + block.start.length)}\n${block.text()}${text.slice(to)}`;
  }
  return text;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(README_FILE, readmeText(readFileSync(README_FILE, 'utf8')));
  console.log(`wrote the generated parts of ${README_FILE}`);
}
