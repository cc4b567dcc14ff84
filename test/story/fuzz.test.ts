import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  CREDITS_STATE,
  type StoryEvent,
  type StoryMachine,
  type StoryPackage,
  clueText,
  compileStory,
  currentScene,
  jsonPath,
  pickEdition,
  validateStory,
} from '../../src/story';
// The same seeded PRNG the panorama generator uses: small, fast, fully determined by its seed.
import { mulberry32 } from '../../src/generate/paint';

/**
 * Mutation fuzzing of the validator and the compiled machine: random damage to valid packages must
 * never make `validateStory` throw, and whatever it accepts must compile in every edition and play.
 *
 * Reproduce a failure: FUZZ_SEED=<seed> FUZZ_CASE=<case> npx vitest run --project unit test/story/fuzz.test.ts
 * runs that one mutant and writes its JSON to the temp folder. FUZZ_CASES changes how many are run.
 */
const root = resolve(import.meta.dirname, '../..');
const BASES = {
  hello: readFileSync(join(root, 'scenes/hello/story.json'), 'utf8'),
  keeper: readFileSync(join(root, 'test/fixtures/keeper/story.json'), 'utf8'),
  minimal: readFileSync(join(root, 'test/fixtures/minimal/story.json'), 'utf8'),
};
const SEED = Number(process.env['FUZZ_SEED'] ?? 0x51d1e) >>> 0;
const CASES = Number(process.env['FUZZ_CASES'] ?? 10_000);
const ONLY = process.env['FUZZ_CASE'] === undefined ? undefined : Number(process.env['FUZZ_CASE']);
/** xstate's own guard against eventless transitions that never settle (off by default: a hang). */
const MAX_MICROSTEPS = 5_000;
const HUGE = 100_000;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Each case has its own stream, so one case reproduces without running those before it. */
const caseSeed = (seed: number, n: number) => (seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0;

// ---------------------------------------------------------------------------------------------
// JSON trees

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
type Segment = string | number;
/** A place in a JSON tree; its path is worked out only when a mutation names it. */
class Place {
  constructor(
    readonly parent: Obj | Json[],
    readonly key: Segment,
    readonly up: Place | undefined,
    readonly depth: number,
  ) {}
  get path(): Segment[] {
    const path: Segment[] = [];
    for (let p: Place | undefined = this; p !== undefined; p = p.up) path.unshift(p.key);
    return path;
  }
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T extends Json>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Sets an own property, even "__proto__" (plain assignment would change the prototype instead). */
function put(parent: Obj | Json[], key: Segment, value: Json): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every place in the tree, down to a depth that keeps out of deeply nested conditions. */
function placesOf(doc: Json): Place[] {
  const places: Place[] = [];
  const walk = (value: Json, up: Place | undefined, depth: number) => {
    if (depth > 40) return;
    if (Array.isArray(value))
      value.forEach((v, i) => {
        const place = new Place(value, i, up, depth);
        places.push(place);
        walk(v, place, depth + 1);
      });
    else if (isObj(value))
      for (const key of Object.keys(value)) {
        const place = new Place(value, key, up, depth);
        places.push(place);
        walk(value[key]!, place, depth + 1);
      }
  };
  walk(doc, undefined, 0);
  return places;
}

const get = (p: Place): Json => (p.parent as Record<Segment, Json>)[p.key]!;
const where = (path: readonly Segment[]) => jsonPath(path);

/**
 * Numbers JSON can say but JS literals in an object cannot carry through JSON.stringify (1e400 is
 * Infinity once parsed, -0 stringifies as 0): kept as markers and spliced into the text.
 */
const NUMBER_MARK = '\u0001num:';
const numberLiteral = (literal: string): string => `${NUMBER_MARK}${literal}`;
const toText = (doc: Json) => {
  const text = JSON.stringify(doc);
  return text.includes('\\u0001num:') ? text.replace(/"\\u0001num:([-+.0-9eE]+)"/g, '$1') : text;
};

function summary(value: Json): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
}

// ---------------------------------------------------------------------------------------------
// Mutations: each changes the document and says what it did, or returns null if it cannot apply.

type Mutation = (doc: Obj, rng: Rng) => string | null;

const sampleValues = (rng: Rng, current: Json): Json => {
  const kinds: Array<() => Json> = [
    () => rng.pick([0, 1, -1, 0.5, 42, 1e6, 200, 1200]),
    () => rng.pick(['', 'x', 'hall', 'shore', '@ending', 'sky-is-real', '#ffffff', 'assets/x.webp', 'en', 'Hall']),
    () => rng.pick([[], [current], ['hall'], [{}]] as Json[]),
    () => rng.pick([{}, { value: current }, { clue: 'sky-is-real' }, { en: 'x' }] as Json[]),
    () => null,
    () => rng.chance(0.5),
  ];
  const typeIndex = typeof current === 'number' ? 0 : typeof current === 'string' ? 1 : Array.isArray(current) ? 2 : current === null ? 4 : typeof current === 'boolean' ? 5 : 3;
  const others = kinds.filter((_, i) => i !== typeIndex);
  return rng.pick(others)();
};

const deleteKey: Mutation = (doc, rng) => {
  const p = rng.pick(placesOf(doc));
  if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
  else delete p.parent[p.key as string];
  return `delete ${where(p.path)}`;
};

const wrongType: Mutation = (doc, rng) => {
  const p = rng.pick(placesOf(doc));
  const value = sampleValues(rng, get(p));
  put(p.parent, p.key, value);
  return `set ${where(p.path)} = ${summary(value)}`;
};

const hugeString: Mutation = (doc, rng) => {
  const places = placesOf(doc);
  const strings = places.filter((p) => typeof get(p) === 'string');
  const p = rng.chance(0.8) && strings.length > 0 ? rng.pick(strings) : rng.pick(places);
  const value = rng.pick(['x'.repeat(HUGE), 'a'.repeat(HUGE), `assets/${'a/'.repeat(HUGE / 2)}x.webp`, '\u{1F600}'.repeat(HUGE / 2), `#${'0'.repeat(HUGE)}`]);
  put(p.parent, p.key, value);
  return `set ${where(p.path)} = ${summary(value)}`;
};

/** Conditions sit under choices and routes; a leaf that holds in the unmutated package where possible. */
function deepCondition(doc: Obj, rng: Rng, depth: number): Json {
  const clues = placesOf(doc).filter((p) => p.up?.key === 'grants' && typeof get(p) === 'string').map((p) => get(p) as string);
  let condition: Json = clues.length > 0 ? { clue: rng.pick(clues) } : { visited: String(doc['start']) };
  const shape = rng.pick(['not', 'all', 'any', 'mixed'] as const);
  for (let i = 0; i < depth; i++) {
    const kind = shape === 'mixed' ? rng.pick(['not', 'all', 'any'] as const) : shape;
    condition = kind === 'not' ? { not: condition } : { [kind]: [condition] };
  }
  return condition;
}

const deepNesting: Mutation = (doc, rng) => {
  const holders = placesOf(doc).filter((p) => (p.up?.key === 'choices' || p.up?.key === 'next') && isObj(get(p)));
  if (holders.length === 0) return null;
  const p = rng.pick(holders);
  const depth = rng.pick([2, 10, 100, 2000]);
  (get(p) as Obj)['when'] = deepCondition(doc, rng, depth);
  return `set ${where([...p.path, 'when'])} = a condition nested ${depth} levels deep`;
};

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const prototypeKey: Mutation = (doc, rng) => {
  const objects: Array<Place | undefined> = [undefined, ...placesOf(doc).filter((p) => isObj(get(p)))];
  const target = rng.pick(objects);
  const obj = (target === undefined ? doc : get(target)) as Obj;
  const key = rng.pick(PROTO_KEYS);
  const siblings = Object.keys(obj);
  const value = siblings.length > 0 && rng.chance(0.7) ? clone(obj[rng.pick(siblings)]!) : sampleValues(rng, null);
  put(obj, key, value);
  return `add ${where([...(target?.path ?? []), key])} = ${summary(value)}`;
};

/** Every id the package declares: scenes, editions, variables, clues, hotspots, choices. */
function idsOf(doc: Obj): string[] {
  const ids = new Set<string>();
  for (const record of ['scenes', 'editions', 'variables', 'clues']) if (isObj(doc[record])) Object.keys(doc[record]).forEach((k) => ids.add(k));
  for (const p of placesOf(doc)) {
    const v = get(p);
    if (p.key === 'id' && typeof v === 'string' && p.up !== undefined) ids.add(v);
    if (p.up?.key === 'grants' && typeof v === 'string') ids.add(v);
  }
  return [...ids];
}

const NEW_NAMES = ['constructor', '__proto__', 'prototype', 'a', '0', 'x-y', 'Upper', '@ending', 'credits', 'a'.repeat(HUGE)];

/** Renames an id everywhere (keys and values), or, a third of the time, at one place only. */
function renameEverywhere(value: Json, from: string, to: string): Json {
  if (typeof value === 'string') return value === from ? to : value;
  if (Array.isArray(value)) return value.map((v) => renameEverywhere(v, from, to));
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const key of Object.keys(value)) put(out, key === from ? to : key, renameEverywhere(value[key]!, from, to));
  return out;
}

