/**
 * `npm run bench`: the built player measured in headless Chromium beside its baselines (a bare
 * three.js page and Pannellum, showing the same panorama in the same run), printed as a table and
 * saved as JSON under bench/results/. Issue 11 describes each section; budgets.ts holds the budgets.
 *
 *   npm run bench [-- --only=startup,frames,switch,memory,size,story] [--runs=5] [--switches=200]
 *                 [--no-build] [--check]
 *
 * --check exits 1 when a measured figure misses its budget. Times on software WebGL are noisy
 * and slow in absolute terms: compare each figure with its baseline from the same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUDGETS } from './budgets';
import { launch } from './browser';
import { makeFixtures } from './fixtures';
import { benchFrames } from './frames';
import { benchMemory } from './memory';
import { figuresOf, printTable, rowsOf, waterfallLines } from './report';
import { serveBench } from './serve';
import { benchSize } from './size';
import { benchStartup } from './startup';
import { benchStory } from './story';
import { benchSwitch } from './switch';

const root = resolve(import.meta.dirname, '../..');
const SECTIONS = ['startup', 'frames', 'switch', 'memory', 'size', 'story'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: readonly string[]) {
  const options = { only: new Set<Section>(SECTIONS), runs: 5, switches: 200, build: true, check: false };
  for (const arg of argv) {
    const [key, value = ''] = arg.split('=', 2) as [string, string?];
    if (key === '--only') {
      const asked = value.split(',').filter(Boolean);
      const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (unknown.length > 0) throw new Error(`bench: unknown section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
      options.only = new Set(asked as Section[]);
    } else if (key === '--runs') options.runs = positive(key, value);
    else if (key === '--switches') options.switches = 2 * Math.ceil(positive(key, value) / 2);
    else if (key === '--no-build') options.build = false;
    else if (key === '--check') options.check = true;
    else throw new Error(`bench: unknown option ${arg}; see the usage at the top of test/bench/run.ts`);
  }
  return options;
}

function positive(key: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${key} takes a whole number of 1 or more, not "${value}"`);
  return n;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.error(line);
  const started = Date.now();
  if (options.build) {
    log('building the player (vite build)…');
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const results: Record<string, unknown> = {};
  const needsBrowser = ['startup', 'frames', 'switch', 'memory'].some((s) => options.only.has(s as Section));
  const temp = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
  try {
    if (needsBrowser) {
      await makeFixtures(temp);
      const server = await serveBench(temp);
      const browser = await launch();
      try {
        if (options.only.has('startup')) {
          log(`startup: ${options.runs} runs of each contestant…`);
          results['startup'] = await benchStartup(browser, server.url, options.runs, log);
        }
        if (options.only.has('frames')) {
          log('frame cost…');
          results['frames'] = await benchFrames(browser, server.url, log);
        }
        if (options.only.has('switch')) {
          log('branch switch…');
          results['switch'] = await benchSwitch(browser, server.url);
        }
        if (options.only.has('memory')) {
          log(`memory: ${options.switches} switches…`);
          results['memory'] = await benchMemory(browser, server.url, options.switches, log);
        }
      } finally {
        await browser.close();
        await server.close();
      }
    }
    if (options.only.has('size')) results['size'] = benchSize();
    if (options.only.has('story')) {
      log('story engine (bench:story)…');
      results['story'] = benchStory();
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }

  const figures = figuresOf(results);
  console.log('');
  printTable(rowsOf(results));
  const startup = results['startup'] as Parameters<typeof rowsOf>[0]['startup'];
  if (startup) console.log(`\nstartup waterfalls (ms from navigation, each step's median over the runs):\n${waterfallLines(startup.waterfall).join('\n')}`);
  const missed = BUDGETS.filter((b) => figures[b.figure] !== undefined && !(figures[b.figure]! <= b.max));
  const when = new Date().toISOString();
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${when.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}.json`);
  const machine = { node: process.version, cpus: (await import('node:os')).cpus().length, load: (await import('node:os')).loadavg() };
  writeFileSync(file, `${JSON.stringify({ when, machine, seconds: Math.round((Date.now() - started) / 1000), figures, budgetsMissed: missed.map((b) => b.figure), results }, null, 2)}\n`);
  console.log(`\nsaved ${file.slice(root.length + 1)} (${Math.round((Date.now() - started) / 1000)} s; load average ${machine.load.map((l) => l.toFixed(1)).join(' ')} on ${machine.cpus} cores)`);
  if (missed.length > 0) console.log(`budgets missed: ${missed.map((b) => `${b.figure} (${b.says})`).join('; ')}`);
  return options.check && missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The bench's own errors say what to do; anything else gets its stack.
    console.error(error instanceof Error ? (error.message.startsWith('bench:') ? error.message : error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
