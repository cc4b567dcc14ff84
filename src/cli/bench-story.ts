/**
 * Story engine benchmark: generates large, realistic story packages in memory (deterministically,
 * from a seeded PRNG), then times JSON.parse (the baseline, measured in the same run), `validateStory`
 * and `compileStory` per size, and the events per second an actor sustains on a long scripted walk.
 *
 *   npx tsx src/cli/bench-story.ts [--sizes=1000,10000,100000] [--walk=10000] [--runs=5] [--seed=1]
 *
 * It prints figures, it does not assert times; it fails (exit 1) only when a generated package does
 * not validate cleanly or does not compile to the expected machine, because then the figures would
 * measure the wrong thing.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createActor } from 'xstate';
import {
  type Condition,
  type Effect,
  type StoryEvent,
  type StoryPackage,
  compileStory,
  currentScene,
  cutEdition,
  formatDiagnostic,
  hasErrors,
  isCredits,
  isEnding,
  nextDeadline,
  validateStory,
} from '../story';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough to shape test data, and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------------------------------------
// Story generation

const EDITIONS = ['theatrical', 'classroom'] as const;
const NUMBER_VARS = ['trust', 'courage', 'suspicion', 'debt', 'fatigue', 'insight', 'luck', 'fame'];
const BOOLEAN_VARS = ['has-lamp', 'door-open', 'met-keeper', 'storm', 'has-key', 'lied'];
const STRING_VARS: Record<string, readonly string[]> = {
  mood: ['calm', 'grim', 'hopeful', 'tense'],
  weather: ['clear', 'fog', 'rain'],
  ally: ['none', 'keeper', 'child', 'stranger'],
};
const THEMES = 40;
const EARLY_ENDINGS = 2;
const FINAL_ENDINGS = 4;
const WORDS = ['hall', 'shore', 'tower', 'cellar', 'stairs', 'lamp', 'archive', 'garden', 'bridge', 'attic', 'harbour', 'chapel', 'forest', 'market', 'well', 'study', 'roof', 'tunnel', 'ward', 'dock'];
const EMOTIONS = ['calm', 'suspense', 'wonder', 'dread', 'joy', 'grief'];
const NOUNS = ['a gull', 'a lantern', 'an old map', 'a cracked mirror', 'a locked chest', 'a ledger', 'a window', 'a rope', 'a portrait', 'a clock', 'footprints', 'a letter'];
const VERBS = ['Follow', 'Climb', 'Open', 'Wait', 'Run', 'Ask', 'Hide', 'Listen', 'Leave', 'Return', 'Search', 'Call out'];

const sceneId = (p: number) => `${WORDS[p % WORDS.length]}-${p}`;
const earlyEndingId = (e: number) => `fall-${e}`;
const finalEndingId = (e: number) => `ending-${e}`;
const REFLECT = 'reflect';

/** A text: mostly a plain string, sometimes one per language (both languages, so no warnings). */
const text = (rng: Rng, en: string) => (rng.chance(0.3) ? { en, fr: `${en} (fr)` } : en);

interface Generated {
  readonly json: Record<string, unknown>;
  /** Ids of the scenes the walk should avoid choosing into (early endings). */
  readonly earlyEndings: ReadonlySet<string>;
  readonly scenes: number;
}

/**
 * A package of `total` scenes: a spine of ordinary scenes (each leads on to the next, so every scene
 * is reachable and has a way to an ending), forward jumps and a few loops back, two early endings,
 * four final endings, and a reflection scene the classroom edition inserts before the endings.
 */