const renameId: Mutation = (doc, rng) => {
  const ids = idsOf(doc);
  if (ids.length === 0) return null;
  const from = rng.pick(ids);
  const to = rng.chance(0.3) ? rng.pick(ids) : rng.pick(NEW_NAMES);
  if (rng.chance(0.33)) {
    const places = placesOf(doc).filter((p) => get(p) === from);
    if (places.length === 0) return null;
    const p = rng.pick(places);
    put(p.parent, p.key, to);
    return `set ${where(p.path)} = ${summary(to)} (was "${from}")`;
  }
  const renamed = renameEverywhere(doc, from, to) as Obj;
  for (const key of Object.keys(doc)) delete doc[key];
  for (const key of Object.keys(renamed)) put(doc, key, renamed[key]!);
  return `rename id "${from}" to ${summary(to)} everywhere`;
};

const duplicateId: Mutation = (doc, rng) => {
  const lists = placesOf(doc).filter((p) => Array.isArray(get(p)) && (get(p) as Json[]).some(isObj));
  if (lists.length === 0) return null;
  const p = rng.pick(lists);
  const list = get(p) as Json[];
  const items = list.filter(isObj);
  const item = rng.pick(items);
  if (rng.chance(0.5) || items.length < 2 || !('id' in item)) {
    list.push(clone(item));
    return `append a copy of an element to ${where(p.path)}`;
  }
  const other = rng.pick(items);
  item['id'] = other['id'] ?? null;
  return `give an element of ${where(p.path)} the id ${summary(item['id'])}`;
};

