import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { constants as zlib, gunzipSync } from 'node:zlib';
import {
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type PackageFiles,
  type StoryPackage,
  checkPackageFiles,
  endingPaths,
  formatDiagnostic,
  parseJson,
  pickEdition,
  storyStats,
  toDot,
  toMachineJson,
  toMermaid,
  validateStory,
} from '../story';
import { codesTable } from './codes';

const USAGE = `Usage: sightline <command> <package-dir> [options]

Commands:
  serve [dist] [options]                  the station: serves the player, gathers viewings
                                          (sightline serve --help for its options)
  validate <dir> [--json] [--strict]      check a story package (exit 0 ok, 1 errors, 2 usage)
  graph <dir> [--format mermaid|dot|json] [--edition <id>]
                                          the story graph; json is the xstate machine config
  paths <dir> [--json]                    shortest events to every ending of every edition
  stats <dir> [--json]                    counts, endings, shortest and longest paths
  codes [--json]                          every diagnostic code: severity, when, meaning
`;

/**
 * The whole command line: \`serve\` runs until it is stopped (the station, loaded only for it);
 * every other command is \`run\`.
 */
export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === 'serve') {
    const { serve } = await import('../station');
    return serve(argv.slice(1), out, err);
  }
  return run(argv, out, err);
}