export function generateStory(total: number, seed: number): Generated {
  const rng = prng(seed ^ total);
  const spine = total - EARLY_ENDINGS - FINAL_ENDINGS - 1;
  if (spine < 50) throw new Error(`bench: ${total} scenes is too small (at least ${EARLY_ENDINGS + FINAL_ENDINGS + 51})`);
  const target = (p: number) => (p < spine ? sceneId(p) : finalEndingId((p - spine) % FINAL_ENDINGS));
  /** Scenes the classroom edition skips (so every one of them routes on unconditionally). */
  const skipped = (p: number) => p > 0 && p % 13 === 5;
  const hotspotCount = (p: number) => 2 + ((p * 2654435761) >>> 0) % 3; // 2-4, known before the scene is made.

  const effect = (): Effect => {
    const kind = rng.next();
    if (kind < 0.55) return { add: rng.pick(NUMBER_VARS), by: rng.pick([-2, -1, 1, 1, 2, 3]) };
    if (kind < 0.8) return { set: rng.pick(BOOLEAN_VARS), to: rng.chance(0.7) };
    const name = rng.pick(Object.keys(STRING_VARS));
    return { set: name, to: rng.pick(STRING_VARS[name]!) };
  };
  const effects = (p: number, max: number): Effect[] => (rng.chance(p) ? Array.from({ length: rng.int(1, max) }, effect) : []);

  const leaf = (p: number): Condition => {
    const kind = rng.next();
    if (kind < 0.35) {
      if (rng.chance(0.15)) return { clue: `theme-${rng.int(0, THEMES - 1)}` };
      const from = rng.chance(0.5) ? p : Math.max(0, p - rng.int(1, 15));
      return { clue: `${sceneId(from)}-c${rng.int(0, hotspotCount(from) - 1)}` };
    }
    if (kind < 0.55) return { var: rng.pick(NUMBER_VARS), [rng.pick(['gte', 'gt', 'lt', 'lte'] as const)]: rng.int(-2, 6) } as Condition;
    if (kind < 0.67) return { var: rng.pick(BOOLEAN_VARS), eq: rng.chance(0.7) };
    if (kind < 0.77) {
      const name = rng.pick(Object.keys(STRING_VARS));
      return { var: name, [rng.chance(0.75) ? 'eq' : 'ne']: rng.pick(STRING_VARS[name]!) } as Condition;
    }
    if (kind < 0.85 && p > 0) return { visited: sceneId(Math.max(0, p - rng.int(1, 50))) };
    if (kind < 0.9 && p > 0) return { visits: sceneId(Math.max(0, p - rng.int(1, 50))), gte: rng.int(1, 2) };
    if (kind < 0.94) return { edition: rng.pick(EDITIONS) };
    return { attention: `${sceneId(p)}-h${rng.int(0, hotspotCount(p) - 1)}`, gteMs: rng.int(5, 30) * 100 };
  };
  const condition = (p: number, depth = 0): Condition => {
    const kind = rng.next();
    if (depth >= 2 || kind < 0.4) return leaf(p);
    const children = () => Array.from({ length: rng.int(2, 3) }, () => condition(p, depth + 1));
    if (kind < 0.7) return { all: children() };
    if (kind < 0.9) return { any: children() };
    return { not: condition(p, depth + 1) };
  };

  const clues: Record<string, unknown> = {};
  for (let t = 0; t < THEMES; t++) clues[`theme-${t}`] = text(rng, `A thread of the story (${t})`);
  const scenes: Record<string, unknown> = {};
  const classroomAlternates: Record<string, number> = {};

  for (let p = 0; p < spine; p++) {
    const id = sceneId(p);
    const hotspots = Array.from({ length: hotspotCount(p) }, (_, j) => {
      const clue = `${id}-c${j}`;
      if (rng.chance(0.5)) clues[clue] = text(rng, `You noticed ${rng.pick(NOUNS)}`);
      const grants = [clue];
      if ((p < THEMES && j === 0) || rng.chance(0.2)) grants.push(`theme-${p < THEMES && j === 0 ? p : rng.int(0, THEMES - 1)}`);
      return {
        id: `${id}-h${j}`,
        label: text(rng, rng.pick(NOUNS)),
        yaw: Math.round((rng.next() * 360 - 180) * 10) / 10,
        pitch: Math.round((rng.next() * 60 - 30) * 10) / 10,
        ...(rng.chance(0.5) ? { radius: rng.int(6, 14) } : {}),
        ...(rng.chance(0.6) ? { dwellMs: rng.int(8, 20) * 100 } : {}),
        grants,
        ...(rng.chance(0.3) ? { effects: [effect()] } : {}),
      };
    });

    const choices: Array<Record<string, unknown>> = [
      { id: 'go-on', label: text(rng, `${rng.pick(VERBS)} on`), to: target(p + 1), ...(rng.chance(0.2) ? { effects: [effect()] } : {}) },
    ];
    const more = rng.int(1, 2);
    for (let k = 0; k < more; k++) {
      const r = rng.next();
      const to = r < 0.88 || p < 25 ? target(p + rng.int(2, 30)) : sceneId(p - rng.int(1, 20));
      choices.push({
        id: `choice-${k}`,
        label: text(rng, `${rng.pick(VERBS)} ${rng.pick(NOUNS)}`),
        to,
        ...(rng.chance(0.6) ? { when: condition(p) } : {}),
        ...(rng.chance(0.4) ? { effects: effects(1, 2) } : {}),
        ...(rng.chance(0.1) ? { in: ['theatrical'] } : {}),
      });
    }
    // Every ending has a way in: the last spine scenes lead to each final ending, a few mid-story
    // scenes to an early one.
    const last = spine - 1 - p;
    if (last >= 1 && last < FINAL_ENDINGS) choices.push({ id: 'finish', label: 'Finish it', to: finalEndingId(last) });
    for (let e = 0; e < EARLY_ENDINGS; e++)
      if (p === Math.floor((spine * (e + 1)) / (EARLY_ENDINGS + 1)))
        choices.push({ id: 'give-up', label: text(rng, 'Give up'), to: earlyEndingId(e), when: condition(p) });

    const scene: Record<string, unknown> = {
      title: text(rng, `${WORDS[p % WORDS.length]} ${p}`),
      ...(rng.chance(0.5)
        ? { script: { description: `The ${WORDS[p % WORDS.length]} at dusk, with ${rng.pick(NOUNS)}.`, lighting: { tone: rng.pick(['cool', 'warm']), coolShare: Math.round(rng.next() * 100) / 100 }, emotion: rng.pick(EMOTIONS) } }
        : {}),
      media: rng.chance(0.85) ? { type: 'panorama', src: `assets/${id}.webp` } : { type: 'color', color: `#${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}` },
      hotspots,
      choices,
      ...(rng.chance(0.25) ? { onEnter: effects(1, 2) } : {}),
    };

    // When the scene ends: timed routes (always for scenes an edition skips, which need a fallback).
    const timed = skipped(p) || rng.chance(0.35);
    const whenSeen = !timed && rng.chance(0.05);
    if (timed) {
      scene['end'] = { afterMs: rng.int(10, 40) * 1000 };
      scene['next'] = [...(rng.chance(0.5) ? [{ when: condition(p), to: target(p + rng.int(2, 12)) }] : []), { to: target(p + 1) }];
    } else if (whenSeen) {
      scene['end'] = { whenSeen: [`${id}-h0`] };
      scene['next'] = [{ to: target(p + 1) }];
    }
    // When the choices appear.
    const offer = rng.next();
    if (offer < 0.3) scene['offer'] = { atMs: rng.int(2, 8) * 1000, timeoutMs: rng.int(8, 20) * 1000, default: 'go-on' };
    else if (offer < 0.4) scene['offer'] = { after: `${id}-h0` };
    if (rng.chance(0.05)) scene['mostWatched'] = [{ among: [`${id}-h0`, `${id}-h1`], grants: { [`${id}-h0`]: [`theme-${rng.int(0, THEMES - 1)}`], [`${id}-h1`]: [`theme-${rng.int(0, THEMES - 1)}`] } }];
    if (rng.chance(0.2)) scene['subtitles'] = { en: `subs/${id}.en.vtt`, fr: `subs/${id}.fr.vtt` };
    if (rng.chance(0.05)) {
      scene['alternates'] = [{ media: { type: 'color', color: '#101010' } }];
      if (rng.chance(0.5)) classroomAlternates[id] = 1;
    }
    if (skipped(p)) scene['in'] = ['theatrical'];
    scenes[id] = scene;
  }

  const ending = (title: string) => ({
    title: text(rng, title),
    media: { type: 'panorama', src: `assets/${title.toLowerCase().replace(/\W+/g, '-')}.webp` },
    ending: true,
    ...(rng.chance(0.5) ? { end: { afterMs: rng.int(5, 12) * 1000 } } : {}),
  });
  for (let e = 0; e < EARLY_ENDINGS; e++) scenes[earlyEndingId(e)] = ending(`Fall ${e}`);
  for (let e = 0; e < FINAL_ENDINGS; e++) scenes[finalEndingId(e)] = ending(`Ending ${e}`);
  scenes[REFLECT] = { title: 'What would you have done?', in: ['classroom'], media: { type: 'color', color: '#404040' }, end: { afterMs: 8000 }, next: [{ to: '@ending' }] };

  const json = {
    $schema: '../story.schema.json',
    format: 'sightline/1',
    id: `bench-${total}`,
    title: { en: `Benchmark of ${total} scenes`, fr: `Banc d'essai de ${total} scènes` },
    languages: ['en', 'fr'],
    start: sceneId(0),
    clues,
    variables: {
      ...Object.fromEntries(NUMBER_VARS.map((v) => [v, 0])),
      ...Object.fromEntries(BOOLEAN_VARS.map((v) => [v, false])),
      ...Object.fromEntries(Object.entries(STRING_VARS).map(([v, values]) => [v, values[0]!])),
    },
    editions: {
      theatrical: { title: 'Theatrical' },
      classroom: { title: { en: 'Classroom', fr: 'En classe' }, insertBeforeEndings: [REFLECT], alternates: classroomAlternates },
    },
    credits: [
      { role: 'Written by', name: 'A. Writer' },
      { role: { en: 'Generated by', fr: 'Généré par' }, name: 'bench-story' },
    ],
    scenes,
  };
  return { json, earlyEndings: new Set(Array.from({ length: EARLY_ENDINGS }, (_, e) => earlyEndingId(e))), scenes: total };
}

