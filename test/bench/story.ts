/**
 * Section 6, story engine: `npm run bench:story` (src/cli/bench-story.ts) at 1,000 and 10,000
 * scenes, its figures read from what it prints.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface StoryResult {
  /** By package size in scenes: parse (the baseline), validate and compile (first edition) medians, ms. */
  readonly sizes: Record<string, { parse: number; validate: number; compile: number }>;
  readonly eventsPerSecond: number;
  /** Its own goal lines, as printed. */
  readonly goals: readonly string[];
}

export function benchStory(): StoryResult {
  const out = execFileSync(resolve(root, 'node_modules/.bin/tsx'), ['src/cli/bench-story.ts', '--sizes=1000,10000', '--runs=3'], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
  const number = (s: string) => Number(s.replaceAll(',', ''));
  const sizes: StoryResult['sizes'] = {};
  // Table rows: scenes, parse, validate, compile (theatrical), compile (second edition), ...
  for (const m of out.matchAll(/^\s+([\d,]+)\s+([\d,.]+)\s+([\d,.]+)\s+([\d,.]+)\s/gm)) sizes[String(number(m[1]!))] = { parse: number(m[2]!), validate: number(m[3]!), compile: number(m[4]!) };
  const events = /→ ([\d,]+) events\/s/.exec(out);
  if (Object.keys(sizes).length === 0 || !events) throw new Error(`bench: bench-story printed no figures:\n${out}`);
  return { sizes, eventsPerSecond: number(events[1]!), goals: out.split('\n').filter((l) => l.trim().startsWith('goal:')).map((l) => l.trim()) };
}
