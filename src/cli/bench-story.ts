/**
 * Story engine benchmark: generates large, realistic story packages in memory (deterministically,
 * from a seeded PRNG), then times JSON.parse (the baseline, measured in the same run), `validateStory`
 * and `compileStory` per size, and the events per second an actor sustains on a long scripted walk.
 *
 *   npx tsx src/cli/bench-story.ts [--sizes=1000,10000,100000] [--walk=10000] [--max-events=10000]
 *                                  [--runs=N] [--seed=1] [--all-editions]
 *
 * It prints figures, it does not assert times; it fails (exit 1) only when a generated package does
 * not validate cleanly (an error, or a scene no path reaches) or does not compile to the expected
 * machine, because then the figures would measure the wrong thing.
 *
 * The walk is capped (--max-events): the machine's per-event cost grows with what the viewing has
 * seen so far (attention, visits and clues are copied on each change), so an uncapped walk through
 * 10,000 scenes takes minutes; the quarter-by-quarter rates show that growth.
 */
import { resolve } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
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
/** Enough scenes for a spine of 50 besides the endings and the reflection scene. */
const MIN_SCENES = 50 + EARLY_ENDINGS + FINAL_ENDINGS + 1;

/** A text: mostly a plain string, sometimes one per language (both languages, so no warnings). */
const text = (rng: Rng, en: string) => (rng.chance(0.3) ? { en, fr: `${en} (fr)` } : en);

interface Generated {
  /** The package as JSON data (cleared once it has been turned into text). */
  json: Record<string, unknown> | undefined;
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
  if (total < MIN_SCENES) throw new Error(`bench: ${total} scenes is too small (at least ${MIN_SCENES})`);
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
  const effects = (probability: number, max: number): Effect[] => (rng.chance(probability) ? Array.from({ length: rng.int(1, max) }, effect) : []);

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

/** Garbage-collection pauses seen by this process, to tell GC pressure from the code's own time. */
const gcPauses: Array<{ start: number; ms: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, ms: entry.duration });
}).observe({ entryTypes: ['gc'] });
/** GC entries arrive asynchronously: let them in before reading them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1));
const gcWithin = (from: number, to: number) => gcPauses.reduce((sum, p) => (p.start >= from && p.start < to ? sum + p.ms : sum), 0);

interface Timing<T> {
  /** Median wall time of the timed runs. */
  readonly ms: number;
  /** Median GC pause time inside the timed runs (part of `ms`). */
  readonly gcMs: number;
  /** Fastest and slowest run. */
  readonly range: readonly [number, number];
  readonly result: T;
}

/** Median time of `runs` runs of `fn` (after `warmup` untimed ones), and the last result. */
async function timed<T>(runs: number, warmup: number, fn: () => T): Promise<Timing<T>> {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = fn();
  const windows: Array<[number, number]> = [];
  for (let i = 0; i < runs; i++) {
    result = undefined as T; // let the previous result go before the next run
    await settle();
    const t0 = performance.now();
    result = fn();
    windows.push([t0, performance.now()]);
  }
  await settle();
  const times = windows.map(([a, b]) => b - a);
  return { ms: median(times), gcMs: median(windows.map(([a, b]) => gcWithin(a, b))), range: [Math.min(...times), Math.max(...times)], result };
}

/** Runs per size: several for small packages, one (no warm-up) for the largest, to keep the run short. */
const runsFor = (scenes: number, override: number | undefined) =>
  override !== undefined
    ? { runs: override, warmup: scenes >= 50_000 ? 0 : 1 }
    : scenes <= 2_000
      ? { runs: 7, warmup: 2 }
      : scenes <= 20_000
        ? { runs: 5, warmup: 1 }
        : { runs: 1, warmup: 0 };

/** A diagnostic shortened for the console (hints can list every scene of the package). */
const brief = (line: string) => (line.length > 240 ? `${line.slice(0, 240)}…` : line);

