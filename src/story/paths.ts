import { getShortestPaths } from '@xstate/graph';
import { createActor } from 'xstate';
import { leafConditions } from './condition';
import { nextDeadline } from './deadlines';
import { CREDITS_TAG, ENDING_TAG, type StoryEvent, type StoryMachine, type StorySnapshot, compileStory, currentScene } from './machine';
import type { StoryPackage, VariableValue } from './schema';

/** The shortest way to one ending of one edition, as the events a viewer would cause. */
export interface EndingPath {
  readonly edition: string | null;
  readonly ending: string;
  readonly events: readonly StoryEvent[];
  readonly clues: readonly string[];
  readonly variables: Readonly<Record<string, VariableValue>>;
}

export interface PathsOptions {
  /** Stop exploring after this many abstract states (a safety net for huge films). @default 200000 */
  readonly limit?: number;
}

/**
 * Shortest paths to every ending of every edition, found by xstate's graph traversal over the real
 * compiled machine. The context is abstracted to keep the state space finite: a state is its scene,
 * the clues conditions ask about, the hotspots fired in this scene or waited for, its variables (numbers clamped to the range conditions can tell apart), visits capped
 * at the largest count a condition asks about, whether choices are shown and the scene has ended,
 * and, for attention, only which thresholds have been passed. Events offered in each state are the
 * ones a viewer can cause there: dwell on each hotspot not yet seen, look at a hotspot long enough
 * to pass the next threshold that matters, each choice on offer, letting time run to the next
 * deadline, and the media ending.
 */
export function endingPaths(story: StoryPackage, options: PathsOptions = {}): EndingPath[] {
  const editions = Object.keys(story.editions).length > 0 ? Object.keys(story.editions) : [null];
  return editions.flatMap((edition) => pathsInEdition(story, edition, compileStory(story, edition), options));
}

/** A viewer, as xstate's graph traversal takes one: what they can do in a snapshot, and what of it matters. */
export interface ViewerModel {
  /** The events a viewer can cause in this snapshot. */
  readonly events: (snapshot: StorySnapshot) => StoryEvent[];
  /** The snapshot with its context abstracted to what can change what comes next. */
  readonly serializeState: (snapshot: StorySnapshot) => string;
}

/** The viewer model `endingPaths` explores with (described there), for other explorations of the machine. */
export function viewerModel(story: StoryPackage): ViewerModel {
  const limits = conditionLimits(story);
  return {
    events: (snapshot) => viewerEvents(story, snapshot, limits),
    serializeState: (snapshot) => abstractState(story, snapshot, limits),
  };
}

function pathsInEdition(story: StoryPackage, edition: string | null, machine: StoryMachine, options: PathsOptions): EndingPath[] {
  const paths = getShortestPaths(machine, {
    ...viewerModel(story),
    stopWhen: (snapshot: StorySnapshot) => snapshot.hasTag(ENDING_TAG) || snapshot.hasTag(CREDITS_TAG),
    limit: options.limit ?? 200_000,
  });
  const best = new Map<string, EndingPath>();
  for (const path of paths) {
    const snapshot = path.state;
    if (!snapshot.hasTag(ENDING_TAG)) continue;
    const ending = currentScene(snapshot);
    const events = path.steps.map((s) => s.event).filter((e) => (e as { type: string }).type !== 'xstate.init');
    const known = best.get(ending);
    if (known && events.length >= known.events.length) continue;
    // The abstraction merges states that differ in what no condition reads, so the memory at the
    // ending is the replayed path's own, not that of the state it was merged with.
    const actor = createActor(machine).start();
    for (const event of events) actor.send(event);
    const reached = actor.getSnapshot();
    actor.stop();
    best.set(ending, { edition, ending, events, clues: reached.context.clues, variables: reached.context.variables });
  }
  return [...best.values()].sort((a, b) => a.ending.localeCompare(b.ending));
}

interface Limits {
  /** Variable → thresholds conditions compare it with. */
  readonly numbers: Map<string, number[]>;
  /** Scene → largest visit count a condition asks about. */
  readonly visits: Map<string, number>;
  /** Hotspot → attention thresholds (ms) conditions compare with. */
  readonly attention: Map<string, number[]>;
  /** Clues some condition asks about: the others cannot change what comes next. */
  readonly clues: Set<string>;
  /** Hotspots whose firing something waits for (scene ends, offers), or compared by attention. */
  readonly watched: Set<string>;
}