/** Runs the CLI; returns the exit code. IO is injected so tests can run it in-process. */
export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const [command, dir, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const known = ['--json', '--strict', '--format', '--edition'];
  const unknown = rest.filter((a) => a.startsWith('--') && !known.includes(a));
  if (!command || command === '--help' || command === 'help') {
    (command ? out : err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'codes') return codes(argv.slice(1), out, err);
  if (!['validate', 'graph', 'paths', 'stats'].includes(command)) return usage(err, `unknown command "${command}"`);
  if (!dir) return usage(err, `"${command}" needs a package folder, like scenes/hello`);
  if (unknown.length > 0) return usage(err, `unknown option ${unknown.join(', ')}`);
  const folder = resolve(dir);
  if (!existsSync(join(folder, 'story.json'))) return usage(err, `no story.json in ${dir}`);

  const loaded = loadPackage(folder);
  if (command === 'validate') return validate(loaded.diagnostics, flags.has('--json'), flags.has('--strict'), out);
  if (!loaded.story) {
    err(`${dir} is not a valid package; run "sightline validate ${dir}" to see why.\n`);
    return 1;
  }
  const story = loaded.story;
  if (command === 'graph') {
    const format = option('--format') ?? 'mermaid';
    const requested = option('--edition') ?? null;
    if (requested !== null && !Object.hasOwn(story.editions, requested)) return usage(err, `no edition "${requested}"`);
    const edition = pickEdition(story, requested);
    if (format === 'mermaid') out(toMermaid(story, edition));
    else if (format === 'dot') out(toDot(story, edition));
    else if (format === 'json') out(toMachineJson(story, edition));
    else return usage(err, `unknown format "${format}" (mermaid, dot or json)`);
    return 0;
  }
  if (command === 'paths') return paths(story, flags.has('--json'), out);
  const stats = storyStats(story);
  if (flags.has('--json')) out(`${JSON.stringify(stats, null, 2)}\n`);
  else {
    out(`${story.id}: ${stats.scenes} scenes, ${stats.choices} choices, ${stats.hotspots} hotspots, ${stats.clues} clues, ${stats.variables} variables, ${stats.endings} endings\n`);
    for (const e of stats.editions)
      out(`  edition ${e.edition ?? '(single)'}: ${e.scenes} scenes; shortest path ${e.shortestPath ?? '-'} scenes, longest ${e.longestExact ? '' : '≥ '}${e.longestPath ?? '-'} scenes\n`);
  }
  return 0;
}

/** `sightline codes`: the list of diagnostic codes, as a table or as JSON. */
function codes(args: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const extra = args.filter((a) => a !== '--json');
  if (extra.length > 0) return usage(err, `"codes" takes only --json, not ${extra.join(' ')}`);
  out(args.includes('--json') ? `${JSON.stringify(DIAGNOSTIC_CODES, null, 2)}\n` : codesTable());
  return 0;
}

function usage(err: (s: string) => void, problem: string): number {
  err(`sightline: ${problem}\n\n${USAGE}`);
  return 2;
}

/** Reads, parses and validates a package, then checks its files, with diagnostics for each step (as `validate` prints them; the studio shows the same). */
export function loadPackage(folder: string): { story: StoryPackage | undefined; diagnostics: Diagnostic[] } {
  const file = 'story.json';
  const parsed = parseJson(readFileSync(join(folder, file), 'utf8'), file);
  if ('diagnostic' in parsed) return { story: undefined, diagnostics: [parsed.diagnostic] };
  const result = validateStory(parsed.value, { file, expectedId: basename(folder) });
  const diagnostics = [...result.diagnostics];
  if (!result.story) {
    // Files can still be checked on a structurally valid package that failed graph checks.
    return { story: undefined, diagnostics };
  }
  diagnostics.push(...checkPackageFiles(result.story, nodePackageFiles(folder), file));
  return { story: diagnostics.some((d) => d.severity === 'error') ? undefined : result.story, diagnostics };
}

/** A package folder on disk, as the story engine's file checks read it; nothing outside the folder is read. */
export function nodePackageFiles(dir: string): PackageFiles {
  const folder = resolve(dir);
  /** The full path of a file inside the folder, or null if there is no such file. */
  const fileAt = (path: string) => {
    const full = resolve(folder, path);
    const inside = full.startsWith(folder + sep) && !relative(folder, full).startsWith('..');
    return inside && existsSync(full) && statSync(full).isFile() ? full : null;
  };
  return {
    exists: (path) => fileAt(path) !== null,
    readText: (path) => {
      const full = fileAt(path);
      return full === null ? null : readFileSync(full, 'utf8');
    },
    sha256: (path) => {
      const full = fileAt(path);
      return full === null ? null : createHash('sha256').update(readFileSync(full)).digest('hex');
    },
    head: (path, bytes) => {
      const full = fileAt(path);
      if (full === null) return null;
      const size = statSync(full).size;
      if (size <= bytes) return { bytes: readFileSync(full), size };
      const fd = openSync(full, 'r');
      try {
        const buffer = Buffer.alloc(bytes);
        const read = readSync(fd, buffer, 0, bytes, 0);
        return { bytes: buffer.subarray(0, read), size };
      } finally {
        closeSync(fd);
      }
    },
    inflatedHead(path, bytes) {
      // A gzip stream's first kilobytes inflate to its first bytes: the rest is never read.
      const head = this.head!(path, 64 * 1024);
      if (head === null) return null;
      try {
        const inflated = gunzipSync(head.bytes, { finishFlush: zlib.Z_SYNC_FLUSH });
        return inflated.length >= bytes ? inflated.subarray(0, bytes) : null;
      } catch {
        return null;
      }
    },
  };
}

/** Diagnostics printed in full; the rest are counted by code (a broken 10,000-scene story has 20,000). */
export const SHOWN_AS_TEXT = 200;
export const SHOWN_AS_JSON = 1000;

function validate(diagnostics: readonly Diagnostic[], json: boolean, strict: boolean, out: (s: string) => void): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const shown = diagnostics.slice(0, json ? SHOWN_AS_JSON : SHOWN_AS_TEXT);
  const omitted: Record<string, number> = {};
  for (const d of diagnostics.slice(shown.length)) omitted[d.code] = (omitted[d.code] ?? 0) + 1;
  if (json) {
    // Written a diagnostic at a time, so no one string has to hold them all.
    out(`{\n  "errors": ${errors},\n  "warnings": ${warnings},\n  "omitted": ${JSON.stringify(omitted)},\n  "diagnostics": [\n`);
    shown.forEach((d, i) => out(`    ${JSON.stringify(d)}${i < shown.length - 1 ? ',' : ''}\n`));
    out('  ]\n}\n');
  } else {
    for (const d of shown) out(`${formatDiagnostic(d)}\n`);
    const rest = Object.entries(omitted).sort((a, b) => b[1] - a[1]);
    if (rest.length > 0) out(`… and ${(diagnostics.length - shown.length).toLocaleString('en')} more: ${rest.map(([code, n]) => `${n.toLocaleString('en')} × ${code}`).join(', ')}\n`);
    out(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}

function paths(story: StoryPackage, json: boolean, out: (s: string) => void): number {
  const found = endingPaths(story);
  if (json) {
    out(`${JSON.stringify(found, null, 2)}\n`);
    return 0;
  }
  for (const p of found) {
    out(`${p.edition ?? '(single edition)'} → ${p.ending}: ${p.events.length} events\n`);
    for (const e of p.events) out(`    ${describe(e)}\n`);
    out(`    clues: ${p.clues.join(', ') || '-'}; variables: ${JSON.stringify(p.variables)}\n`);
  }
  const endings = Object.keys(story.scenes).filter((s) => story.scenes[s]!.ending);
  const missed = endings.filter((e) => !found.some((p) => p.ending === e));
  if (missed.length > 0) out(`endings no path reaches: ${missed.join(', ')}\n`);
  return 0;
}

function describe(e: import('../story').StoryEvent): string {
  switch (e.type) {
    case 'hotspot.dwelled':
      return `dwell on ${e.hotspot}`;
    case 'hotspot.watched':
      return `look at ${e.hotspot} for ${e.ms} ms`;
    case 'choice.made':
      return `choose ${e.choice}`;
    case 'clock.tick':
      return `wait until ${e.sceneMs} ms of scene time`;
    case 'media.ended':
      return 'let the media end';
    case 'settings.changed':
      return 'change settings';
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
