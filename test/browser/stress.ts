/**
 * `npm run test:stress`: the browser suite on a busy machine, as CI's two cores often are. Two
 * processes each burn a core (`node -e "for(;;){}"`) while the player is built once, the whole
 * browser suite runs, and the files that run scene time (those that set `timeScale` or `pauseAt`)
 * run `STRESS_REPEATS` more times. Exits non-zero if anything failed; the burners are stopped
 * whatever happens (a failure, Ctrl-C, a kill). Not part of `npm test`: it takes a long while.
 *
 * Environment: `STRESS_REPEATS` (default 3), `STRESS_BURNERS` (default 2).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const repeats = count('STRESS_REPEATS', 3);
const burnerCount = count('STRESS_BURNERS', 2);

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`stress: ${name} must be a whole number of 0 or more, not "${raw}"`);
  return n;
}

/** Browser test files that run scene time: sped up (`timeScale`) or held (`pauseAt`). */
function timeDependentFiles(): string[] {
  const dir = join(root, 'test/browser');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && /\b(timeScale|pauseAt)\b/.test(readFileSync(join(dir, f), 'utf8')))
    .sort()
    .map((f) => `test/browser/${f}`);
}

const burners: ChildProcess[] = [];
let running: ChildProcess | null = null;

/** Stops the burners, and passes a signal on to the test run under way (it closes its browsers). */
function stopAll(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const burner of burners.splice(0)) burner.kill('SIGKILL');
  running?.kill(signal);
}

process.on('exit', () => stopAll());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => {
    console.error(`\nstress: ${signal}, stopping`);
    stopAll(signal);
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
  });

/** Runs a tool from node_modules/.bin with the terminal's output; resolves with whether it passed. */
function run(bin: string, args: string[]): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(join(root, 'node_modules/.bin', bin), args, { cwd: root, stdio: 'inherit' });
    running = child;
    child.on('error', (error) => {
      console.error(`stress: ${bin} could not start: ${error.message}`);
      done(false);
    });
    child.on('exit', (code) => {
      running = null;
      done(code === 0);
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

async function main(): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < burnerCount; i++) burners.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  console.log(`stress: ${burnerCount} CPU burners running (pids ${burners.map((b) => b.pid).join(', ')})`);

  const results: Array<{ name: string; passed: boolean; ms: number }> = [];
  const step = async (name: string, bin: string, args: string[]) => {
    console.log(`\nstress: ${name}`);
    const at = Date.now();
    const passed = await run(bin, args);
    results.push({ name, passed, ms: Date.now() - at });
    return passed;
  };

  if (await step('build', 'vite', ['build', '--logLevel', 'warn'])) {
    await step('browser suite', 'vitest', ['run', '--project', 'browser', '--maxWorkers=2']);
    const files = timeDependentFiles();
    console.log(`\nstress: the files that run scene time: ${files.join(' ')}`);
    for (let i = 1; i <= repeats; i++) await step(`time-dependent files, rerun ${i}/${repeats}`, 'vitest', ['run', '--project', 'browser', '--maxWorkers=2', ...files]);
  }
  stopAll();

  console.log(`\nstress: ${burnerCount} burners, ${repeats} reruns, ${seconds(Date.now() - started)} in all`);
  for (const r of results) console.log(`  ${r.passed ? 'passed' : 'FAILED'}  ${seconds(r.ms).padStart(6)}  ${r.name}`);
  return results.every((r) => r.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