function conditionLimits(story: StoryPackage): Limits {
  const numbers = new Map<string, number[]>();
  const visits = new Map<string, number>();
  const attention = new Map<string, number[]>();
  const clues = new Set<string>();
  const watched = new Set<string>();
  const add = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const scene of Object.values(story.scenes))
    for (const when of [...scene.choices.map((c) => c.when), ...(scene.next ?? []).map((r) => r.when)])
      if (when)
        for (const { leaf } of leafConditions(when)) {
          if ('var' in leaf) for (const v of Object.values(leaf)) if (typeof v === 'number') add(numbers, leaf.var, v);
          if ('visits' in leaf) for (const v of Object.values(leaf)) if (typeof v === 'number') visits.set(leaf.visits, Math.max(visits.get(leaf.visits) ?? 1, v + 1));
          if ('attention' in leaf) [leaf.gteMs, leaf.ltMs].forEach((v) => v !== undefined && add(attention, leaf.attention, v));
          if ('clue' in leaf) clues.add(leaf.clue);
        }
  for (const scene of Object.values(story.scenes)) {
    scene.end?.whenSeen?.forEach((h) => watched.add(h));
    if (scene.offer?.after !== undefined) watched.add(scene.offer.after);
    scene.mostWatched.forEach((g) => g.among.forEach((h) => watched.add(h)));
  }
  return { numbers, visits, attention, clues, watched };
}

function abstractState(story: StoryPackage, snapshot: StorySnapshot, limits: Limits): string {
  const c = snapshot.context;
  const variables = Object.entries(c.variables).map(([name, value]) => {
    const thresholds = limits.numbers.get(name);
    if (typeof value !== 'number' || !thresholds) return [name, value];
    // Only where a number stands relative to the thresholds matters to any condition.
    return [name, thresholds.map((t) => Math.sign(value - t)).join('')];
  });
  const visits = Object.entries(c.visits).map(([scene, n]) => [scene, Math.min(n, limits.visits.get(scene) ?? 1)]);
  // Attention: which thresholds are passed, and the order of the hotspots by time looked at.
  const attention = Object.entries(c.attention)
    .filter(([h]) => limits.attention.has(h))
    .map(([h, ms]) => [h, (limits.attention.get(h) ?? []).filter((t) => ms >= t).length]);
  const ranking = Object.entries(c.attention).filter(([h]) => limits.watched.has(h)).sort((a, b) => b[1] - a[1]).map(([h]) => h);
  // Hotspots fire once a viewing: what was dwelled on matters in the scene being watched, and where something waits for it.
  const here = new Set(story.scenes[currentScene(snapshot)]?.hotspots.map((h) => h.id));
  return JSON.stringify([
    snapshot.value,
    snapshot.status,
    c.clues.filter((clue) => limits.clues.has(clue)).sort(),
    c.dwelled.filter((h) => here.has(h) || limits.watched.has(h)).sort(),
    variables,
    visits,
    attention,
    ranking,
    c.offeredAtMs !== null,
    c.sceneEnded,
    c.pendingEnding,
  ]);
}

function viewerEvents(story: StoryPackage, snapshot: StorySnapshot, limits: Limits): StoryEvent[] {
  if (snapshot.status !== 'active') return [];
  const scene = story.scenes[currentScene(snapshot)];
  if (!scene) return [];
  const c = snapshot.context;
  const events: StoryEvent[] = [];
  for (const h of scene.hotspots) {
    if (!c.dwelled.includes(h.id)) events.push({ type: 'hotspot.dwelled', hotspot: h.id });
    // Looking long enough to pass the next attention threshold a condition asks about...
    const seen = c.attention[h.id] ?? 0;
    const next = (limits.attention.get(h.id) ?? []).filter((t) => t > seen).sort((a, b) => a - b)[0];
    if (next !== undefined) events.push({ type: 'hotspot.watched', hotspot: h.id, ms: next - seen });
    // ...or to become the most watched of a group it is compared in.
    const rivals = scene.mostWatched.filter((g) => g.among.includes(h.id)).flatMap((g) => g.among.filter((o) => o !== h.id));
    const lead = Math.max(0, ...rivals.map((o) => c.attention[o] ?? 0));
    if (rivals.length > 0 && seen <= lead) events.push({ type: 'hotspot.watched', hotspot: h.id, ms: lead - seen + 1000 });
  }
  for (const choice of scene.choices) if (snapshot.can({ type: 'choice.made', choice: choice.id })) events.push({ type: 'choice.made', choice: choice.id });
  const deadline = nextDeadline(story, snapshot);
  if (deadline !== null) events.push({ type: 'clock.tick', sceneMs: deadline });
  if (scene.end?.withMedia && !c.sceneEnded) events.push({ type: 'media.ended' });
  return events;
}

/** The scenes a path plays through, in order, from the cut's start to its ending (replayed on the compiled machine). */
export function scenesOfPath(story: StoryPackage, path: Pick<EndingPath, 'edition' | 'events'>): string[] {
  const actor = createActor(compileStory(story, path.edition)).start();
  const scenes = [currentScene(actor.getSnapshot())];
  for (const event of path.events) {
    actor.send(event);
    const scene = currentScene(actor.getSnapshot());
    if (scene !== scenes.at(-1)) scenes.push(scene);
  }
  actor.stop();
  return scenes;
}