// ---------------------------------------------------------------------------------------------
// Timing

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Median time of `runs` runs of `fn` (after `warmup` untimed ones), and the last result. */
function timed<T>(runs: number, warmup: number, fn: () => T): { ms: number; all: number[]; result: T } {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    all.push(performance.now() - t0);
  }
  return { ms: median(all), all, result };
}

/** Runs per size: several for small packages, one (no warm-up) for the largest, to keep the run short. */
const runsFor = (scenes: number, override: number | undefined) =>
  override !== undefined ? { runs: override, warmup: scenes >= 50_000 ? 0 : 1 } : scenes <= 2_000 ? { runs: 7, warmup: 2 } : scenes <= 20_000 ? { runs: 5, warmup: 1 } : { runs: 1, warmup: 0 };

function fail(message: string): never {
  console.error(`\nbench-story: FAILED: ${message}`);
  process.exit(1);
}

interface SizeResult {
  scenes: number;
  megabytes: number;
  generateMs: number;
  parseMs: number;
  validateMs: number;
  compileMs: Record<string, number>;
  states: number;
  warnings: number;
  runs: number;
  story: StoryPackage;
  earlyEndings: ReadonlySet<string>;
}

function benchSize(scenes: number, seed: number, runsOverride: number | undefined): SizeResult {
  const t0 = performance.now();
  const generated = generateStory(scenes, seed);
  const textOf = JSON.stringify(generated.json);
  const generateMs = performance.now() - t0;
  const { runs, warmup } = runsFor(scenes, runsOverride);

  const parse = timed(runs, warmup, () => JSON.parse(textOf) as unknown);
  const input = parse.result;
  const validate = timed(runs, warmup, () => validateStory(input, { expectedId: `bench-${scenes}` }));
  const { story, diagnostics } = validate.result;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(diagnostics) || story === undefined)
    fail(`the generated ${scenes}-scene package does not validate (${errors.length} errors):\n${errors.slice(0, 15).map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);
  const warnings = diagnostics.filter((d) => d.severity === 'warning');

  const compileMs: Record<string, number> = {};
  let states = 0;
  for (const edition of EDITIONS) {
    const compile = timed(runs, warmup, () => compileStory(story, edition));
    compileMs[edition] = compile.ms;
    const expected = Object.keys(story.scenes).filter((id) => cutEdition(story, edition).includes(id)).length + 1; // + credits
    const got = Object.keys(compile.result.root.states).length;
    if (got !== expected) fail(`edition "${edition}" of ${scenes} scenes compiled to ${got} states, expected ${expected}`);
    if (edition === EDITIONS[0]) states = got;
  }
  return {
    scenes,
    megabytes: Buffer.byteLength(textOf) / 1e6,
    generateMs,
    parseMs: parse.ms,
    validateMs: validate.ms,
    compileMs,
    states,
    warnings: warnings.length,
    runs,
    story,
    earlyEndings: generated.earlyEndings,
  };
}

// ---------------------------------------------------------------------------------------------
// The scripted walk

/**
 * Plays a long viewing once, deciding as a viewer would (look at hotspots, let the clock run to the
 * next deadline, choose among the choices on offer, mostly going on), and records it as a script of
 * events. Replaying the script on fresh actors then measures the machine alone, not the decisions.
 */
function recordWalk(story: StoryPackage, avoid: ReadonlySet<string>, seed: number, maxEvents: number) {
  const rng = prng(seed * 7919);
  const machine = compileStory(story, EDITIONS[0]);
  const actor = createActor(machine).start();
  const script: StoryEvent[] = [];
  const send = (event: StoryEvent) => {
    script.push(event);
    actor.send(event);
  };
  const scenesVisited: string[] = [];
  while (script.length < maxEvents) {
    let snapshot = actor.getSnapshot();
    if (isCredits(snapshot) || snapshot.status !== 'active') break;
    const id = currentScene(snapshot);
    const scene = story.scenes[id]!;
    const visit = snapshot.context.visits[id];
    const here = () => {
      const s = actor.getSnapshot();
      return currentScene(s) === id && s.context.visits[id] === visit;
    };
    scenesVisited.push(id);
    if (isEnding(snapshot)) {
      send({ type: 'clock.tick', sceneMs: nextDeadline(story, snapshot) ?? 60_000 });
      continue;
    }
    // Look around: watch every hotspot for a while, dwell on most of them.
    for (const [j, h] of scene.hotspots.entries()) {
      if (!here()) break;
      send({ type: 'hotspot.watched', hotspot: h.id, ms: rng.int(2, 30) * 100 });
      if (j === 0 || rng.chance(0.7)) send({ type: 'hotspot.dwelled', hotspot: h.id });
    }
    // Let time run: a frame-ish tick now and then, and a tick at each deadline, choosing once choices are up.
    let ticks = 0;
    while (here() && ticks < 50) {
      snapshot = actor.getSnapshot();
      const deadline = nextDeadline(story, snapshot);
      const offered = snapshot.context.offeredAtMs !== null;
      if (offered && (deadline === null || rng.chance(0.6))) {
        const choices = scene.choices.filter((c) => !avoid.has(c.to) && snapshot.can({ type: 'choice.made', choice: c.id }));
        const goOn = choices.find((c) => c.id === 'go-on');
        const choice = goOn && rng.chance(0.8) ? goOn : choices.length > 0 ? rng.pick(choices) : undefined;
        if (choice) {
          send({ type: 'choice.made', choice: choice.id });
          break;
        }
      }
      const now = snapshot.context.sceneMs;
      const at = deadline ?? now + 1000;
      if (at - now > 1500) send({ type: 'clock.tick', sceneMs: now + Math.floor((at - now) / 2) });
      send({ type: 'clock.tick', sceneMs: at });
      ticks++;
    }
  }
  actor.stop();
  const final = actor.getSnapshot();
  return { script, scenesVisited, finalScene: currentScene(final), finalContext: JSON.stringify(final.context) };
}

function benchWalk(story: StoryPackage, avoid: ReadonlySet<string>, seed: number, maxEvents: number) {
  const t0 = performance.now();
  const walk = recordWalk(story, avoid, seed, maxEvents);
  const recordMs = performance.now() - t0;
  const machine = compileStory(story, EDITIONS[0]);
  const { script } = walk;
  const quarter = Math.floor(script.length / 4);
  const replay = () => {
    const actor = createActor(machine).start();
    const marks: number[] = [];
    const t = performance.now();
    for (let i = 0; i < script.length; i++) {
      if (i % quarter === 0) marks.push(performance.now());
      actor.send(script[i]!);
    }
    const end = performance.now();
    marks.push(end);
    const final = actor.getSnapshot();
    actor.stop();
    if (currentScene(final) !== walk.finalScene || JSON.stringify(final.context) !== walk.finalContext)
      fail(`the replayed walk ended in "${currentScene(final)}", the recorded one in "${walk.finalScene}"`);
    return { ms: end - t, quarters: marks.slice(1, 5).map((m, i) => m - marks[i]!) };
  };
  replay(); // warm-up
  const runs = Array.from({ length: 5 }, replay);
  const ms = median(runs.map((r) => r.ms));
  const quarterMs = [0, 1, 2, 3].map((q) => median(runs.map((r) => r.quarters[q] ?? 0)));
  const kinds: Record<string, number> = {};
  for (const e of script) kinds[e.type] = (kinds[e.type] ?? 0) + 1;
  return {
    events: script.length,
    scenes: walk.scenesVisited.length,
    distinctScenes: new Set(walk.scenesVisited).size,
    finalScene: walk.finalScene,
    recordMs,
    ms,
    eventsPerSecond: script.length / (ms / 1000),
    quarterEventsPerSecond: quarterMs.map((q) => quarter / (q / 1000)),
    kinds,
  };
}

// ---------------------------------------------------------------------------------------------
// Command line

interface Options {
  sizes: number[];
  walk: number;
  runs: number | undefined;
  seed: number;
  maxEvents: number;
}

const DEFAULT_SIZES = [1_000, 10_000, 100_000];

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: DEFAULT_SIZES, walk: 10_000, runs: undefined, seed: 1, maxEvents: 200_000 };
  const number = (name: string, value: string | undefined) => {
    const n = Number(value?.replace(/[_,]/g, '').replace(/k$/i, '000'));
    if (!Number.isInteger(n) || n <= 0) fail(`--${name} needs a positive whole number, got "${value}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      console.log('usage: npx tsx src/cli/bench-story.ts [--sizes=1000,10000,100000] [--walk=10000] [--runs=N] [--seed=1] [--max-events=200000]');
      console.log('  --sizes       package sizes in scenes (also "10k"); default 1000,10000,100000');
      console.log('  --walk        size of the package the scripted walk plays (events/s); default 10000');
      console.log('  --runs        timed runs per measurement (median); default 7 / 5 / 1 by size');
      process.exit(0);
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') options.sizes = value()!.split(/[ ,]+/).filter(Boolean).map((s) => number('sizes', s.replace(/k$/i, '000')));
    else if (flag === '--walk') options.walk = number('walk', value());
    else if (flag === '--runs') options.runs = number('runs', value());
    else if (flag === '--seed') options.seed = number('seed', value());
    else if (flag === '--max-events') options.maxEvents = number('max-events', value());
    else if (/^\d/.test(arg)) options.sizes = [...(options.sizes === DEFAULT_SIZES ? [] : options.sizes), number('sizes', arg)];
    else fail(`unknown argument "${arg}" (try --help)`);
  }
  return options;
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (s: string, width: number) => s.padStart(width);