function fail(message: string): never {
  console.error(`\nbench-story: FAILED: ${message}`);
  process.exit(1);
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

interface SizeResult {
  readonly scenes: number;
  readonly megabytes: number;
  readonly generateMs: number;
  readonly parse: Omit<Timing<unknown>, 'result'>;
  readonly validate: Omit<Timing<unknown>, 'result'>;
  readonly compile: Record<string, Omit<Timing<unknown>, 'result'>>;
  readonly states: number;
  readonly warnings: number;
  readonly runs: number;
  readonly heapMB: number;
}

async function benchSize(scenes: number, seed: number, runsOverride: number | undefined, allEditions: boolean, keep: (story: StoryPackage, avoid: ReadonlySet<string>) => void): Promise<SizeResult> {
  const t0 = performance.now();
  const generated = generateStory(scenes, seed);
  let text: string | undefined = JSON.stringify(generated.json);
  generated.json = undefined; // only the text goes on, as if read from a file
  const generateMs = performance.now() - t0;
  const megabytes = Buffer.byteLength(text) / 1e6;
  const { runs, warmup } = runsFor(scenes, runsOverride);

  // Locals of an async function outlive its awaits: keep no reference to what is no longer needed
  // (the text, the parsed input), so the largest sizes do not measure a heap twice their size.
  let { result: input, ...parse } = await timed(runs, warmup, () => JSON.parse(text!) as unknown);
  text = undefined;
  const { result: validated, ...validate } = await timed(runs, warmup, () => validateStory(input, { expectedId: `bench-${scenes}` }));
  input = undefined;
  const { story, diagnostics } = validated;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(diagnostics) || story === undefined)
    fail(`the generated ${scenes}-scene package does not validate (${errors.length} errors):\n${errors.slice(0, 15).map((d) => `  ${brief(formatDiagnostic(d))}`).join('\n')}`);
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const unreachable = warnings.filter((d) => d.code === 'scene.unreachable');
  if (unreachable.length > 0)
    fail(`the generated ${scenes}-scene package has ${unreachable.length} unreachable scene(s):\n${unreachable.slice(0, 15).map((d) => `  ${brief(formatDiagnostic(d))}`).join('\n')}`);

  const compile: Record<string, Omit<Timing<unknown>, 'result'>> = {};
  let states = 0;
  // The second edition compiles like the first (same code, another cut); at the largest sizes it is
  // skipped unless asked for, to keep the whole run near two minutes.
  for (const edition of allEditions || scenes <= 20_000 ? EDITIONS : EDITIONS.slice(0, 1)) {
    const { result: machine, ...timing } = await timed(runs, warmup, () => compileStory(story, edition));
    const cut = cutEdition(story, edition);
    const expected = Object.keys(story.scenes).filter((id) => cut.includes(id)).length + 1; // + credits
    const got = Object.keys(machine.root.states).length;
    if (got !== expected) fail(`edition "${edition}" of ${scenes} scenes compiled to ${got} states, expected ${expected}`);
    if (edition === EDITIONS[0]) states = got;
    compile[edition] = timing;
  }
  const heapMB = process.memoryUsage().heapUsed / 1e6;
  keep(story, generated.earlyEndings);
  return {
    scenes,
    megabytes,
    generateMs,
    parse,
    validate,
    compile,
    states,
    warnings: warnings.length,
    runs,
    heapMB,
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

async function benchWalk(story: StoryPackage, avoid: ReadonlySet<string>, seed: number, maxEvents: number) {
  const t0 = performance.now();
  const walk = recordWalk(story, avoid, seed, maxEvents);
  const recordMs = performance.now() - t0;
  const machine = compileStory(story, EDITIONS[0]);
  const { script } = walk;
  const quarter = Math.max(1, Math.floor(script.length / 4));
  const replay = () => {
    const actor = createActor(machine).start();
    const marks: number[] = [];
    let firstThousand = Number.NaN;
    const start = performance.now();
    for (let i = 0; i < script.length; i++) {
      if (i % quarter === 0) marks.push(performance.now());
      if (i === 1000) firstThousand = performance.now() - start;
      actor.send(script[i]!);
    }
    const end = performance.now();
    const final = actor.getSnapshot();
    actor.stop();
    if (currentScene(final) !== walk.finalScene || JSON.stringify(final.context) !== walk.finalContext)
      fail(`the replayed walk ended in "${currentScene(final)}", the recorded one in "${walk.finalScene}"`);
    marks.push(end);
    return { start, end, firstThousand, quarters: marks.slice(1, 5).map((m, i) => m - marks[i]!) };
  };
  if (recordMs < 2000) replay(); // warm-up (a long recording has warmed the same code already)
  const runs: Array<ReturnType<typeof replay>> = [];
  for (let i = 0; i < 3; i++) {
    await settle();
    runs.push(replay());
  }
  await settle();
  const ms = median(runs.map((r) => r.end - r.start));
  const gcMs = median(runs.map((r) => gcWithin(r.start, r.end)));
  const quarterMs = [0, 1, 2, 3].map((q) => median(runs.map((r) => r.quarters[q] ?? 0)));
  const kinds: Record<string, number> = {};
  for (const e of script) kinds[e.type] = (kinds[e.type] ?? 0) + 1;
  const context = JSON.parse(walk.finalContext) as { clues: unknown[]; attention: object; visits: object };
  return {
    events: script.length,
    capped: script.length >= maxEvents,
    scenes: walk.scenesVisited.length,
    distinctScenes: new Set(walk.scenesVisited).size,
    finalScene: walk.finalScene,
    finalSizes: { clues: context.clues.length, attention: Object.keys(context.attention).length, visits: Object.keys(context.visits).length },
    recordMs,
    ms,
    gcMs,
    eventsPerSecond: script.length / (ms / 1000),
    quarterEventsPerSecond: quarterMs.map((q) => quarter / (q / 1000)),
    /** The rate of an ordinary viewing's length: the first 1,000 events, while the story's memory is small. */
    firstThousandPerSecond: 1000 / (median(runs.map((r) => r.firstThousand)) / 1000),
    kinds,
  };
}

// ---------------------------------------------------------------------------------------------
// Command line

interface Options {
  sizes: number[];
  allEditions: boolean;
  walk: number;
  runs: number | undefined;
  seed: number;
  maxEvents: number;
}

const DEFAULT_SIZES = [1_000, 10_000, 100_000];

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: DEFAULT_SIZES, allEditions: false, walk: 10_000, runs: undefined, seed: 1, maxEvents: 10_000 };
  const number = (name: string, value: string | undefined) => {
    const n = Number(value?.replace(/[_,]/g, '').replace(/k$/i, '000'));
    if (!Number.isInteger(n) || n <= 0) fail(`--${name} needs a positive whole number, got "${value}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      console.log('usage: npx tsx src/cli/bench-story.ts [--sizes=1000,10000,100000] [--walk=10000] [--runs=N] [--seed=1] [--max-events=10000] [--all-editions]');
      console.log('  --sizes         package sizes in scenes (also "10k"); default 1000,10000,100000');
      console.log('  --walk          size of the package the scripted walk plays (events/s); default 10000');
      console.log('  --max-events    length cap of the scripted walk (it also stops at the credits); default 10000');
      console.log('  --runs          timed runs per measurement (median); default 7 / 5 / 1 by size');
      console.log('  --seed          seed of the generated packages and the walk; default 1');
      console.log('  --all-editions  also compile the second edition above 20,000 scenes (skipped by default, for time)');
      process.exit(0);
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') options.sizes = value()!.split(/[ ,]+/).filter(Boolean).map((s) => number('sizes', s));
    else if (flag === '--walk') options.walk = number('walk', value());
    else if (flag === '--runs') options.runs = number('runs', value());
    else if (flag === '--seed') options.seed = number('seed', value());
    else if (flag === '--all-editions') options.allEditions = true;
    else if (flag === '--max-events') options.maxEvents = number('max-events', value());
    else if (/^\d/.test(arg)) options.sizes = [...(options.sizes === DEFAULT_SIZES ? [] : options.sizes), number('sizes', arg)];
    else fail(`unknown argument "${arg}" (try --help)`);
  }
  for (const n of [...options.sizes, options.walk]) if (n < MIN_SCENES) fail(`a package needs at least ${MIN_SCENES} scenes, got ${n}`);
  return options;
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (s: string, width: number) => s.padStart(width);

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  console.log(`Sightline story engine benchmark — Node ${process.version}, seed ${options.seed}, sizes ${sizes.join(', ')}`);
  console.log('(medians of several runs, one run for the largest sizes; JSON.parse of the same text is the baseline, measured in this run)\n');

  const results: SizeResult[] = [];
  let walkStory: { story: StoryPackage; avoid: ReadonlySet<string> } | undefined;
  for (const scenes of sizes) {
    const r = await benchSize(scenes, options.seed, options.runs, options.allEditions, (story, avoid) => {
      if (scenes === options.walk) walkStory = { story, avoid };
    });
    console.log(
      `  ${pad(fmt(scenes, 0), 7)} scenes: ${fmt(r.megabytes)} MB of JSON (generated in ${fmt(r.generateMs, 0)} ms), ${r.runs} run(s); ` +
        `0 errors, ${r.warnings} warnings; ${fmt(r.states, 0)} states; heap ${fmt(r.heapMB, 0)} MB; ` +
        `GC inside: parse ${fmt(r.parse.gcMs, 0)}, validate ${fmt(r.validate.gcMs, 0)}, compile ${Object.values(r.compile).map((c) => fmt(c.gcMs, 0)).join(' / ')} ms  [${elapsed()}]`,
    );
    if (r.runs > 1) {
      const range = (t: { range: readonly [number, number] }) => `${fmt(t.range[0], 0)}–${fmt(t.range[1], 0)}`;
      console.log(`${' '.repeat(17)}ranges over the runs: parse ${range(r.parse)}, validate ${range(r.validate)}, compile ${Object.values(r.compile).map(range).join(' / ')} ms`);
    }
    results.push(r);
  }
  if (walkStory === undefined) {
    const g = generateStory(options.walk, options.seed);
    const { story, diagnostics } = validateStory(g.json);
    if (!story) fail(`the ${options.walk}-scene walk package does not validate: ${diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map((d) => brief(formatDiagnostic(d))).join('; ')}`);
    walkStory = { story, avoid: g.earlyEndings };
  }
  const walk = await benchWalk(walkStory.story, walkStory.avoid, options.seed, options.maxEvents);
  walkStory = undefined;
  console.log(`  walk recorded and replayed  [${elapsed()}]`);

  const header = ['scenes', 'parse ms', 'validate ms', 'compile ms', 'compile ms', 'validate/', 'compile/', 'validate ms', 'compile ms', 'events/s'];
  const header2 = ['', '(baseline)', '', EDITIONS[0], EDITIONS[1], 'parse', 'parse', 'per 1k sc.', 'per 1k sc.', '(walk)'];
  const widths = [9, 11, 12, 12, 12, 10, 10, 12, 12, 10];
  const row = (cells: string[]) => `  ${cells.map((c, i) => pad(c, widths[i]!)).join(' ')}`;
  console.log('');
  console.log(row(header));
  console.log(row(header2));
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join(' ')}`);
  for (const r of results) {
    const compile = r.compile[EDITIONS[0]]!.ms;
    console.log(
      row([
        fmt(r.scenes, 0),
        fmt(r.parse.ms),
        fmt(r.validate.ms),
        fmt(compile),
        r.compile[EDITIONS[1]] ? fmt(r.compile[EDITIONS[1]]!.ms) : 'skipped',
        `${fmt(r.validate.ms / r.parse.ms)}x`,
        `${fmt(compile / r.parse.ms)}x`,
        fmt(r.validate.ms / (r.scenes / 1000), 1),
        fmt(compile / (r.scenes / 1000), 1),
        r.scenes === options.walk ? fmt(walk.eventsPerSecond, 0) : '—',
      ]),
    );
  }

  // Growth: time per 1,000 scenes, each size against the smallest; 1.0x is perfectly linear.
  if (results.length > 1) {
    const first = results[0]!;
    const per = (ms: number, r: SizeResult) => ms / (r.scenes / 1000);
    console.log(`\n  growth of ms per 1k scenes against ${fmt(first.scenes, 0)} scenes (1.0x = linear; GC share of the time in brackets):`);
    for (const r of results.slice(1))
      console.log(
        `    ${pad(fmt(r.scenes, 0), 7)}: parse ${fmt(per(r.parse.ms, r) / per(first.parse.ms, first), 2)}x, ` +
          `validate ${fmt(per(r.validate.ms, r) / per(first.validate.ms, first), 2)}x (GC ${fmt((100 * r.validate.gcMs) / r.validate.ms, 0)}%), ` +
          `compile ${fmt(per(r.compile[EDITIONS[0]]!.ms, r) / per(first.compile[EDITIONS[0]]!.ms, first), 2)}x (GC ${fmt((100 * r.compile[EDITIONS[0]]!.gcMs) / r.compile[EDITIONS[0]]!.ms, 0)}%)`,
      );
  }

  console.log(
    `\n  walk over ${fmt(options.walk, 0)} scenes ("${EDITIONS[0]}"): ${fmt(walk.events, 0)} events ` +
      `(${Object.entries(walk.kinds).map(([k, n]) => `${k} ${fmt(n, 0)}`).join(', ')}), ${fmt(walk.scenes, 0)} scenes entered ` +
      `(${fmt(walk.distinctScenes, 0)} distinct), ${walk.capped ? `stopped at the --max-events cap in "${walk.finalScene}"` : `ended in "${walk.finalScene}"`}`,
  );
  console.log(
    `  replay: ${fmt(walk.ms)} ms (GC ${fmt(walk.gcMs, 0)} ms) → ${fmt(walk.eventsPerSecond, 0)} events/s; ` +
      `first 1,000 events ${Number.isNaN(walk.firstThousandPerSecond) ? '—' : fmt(walk.firstThousandPerSecond, 0)} events/s; ` +
      `by quarter of the walk: ${walk.quarterEventsPerSecond.map((q) => fmt(q, 0)).join(' → ')} events/s`,
  );
  console.log(
    `  context at the end: ${fmt(walk.finalSizes.clues, 0)} clues, ${fmt(walk.finalSizes.attention, 0)} hotspots in "attention", ${fmt(walk.finalSizes.visits, 0)} scenes in "visits"`,
  );

  const ten = results.find((r) => r.scenes === 10_000);
  const goal = (what: string, ms: number | undefined) =>
    console.log(`  goal: ${what} of 10,000 scenes < 1 s: ${ms === undefined ? 'not measured (10000 not among --sizes)' : `${ms < 1000 ? 'HOLDS' : 'MISSED'} (${fmt(ms)} ms)`}`);
  console.log('');
  goal('validation', ten?.validate.ms);
  goal('compilation', ten?.compile[EDITIONS[0]]!.ms);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename))
  main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