const randomNumber: Mutation = (doc, rng) => {
  const places = placesOf(doc);
  const numbers = places.filter((p) => typeof get(p) === 'number');
  const p = numbers.length > 0 && rng.chance(0.85) ? rng.pick(numbers) : rng.pick(places);
  const literal = rng.pick([
    '1e308', '-1e308', '1e400', '-1e400', '-0', '0', '0.5', '-1', '9007199254740993', '1e-320', '123456.789', '60000', '60001', '199', '90', '-180', '180.0001',
    String(rng.int(2_000_000) - 1_000_000), String((rng.next() - 0.5) * 1e4),
  ]);
  put(p.parent, p.key, numberLiteral(literal));
  return `set ${where(p.path)} = ${literal}`;
};

/** Moves a value to another place of the same type: ids to other id fields, numbers to other numbers. */
const swapValue: Mutation = (doc, rng) => {
  const places = placesOf(doc);
  const a = rng.pick(places);
  const kind = (v: Json) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const same = places.filter((p) => kind(get(p)) === kind(get(a)) && p !== a);
  if (same.length === 0) return null;
  const b = rng.pick(same);
  const value = clone(get(b));
  put(a.parent, a.key, value);
  return `set ${where(a.path)} = ${summary(value)} (from ${where(b.path)})`;
};