function main() {
  const options = parseArgs(process.argv.slice(2));
  const sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  console.log(`Sightline story engine benchmark — Node ${process.version}, seed ${options.seed}, sizes ${sizes.join(', ')}`);
  console.log('(times are medians of several runs; JSON.parse of the same text is the baseline measured in this run)\n');

  const results: SizeResult[] = [];
  let walk: ReturnType<typeof benchWalk> | undefined;
  for (const scenes of sizes) {
    const r = benchSize(scenes, options.seed, options.runs);
    console.log(
      `  ${fmt(scenes, 0)} scenes: ${fmt(r.megabytes)} MB of JSON, generated in ${fmt(r.generateMs, 0)} ms; ` +
        `${r.runs} run(s); validates with 0 errors, ${r.warnings} warning(s); ${fmt(r.states, 0)} states in "${EDITIONS[0]}"`,
    );
    if (scenes === options.walk) walk = benchWalk(r.story, r.earlyEndings, options.seed, options.maxEvents);
    results.push({ ...r, story: undefined as unknown as StoryPackage }); // let the package go before the next size
  }
  if (walk === undefined) {
    const g = generateStory(options.walk, options.seed);
    const { story, diagnostics } = validateStory(g.json);
    if (!story) fail(`the ${options.walk}-scene walk package does not validate: ${diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map(formatDiagnostic).join('; ')}`);
    walk = benchWalk(story, g.earlyEndings, options.seed, options.maxEvents);
  }

  const header = ['scenes', 'parse ms', 'validate ms', 'compile ms', 'compile ms', 'validate/', 'compile/', 'validate ms', 'compile ms', 'events/s'];
  const header2 = ['', '(baseline)', '', EDITIONS[0], EDITIONS[1], 'parse', 'parse', 'per 1k sc.', 'per 1k sc.', '(walk)'];
  const widths = [9, 11, 12, 12, 12, 10, 10, 12, 12, 11];
  const row = (cells: string[]) => `  ${cells.map((c, i) => pad(c, widths[i]!)).join(' ')}`;
  console.log('');
  console.log(row(header));
  console.log(row(header2));
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join(' ')}`);
  for (const r of results) {
    const compile = r.compileMs[EDITIONS[0]]!;
    console.log(
      row([
        fmt(r.scenes, 0),
        fmt(r.parseMs),
        fmt(r.validateMs),
        fmt(compile),
        fmt(r.compileMs[EDITIONS[1]]!),
        `${fmt(r.validateMs / r.parseMs)}x`,
        `${fmt(compile / r.parseMs)}x`,
        fmt(r.validateMs / (r.scenes / 1000), 2),
        fmt(compile / (r.scenes / 1000), 2),
        r.scenes === options.walk ? fmt(walk.eventsPerSecond, 0) : '—',
      ]),
    );
  }

  console.log(
    `\n  walk over ${fmt(options.walk, 0)} scenes ("${EDITIONS[0]}"): ${fmt(walk.events, 0)} events ` +
      `(${Object.entries(walk.kinds).map(([k, n]) => `${k} ${fmt(n, 0)}`).join(', ')}), ` +
      `${fmt(walk.scenes, 0)} scenes entered (${fmt(walk.distinctScenes, 0)} distinct), ended in "${walk.finalScene}"`,
  );
  console.log(`  replay: ${fmt(walk.ms)} ms → ${fmt(walk.eventsPerSecond, 0)} events/s; by quarter of the walk: ${walk.quarterEventsPerSecond.map((q) => fmt(q, 0)).join(' → ')} events/s`);

  // Growth: time per 1,000 scenes from the smallest to the largest size; 1.0x is perfectly linear.
  if (results.length > 1) {
    const first = results[0]!;
    const lastR = results.at(-1)!;
    const growth = (a: number, b: number) => (b / (lastR.scenes / 1000)) / (a / (first.scenes / 1000));
    console.log(
      `\n  growth of ms per 1k scenes, ${fmt(first.scenes, 0)} → ${fmt(lastR.scenes, 0)} scenes (1.0x = linear): ` +
        `parse ${fmt(growth(first.parseMs, lastR.parseMs), 2)}x, validate ${fmt(growth(first.validateMs, lastR.validateMs), 2)}x, ` +
        `compile ${fmt(growth(first.compileMs[EDITIONS[0]]!, lastR.compileMs[EDITIONS[0]]!), 2)}x`,
    );
  }

  const ten = results.find((r) => r.scenes === 10_000);
  const goal = (what: string, ms: number | undefined) =>
    console.log(`  goal: ${what} of 10,000 scenes < 1 s: ${ms === undefined ? 'not measured (10000 not among --sizes)' : `${ms < 1000 ? 'HOLDS' : 'MISSED'} (${fmt(ms)} ms)`}`);
  console.log('');
  goal('validation', ten?.validateMs);
  goal('compilation', ten?.compileMs[EDITIONS[0]]);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