/** Adds a well-formed but risky field to a scene: loops, timed defaults, edition cuts, endings. */
const growScene: Mutation = (doc, rng) => {
  const scenes = doc['scenes'];
  if (!isObj(scenes)) return null;
  const sceneIds = Object.keys(scenes);
  if (sceneIds.length === 0) return null;
  const sceneId = rng.pick(sceneIds);
  const scene = scenes[sceneId];
  if (!isObj(scene)) return null;
  const hotspots = Array.isArray(scene['hotspots']) ? scene['hotspots'].filter(isObj).map((h) => h['id'] ?? null) : [];
  const choices = Array.isArray(scene['choices']) ? scene['choices'].filter(isObj).map((c) => c['id'] ?? null) : [];
  const editions = isObj(doc['editions']) ? Object.keys(doc['editions']) : [];
  const options: Array<[string, () => Json]> = [
    ['next', () => [{ to: rng.pick([...sceneIds, '@ending']) }]],
    ['next', () => [{ when: { visits: sceneId, lt: 2 }, to: sceneId }, { to: rng.pick(sceneIds) }]],
    ['end', () => ({ afterMs: rng.pick([1, 1000, 60000]) })],
    ['end', (): Json => (hotspots.length > 0 ? { whenSeen: [rng.pick(hotspots)] } : { withMedia: true })],
    ['offer', () => ({ atMs: rng.pick([0, 500, 5000]), timeoutMs: 1000, ...(choices.length > 0 ? { default: rng.pick(choices) } : {}) })],
    ['offer', (): Json => (hotspots.length > 0 ? { after: rng.pick(hotspots) } : { atMs: 1 })],
    ['ending', () => rng.chance(0.5)],
    ['in', () => (editions.length > 0 ? [rng.pick(editions)] : ['full'])],
    ['onEnter', () => [{ set: 'trust', to: rng.pick([0, 5, -5]) }]],
    ['choices', () => [{ id: 'go', label: 'Go', to: rng.pick([...sceneIds, '@ending']) }]],
  ];
  const [field, make] = rng.pick(options);
  const value = make();
  put(scene, field, value);
  return `set ${where(['scenes', sceneId, field])} = ${summary(value)}`;
};

const MUTATIONS: Array<[string, Mutation, number]> = [
  ['delete', deleteKey, 12],
  ['wrong-type', wrongType, 12],
  ['huge-string', hugeString, 3],
  ['deep-nesting', deepNesting, 2],
  ['prototype-key', prototypeKey, 8],
  ['rename-id', renameId, 12],
  ['duplicate-id', duplicateId, 8],
  ['number', randomNumber, 12],
  ['swap', swapValue, 14],
  ['grow', growScene, 16],
];
const TOTAL_WEIGHT = MUTATIONS.reduce((sum, [, , w]) => sum + w, 0);

function pickMutation(rng: Rng): [string, Mutation] {
  let roll = rng.int(TOTAL_WEIGHT);
  for (const [name, mutation, weight] of MUTATIONS) {
    if (roll < weight) return [name, mutation];
    roll -= weight;
  }
  throw new Error('unreachable');
}

interface Mutant {
  readonly base: string;
  readonly mutations: readonly string[];
  readonly kinds: readonly string[];
  readonly text: string;
}

function makeMutant(seed: number, n: number): Mutant {
  const rng = new Rng(caseSeed(seed, n));
  const base = rng.pick(Object.keys(BASES) as Array<keyof typeof BASES>);
  const doc = JSON.parse(BASES[base]) as Obj;
  const count = rng.chance(0.6) ? 1 : rng.chance(0.6) ? 2 : 3;
  const mutations: string[] = [];
  const kinds: string[] = [];
  const picked: Array<[string, Mutation]> = [];
  for (let i = 0; i < count; i++) picked.push(pickMutation(rng));
  // Deep nesting last, so no later mutation copies a deep condition into another one.
  picked.sort(([a], [b]) => Number(a === 'deep-nesting') - Number(b === 'deep-nesting'));
  for (const [kind, mutation] of picked) {
    const done = mutation(doc, rng);
    if (done !== null) {
      mutations.push(done);
      kinds.push(kind);
    }
  }
  return { base, mutations, kinds, text: toText(doc) };
}

// ---------------------------------------------------------------------------------------------
// Playing what the validator accepts

/** Starts the machine and sends `steps` rounds of viewer and clock events, checking every snapshot. Throws on the first problem. */
function play(story: StoryPackage, machine: StoryMachine, rng: Rng, steps = 5): void {
  (machine as { options: object }).options = { ...machine.options, maxIterations: MAX_MICROSTEPS };
  const actor = createActor(machine);
  let failure: unknown;
  actor.subscribe({ error: (error) => (failure ??= error) });
  const check = (event: StoryEvent | 'start') => {
    const snapshot = actor.getSnapshot();
    const after = () => (event === 'start' ? 'start' : JSON.stringify(event));
    if (failure !== undefined || snapshot.status === 'error') throw annotate(failure ?? snapshot.error, after());
    const scene = currentScene(snapshot);
    if (scene !== CREDITS_STATE && !Object.hasOwn(story.scenes, scene)) throw new Error(`after ${after()}: in state "${scene}", which is no scene`);
    for (const [id, count] of Object.entries(snapshot.context.visits))
      if (!Number.isInteger(count) || count < 1) throw new Error(`after ${after()}: context.visits[${JSON.stringify(id)}] is ${summary(String(count))}, not a count`);
    for (const [id, ms] of Object.entries(snapshot.context.attention))
      if (typeof ms !== 'number' || !(ms >= 0)) throw new Error(`after ${after()}: context.attention[${JSON.stringify(id)}] is ${summary(String(ms))}, not a duration`);
  };
  const send = (event: StoryEvent) => {
    actor.send(event);
    check(event);
  };
  actor.start();
  check('start');
  try {
    for (let step = 0; step < steps; step++) {
      const snapshot = actor.getSnapshot();
      if (snapshot.status !== 'active') break;
      const scene = story.scenes[currentScene(snapshot)];
      if (!scene) break;
      for (let i = 0; i < Math.min(3, scene.hotspots.length); i++) {
        const h = rng.pick(scene.hotspots);
        send({ type: 'hotspot.watched', hotspot: h.id, ms: 100 + rng.int(3000) });
        if (rng.chance(0.7)) send({ type: 'hotspot.dwelled', hotspot: h.id });
      }
      send({ type: 'clock.tick', sceneMs: actor.getSnapshot().context.sceneMs + rng.pick([500, 5000, 20000]) });
      const start = rng.int(scene.choices.length + 1);
      const order = [...scene.choices.slice(start), ...scene.choices.slice(0, start)];
      const offered = rng.chance(0.7) ? order.find((c) => actor.getSnapshot().can({ type: 'choice.made', choice: c.id })) : undefined;
      if (offered) send({ type: 'choice.made', choice: offered.id });
      else if (rng.chance(0.3)) send({ type: 'media.ended' });
      else send({ type: 'clock.tick', sceneMs: 1e9 });
      if (rng.chance(0.1)) send({ type: 'settings.changed', choiceTimeScale: rng.pick([null, 0.5, 2]) });
    }
  } finally {
    actor.stop();
  }
}

function annotate(error: unknown, after: string): Error {
  const e = error instanceof Error ? error : new Error(String(error));
  e.message = `after ${after}: ${e.message}`;
  return e;
}

// ---------------------------------------------------------------------------------------------
// One case

interface Failure {
  readonly stage: 'validateStory' | 'compileStory' | 'actor';
  readonly edition?: string | null;
  readonly error: Error;
}

function runCase(mutant: Mutant, rng: Rng): { accepted: boolean; failure?: Failure } {
  const input: unknown = JSON.parse(mutant.text);
  let result: ReturnType<typeof validateStory>;
  try {
    result = validateStory(input);
  } catch (error) {
    return { accepted: false, failure: { stage: 'validateStory', error: error as Error } };
  }
  const story = result.story;
  if (!story) return { accepted: false };
  const editions = Object.keys(story.editions);
  // Every edition compiles and starts; one, in turn, is played for a few rounds of events.
  const played = rng.int(Math.max(1, editions.length));
  for (const [i, edition] of (editions.length > 0 ? editions : [null]).entries()) {
    let machine: StoryMachine;
    try {
      machine = compileStory(story, edition);
    } catch (error) {
      return { accepted: true, failure: { stage: 'compileStory', edition, error: error as Error } };
    }
    try {
      play(story, machine, rng, i === played ? 5 : 0);
    } catch (error) {
      return { accepted: true, failure: { stage: 'actor', edition, error: error as Error } };
    }
  }
  return { accepted: true };
}

/** Failures grouped by what went wrong, so one bug does not hide another. */
const signature = (f: Failure) =>
  `${f.stage}: ${f.error.name}: ${f.error.message
    .split('\n')[0]!
    .replace(/^after (\{.*?\}|start): /, '')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+/g, 'N')
    .slice(0, 160)}`;

describe('fuzzing the validator and the compiled machine', () => {
  it(`${ONLY === undefined ? CASES.toLocaleString('en') : `case ${ONLY} of`} mutants of valid packages (seed ${SEED}): validateStory never throws; what it accepts compiles and plays`, { timeout: 240_000 }, () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const groups = new Map<string, Array<{ n: number; mutant: Mutant; failure: Failure }>>();
    let accepted = 0;
    const cases = ONLY === undefined ? Array.from({ length: CASES }, (_, n) => n) : [ONLY];
    for (const n of cases) {
      const mutant = makeMutant(SEED, n);
      if (ONLY !== undefined) {
        const file = join(tmpdir(), `sightline-fuzz-${SEED}-${n}.json`);
        writeFileSync(file, mutant.text);
        console.log(`case ${n} (seed ${SEED}): ${mutant.base} + ${mutant.mutations.join('; ')}\nmutant written to ${file}`);
      }
      const { accepted: ok, failure } = runCase(mutant, new Rng(caseSeed(SEED, n) ^ 0xa5a5a5a5));
      if (ok) accepted++;
      if (failure) {
        const key = signature(failure);
        const list = groups.get(key) ?? [];
        list.push({ n, mutant, failure });
        groups.set(key, list);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const used = process.cpuUsage(cpu);
    const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
    console.log(`fuzz: ${cases.length} mutants (seed ${SEED}), ${accepted} accepted by the validator, ${[...groups.values()].reduce((s, l) => s + l.length, 0)} failures in ${groups.size} group(s), ${seconds} s (${cpuSeconds} s CPU)`);

    const report = [...groups.entries()].map(([key, list]) => {
      const first = list[0]!;
      const stack = (first.failure.error.stack ?? '').split('\n').slice(1, 9).join('\n');
      const examples = list
        .slice(0, 3)
        .map(({ n, mutant, failure }) => `    case ${n}${failure.edition !== undefined ? `, edition ${JSON.stringify(failure.edition)}` : ''}: ${mutant.base} + ${mutant.mutations.join('; ')}`)
        .join('\n');
      const small = first.mutant.text.length <= 6000 ? `\n  mutant of case ${first.n}:\n${first.mutant.text}` : '';
      return `${list.length} × ${key}\n  reproduce: FUZZ_SEED=${SEED} FUZZ_CASE=${first.n} npx vitest run --project unit test/story/fuzz.test.ts\n${examples}\n  stack of case ${first.n}:\n${stack}${small}`;
    });
    if (report.length > 0) expect.fail(`${report.length} kind(s) of failure among ${cases.length} mutants (seed ${SEED}):\n\n${report.join('\n\n')}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Targeted cases the fuzzer's mutation kinds point at; each stands alone so a fix shows here.

const keeper = () => JSON.parse(BASES.keeper) as Obj & { scenes: Record<string, Obj & { choices: Obj[] }> };
const minimal = () => JSON.parse(BASES.minimal) as Obj;

describe('deep nesting', () => {
  it.each(['not', 'all', 'any'] as const)('validates a condition nested 2,000 levels deep in "%s" without throwing', (kind) => {
    let condition: Json = { clue: 'gull-seen' };
    for (let i = 0; i < 2000; i++) condition = kind === 'not' ? { not: condition } : { [kind]: [condition] };
    const json = keeper();
    json.scenes['stairs']!.choices[0]!['when'] = condition;
    let result: ReturnType<typeof validateStory> | undefined;
    let thrown: unknown;
    try {
      result = validateStory(json);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, `validateStory threw on a 2,000-level "${kind}" condition at $.scenes.stairs.choices[0].when: ${String(thrown)}\n${(thrown as Error | undefined)?.stack?.split('\n').slice(0, 6).join('\n')}`).toBeUndefined();
    // Either a diagnostic (too deep) or an accepted package that compiles and plays.
    if (result?.story) for (const edition of Object.keys(result.story.editions)) play(result.story, compileStory(result.story, edition), new Rng(1));
    else expect(result?.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('eventless loops', () => {
  it('a scene whose end condition already holds when it is re-entered does not spin forever', () => {
    // The scene ends once "h" has fired and routes back to itself; "h" stays fired, so on re-entry it ends
    // again at once: an endless chain of eventless transitions (xstate's default maxIterations is Infinity).
    const json = {
      format: 'sightline/1', id: 'spin', title: 'Spin', languages: ['en'], start: 'a',
      scenes: {
        a: {
          title: 'A', media: { type: 'color', color: '#000000' },
          hotspots: [{ id: 'h', label: 'H', yaw: 0, pitch: 0 }],
          end: { whenSeen: ['h'] }, next: [{ to: 'a' }],
          choices: [{ id: 'out', label: 'Out', to: 'e' }],
        },
        e: { title: 'E', media: { type: 'color', color: '#000000' }, ending: true },
      },
    };
    const { story } = validateStory(json);
    if (story === undefined) return; // Rejected by the validator: fine too.
    const machine = compileStory(story, null);
    (machine as { options: object }).options = { ...machine.options, maxIterations: MAX_MICROSTEPS };
    const actor = createActor(machine);
    let failure: unknown;
    actor.subscribe({ error: (error) => (failure ??= error) });
    actor.start();
    actor.send({ type: 'hotspot.dwelled', hotspot: 'h' });
    expect(failure, 'validateStory accepts this package, and after "hotspot.dwelled" the compiled machine never settles (hangs without maxIterations)').toBeUndefined();
  });
});

describe('edition cuts', () => {
  it('a choice into the scene another edition inserts before the endings compiles in every edition', () => {
    // "reflect" plays only in "discussion"; elsewhere it is skipped through its fallback route, which is "@ending".
    const json = keeper();
    json.scenes['stairs']!.choices[1]!['to'] = 'reflect';
    const { story, diagnostics } = validateStory(json);
    if (story === undefined) return; // Rejected by the validator: fine too.
    for (const edition of Object.keys(story.editions)) {
      let thrown: unknown;
      try {
        compileStory(story, edition);
      } catch (error) {
        thrown = error;
      }
      expect(
        thrown,
        `validateStory accepts keeper with $.scenes.stairs.choices[1].to = "reflect" (${diagnostics.length} diagnostics), but compileStory(story, "${edition}") throws: ${String(thrown)}`,
      ).toBeUndefined();
    }
  });
});

describe('ids that are Object.prototype keys', () => {
  // "constructor" is the one lowercase id every object inherits; the format reserves it.
  it.each([
    ['scene', '"tower"', '"constructor"', '$.scenes.constructor'],
    ['hotspot', '"crack"', '"constructor"', '$.scenes.hall.hotspots[0].id'],
    ['clue', 'sky-is-real', 'constructor', '$.scenes.hall.hotspots[0].grants[0]'],
  ])('a %s named "constructor" is rejected as reserved, naming where', (_, from, to, path) => {
    const { story, diagnostics } = validateStory(JSON.parse(BASES.minimal.replaceAll(from, to)));
    expect(story).toBeUndefined();
    expect(diagnostics.find((d) => d.path === path)?.message).toMatch(/reserved/);
  });

  it('a stray event about "constructor" never reads Object.prototype', () => {
    const { story } = validateStory(JSON.parse(BASES.minimal));
    const actor = createActor(compileStory(story!, null)).start();
    actor.send({ type: 'hotspot.watched', hotspot: 'constructor', ms: 500 });
    expect(actor.getSnapshot().context.attention['constructor']).toBe(500);
    expect(clueText(story!, 'constructor')).toBe('constructor');
  });

  it('asking for edition "constructor" picks the default edition', () => {
    const { story } = validateStory(keeper());
    expect(story).toBeDefined();
    expect(pickEdition(story!, 'constructor'), 'pickEdition uses "in", which sees Object.prototype').toBe('full');
  });

  it.each(['scenes', 'clues', 'variables', 'editions'])('a "__proto__" key in "%s" is reported, not silently dropped', (record) => {
    const json = minimal();
    const value = record === 'scenes' ? { title: 'X', media: { type: 'color', color: '#000000' }, ending: true } : record === 'variables' ? 1 : record === 'editions' ? { title: 'X' } : 'X';
    const holder = (json[record] ?? {}) as Obj;
    put(holder, '__proto__', value as Json);
    json[record] = holder;
    const text = JSON.stringify(json);
    const result = validateStory(JSON.parse(text));
    const errors = result.diagnostics.filter((d) => d.severity === 'error' && d.path.startsWith(`$.${record}`));
    expect(errors, `"${record}": { "__proto__": … } breaks the id pattern but is accepted without a word, and the entry vanishes`).not.toEqual([]);
  });
});
