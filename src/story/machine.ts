import { type SnapshotFrom, assign, setup } from 'xstate';
import { evaluateCondition } from './condition';
import { type EditionCut, cutEdition, defaultEdition } from './editions';
import { applyEffects } from './effects';
import { arrivals } from './next-scenes';
import type { Condition, Effect, Scene, StoryPackage, VariableValue } from './schema';

/**
 * The story's memory. Plain data, so a save is this object as JSON; deadlines are kept as scene
 * times (xstate does not restore pending timers from a persisted snapshot, so none are used).
 */
export interface StoryContext {
  /** The edition being played, or null when the package declares none. */
  readonly edition: string | null;
  /** Clue ids in the order they were found. */
  readonly clues: readonly string[];
  /** Hotspots that have fired; each fires once per viewing. */
  readonly dwelled: readonly string[];
  /** Scene id → times entered. */
  readonly visits: Readonly<Record<string, number>>;
  readonly variables: Readonly<Record<string, VariableValue>>;
  /** Hotspot id → total milliseconds looked at during the viewing. */
  readonly attention: Readonly<Record<string, number>>;
  /** The current scene's clock at the last tick, in ms. */
  readonly sceneMs: number;
  /** Scene time at which the current scene's choices appeared; null while they have not. */
  readonly offeredAtMs: number | null;
  /** The current scene has ended (its time ran out or its end condition held) and holds for a choice. */
  readonly sceneEnded: boolean;
  /** The ending an edition's inserted scenes lead to, while they play. */
  readonly pendingEnding: string | null;
  /** Endings reached in this viewing and earlier ones ("Find another ending"). */
  readonly endingsSeen: readonly string[];
  /** Multiplier of choice time limits (viewer setting); null switches them off. */
  readonly choiceTimeScale: number | null;
  /** Every choice taken in this viewing, in order, and whether time ran out on it (its default). */
  readonly choices: readonly ChoiceMade[];
}

/** A choice taken: by the viewer, or as the offer's default when its time ran out. */
export interface ChoiceMade {
  readonly scene: string;
  readonly choice: string;
  readonly byDefault: boolean;
}

/** Discrete events from the stage and the shell; the machine alone decides what they lead to. */
export type StoryEvent =
  | { readonly type: 'hotspot.dwelled'; readonly hotspot: string }
  | { readonly type: 'hotspot.watched'; readonly hotspot: string; readonly ms: number }
  | { readonly type: 'choice.made'; readonly choice: string }
  | { readonly type: 'clock.tick'; readonly sceneMs: number }
  | { readonly type: 'media.ended' }
  | { readonly type: 'settings.changed'; readonly choiceTimeScale: number | null };

export interface StoryInput {
  readonly endingsSeen?: readonly string[];
  /** @default 1 */
  readonly choiceTimeScale?: number | null;
  /** Initial values that replace the package's for this viewing (author previews, `?var.<name>=`). */
  readonly variables?: Readonly<Record<string, VariableValue>>;
}

export interface CompileOptions {
  /** Open on this scene instead of the cut's start (author previews, `?scene=`); it must be in the cut. */
  readonly start?: string;
}

/** Tag carried by every ending scene's state. */
export const ENDING_TAG = 'ending';
/** Tag of the state after an ending has played out. */
export const CREDITS_TAG = 'credits';
export const CREDITS_STATE = 'credits';
/** How long an ending scene plays before the credits when it declares no end of its own. */
export const ENDING_PLAYOUT_MS = 6000;

const storySetup = setup({
  types: {
    context: {} as StoryContext,
    events: {} as StoryEvent,
    input: {} as StoryInput | undefined,
  },
  guards: {
    isHotspot: ({ event }, params: { hotspot: string }) => event.type === 'hotspot.dwelled' && event.hotspot === params.hotspot,
    /** The event picks this choice, and it is on offer now. */
    choiceOffered: ({ context, event }, params: { choice: string; when?: Condition; pendingEnding?: string }) =>
      event.type === 'choice.made' &&
      event.choice === params.choice &&
      context.offeredAtMs !== null &&
      holds(params.when, context) &&
      pending(params, context),
    /** The scene's choices should appear now. */
    offerDue: ({ context }, params: { atMs?: number; after?: string }) =>
      context.offeredAtMs === null &&
      (context.sceneEnded ||
        (params.atMs !== undefined && context.sceneMs >= params.atMs) ||
        (params.after !== undefined && context.dwelled.includes(params.after))),
    /**
     * The scene's own end condition holds now. A scene never ends in the instant it is entered (its
     * clock must have moved), so one whose hotspots were all seen on an earlier visit ends just
     * after entry rather than looping through routes without ever yielding to the viewer.
     */
    endDue: ({ context }, params: { afterMs?: number; whenSeen?: readonly string[] }) =>
      !context.sceneEnded &&
      ((params.afterMs !== undefined && context.sceneMs >= params.afterMs) ||
        (params.whenSeen !== undefined && context.sceneMs > 0 && params.whenSeen.every((h) => context.dwelled.includes(h)))),
    mediaEnds: ({ context }, params: { withMedia: boolean }) => params.withMedia && !context.sceneEnded,
    /** The scene has ended and this route's condition holds. */
    routeOpen: ({ context }, params: { when?: Condition; pendingEnding?: string }) =>
      context.sceneEnded && holds(params.when, context) && pending(params, context),
    /** Time ran out on the choices (or the scene ended) and the default is to be taken. */
    defaultDue: ({ context }, params: { timeoutMs?: number; when?: Condition; pendingEnding?: string }) => {
      if (context.offeredAtMs === null || context.choiceTimeScale === null || !holds(params.when, context) || !pending(params, context)) return false;
      if (context.sceneEnded) return true;
      return params.timeoutMs !== undefined && context.sceneMs >= context.offeredAtMs + params.timeoutMs * context.choiceTimeScale;
    },
    sceneEnded: ({ context }) => context.sceneEnded,
  },
  actions: {
    enterScene: assign(({ context }, params: { scene: string; offerAtOnce: boolean; ending: boolean }) => ({
      visits: { ...context.visits, [params.scene]: own(context.visits, params.scene, 0) + 1 },
      sceneMs: 0,
      offeredAtMs: params.offerAtOnce ? 0 : null,
      sceneEnded: false,
      pendingEnding: params.ending ? null : context.pendingEnding,
      endingsSeen: params.ending && !context.endingsSeen.includes(params.scene) ? [...context.endingsSeen, params.scene] : context.endingsSeen,
    })),
    applyEffects: assign(({ context }, params: { effects: readonly Effect[] }) => ({ variables: applyEffects(context.variables, params.effects) })),
    grant: assign(({ context }, params: { hotspot: string; clues: readonly string[] }) => ({
      dwelled: context.dwelled.includes(params.hotspot) ? context.dwelled : [...context.dwelled, params.hotspot],
      clues: addClues(context.clues, params.clues),
    })),
    watch: assign(({ context, event }) =>
      event.type === 'hotspot.watched' && event.ms > 0 && Number.isFinite(event.ms)
        ? { attention: { ...context.attention, [event.hotspot]: own(context.attention, event.hotspot, 0) + event.ms } }
        : {},
    ),
    tick: assign(({ context, event }) => (event.type === 'clock.tick' && event.sceneMs > context.sceneMs ? { sceneMs: event.sceneMs } : {})),
    // Choices due at a scene time count from that time, even if the tick that shows them comes later.
    showOffer: assign(({ context }, params: { atMs?: number }) => ({
      offeredAtMs: params.atMs !== undefined && context.sceneMs >= params.atMs ? params.atMs : context.sceneMs,
    })),
    endScene: assign(({ context }, params: { mostWatched: Scene['mostWatched'] }) => {
      let clues = context.clues;
      for (const group of params.mostWatched) {
        const winner = mostWatched(group.among, context.attention);
        if (winner !== undefined) clues = addClues(clues, group.grants[winner] ?? []);
      }
      return { sceneEnded: true, clues };
    }),
    setPendingEnding: assign((_, params: { ending: string }) => ({ pendingEnding: params.ending })),
    recordChoice: assign(({ context }, params: ChoiceMade) => ({ choices: [...context.choices, params] })),
    // A changed time limit restarts the countdown of open choices rather than expiring them at once.
    setTimeScale: assign(({ context, event }) =>
      event.type === 'settings.changed'
        ? { choiceTimeScale: event.choiceTimeScale, offeredAtMs: context.offeredAtMs === null ? null : context.sceneMs }
        : {},
    ),
  },
});

const holds = (when: Condition | undefined, context: StoryContext) => when === undefined || evaluateCondition(when, context);
/** Transitions to "@ending" are compiled once per ending, each taken only toward the ending pending. */
const pending = (params: { pendingEnding?: string }, context: StoryContext) =>
  params.pendingEnding === undefined || context.pendingEnding === params.pendingEnding;

/** A record's own value for a key (ids like "constructor" must never read Object.prototype). */
const own = <T>(record: Readonly<Record<string, T>>, key: string, fallback: T): T => (Object.hasOwn(record, key) ? record[key]! : fallback);

const addClues = (clues: readonly string[], more: readonly string[]) => {
  const added = more.filter((c, i) => !clues.includes(c) && more.indexOf(c) === i);
  return added.length === 0 ? clues : [...clues, ...added];
};

/** The hotspot of `among` looked at longest, if any was looked at; ties go to the first listed. */
export function mostWatched(among: readonly string[], attention: Readonly<Record<string, number>>): string | undefined {
  let best: string | undefined;
  let bestMs = 0;
  for (const hotspot of among) {
    const ms = own(attention, hotspot, 0);
    if (ms > bestMs) {
      best = hotspot;
      bestMs = ms;
    }
  }
  return best;
}

export function initialStoryContext(edition: string | null, input: StoryInput = {}): StoryContext {
  return {
    edition,
    clues: [],
    dwelled: [],
    visits: {},
    variables: {},
    attention: {},
    sceneMs: 0,
    offeredAtMs: null,
    sceneEnded: false,
    pendingEnding: null,
    endingsSeen: [...(input.endingsSeen ?? [])],
    choiceTimeScale: input.choiceTimeScale === undefined ? 1 : input.choiceTimeScale,
    choices: [],
  };
}

/** The machine type every compiled story has; its states are data, so they are typed as strings. */
const compileShape = () =>
  storySetup.createMachine({
    id: '' as string,
    initial: '' as string,
    context: ({ input }) => initialStoryContext(null, input),
    states: {} as Record<string, object>,
  });
export type StoryMachine = ReturnType<typeof compileShape>;
export type StorySnapshot = SnapshotFrom<StoryMachine>;

type Guard = { type: string; params: Record<string, unknown> };
type Transition = { guard?: Guard; target?: string; actions?: unknown[]; reenter?: boolean };

/**
 * Compiles a validated story package, in one edition, into an xstate machine: one state per scene
 * of the cut plus the credits, guarded transitions per choice, route and default, guarded grants
 * per hotspot. Built from data; every condition goes through `evaluateCondition`.
 */
export function compileStory(story: StoryPackage, edition: string | null = defaultEdition(story), options: CompileOptions = {}): StoryMachine {
  const cut = cutEdition(story, edition);
  if (options.start !== undefined && !cut.includes(options.start))
    throw new Error(`compileStory: start scene "${options.start}" is not in ${edition === null ? 'the film' : `the edition "${edition}"`}`);
  const states: Record<string, object> = {};
  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    if (cut.includes(sceneId)) states[sceneId] = compileScene(story, cut, sceneId, scene);
  }
  states[CREDITS_STATE] = { type: 'final', tags: [CREDITS_TAG] };
  const initialVariables = story.variables;
  return storySetup.createMachine({
    id: story.id,
    initial: options.start ?? cut.start,
    context: ({ input }) => ({
      ...initialStoryContext(edition, input),
      variables: input?.variables ? { ...initialVariables, ...input.variables } : initialVariables,
    }),
    on: {
      'hotspot.watched': { actions: [{ type: 'watch' }] },
      'clock.tick': { actions: [{ type: 'tick' }] },
      'settings.changed': { actions: [{ type: 'setTimeScale' }] },
    },
    states,
  }) as StoryMachine;
}

function compileScene(story: StoryPackage, cut: EditionCut, sceneId: string, scene: Scene): object {
  /** Transitions to `to`, entering where the one rule of what comes next says (`arrivals`). */
  const goTo = (to: string, guard: Guard, actions: unknown[]): Transition[] =>
    arrivals(story, cut, sceneId, to).map((arrival) => ({
      guard: arrival.ifPending === undefined ? guard : { ...guard, params: { ...guard.params, pendingEnding: arrival.ifPending } },
      target: arrival.scene,
      actions: arrival.pending === undefined ? actions : [...actions, { type: 'setPendingEnding', params: { ending: arrival.pending } }],
      reenter: true,
    }));
  const effects = (list: readonly Effect[]) => (list.length > 0 ? [{ type: 'applyEffects', params: { effects: list } }] : []);

  const choices = scene.ending ? [] : cut.choicesOf(sceneId);
  const offer = scene.offer ?? {};
  const offerAtOnce = offer.atMs === undefined && offer.after === undefined;
  const end = scene.end ?? {};
  const afterMs = end.afterMs ?? (scene.ending && !end.withMedia && !end.whenSeen ? ENDING_PLAYOUT_MS : undefined);

  const made = (choice: string, byDefault: boolean) => ({ type: 'recordChoice', params: { scene: sceneId, choice, byDefault } });
  const onChoice = choices.flatMap((choice) =>
    goTo(
      choice.to,
      { type: 'choiceOffered', params: choice.when ? { choice: choice.id, when: choice.when } : { choice: choice.id } },
      [made(choice.id, false), ...effects(choice.effects)],
    ),
  );
  const always: Transition[] = [];
  if (!offerAtOnce && choices.length > 0) always.push({ guard: { type: 'offerDue', params: compact({ atMs: offer.atMs, after: offer.after }) }, actions: [{ type: 'showOffer', params: compact({ atMs: offer.atMs }) }] });
  if (afterMs !== undefined || end.whenSeen)
    always.push({ guard: { type: 'endDue', params: compact({ afterMs, whenSeen: end.whenSeen }) }, actions: [{ type: 'endScene', params: { mostWatched: scene.mostWatched } }] });
  if (scene.ending) always.push({ guard: { type: 'sceneEnded', params: {} }, target: CREDITS_STATE });
  for (const route of scene.ending ? [] : (scene.next ?? []))
    always.push(...goTo(route.to, { type: 'routeOpen', params: route.when ? { when: route.when } : {} }, []));
  const byDefault = choices.find((c) => c.id === offer.default);
  if (byDefault)
    always.push(
      ...goTo(
        byDefault.to,
        { type: 'defaultDue', params: compact({ timeoutMs: offer.timeoutMs, when: byDefault.when }) },
        [made(byDefault.id, true), ...effects(byDefault.effects)],
      ),
    );

  return {
    ...(scene.ending ? { tags: [ENDING_TAG] } : {}),
    entry: [{ type: 'enterScene', params: { scene: sceneId, offerAtOnce, ending: scene.ending } }, ...effects(scene.onEnter)],
    // Events every scene handles alike (watched, tick, settings) are handled once, at the root.
    on: {
      ...(scene.hotspots.length > 0
        ? {
            'hotspot.dwelled': scene.hotspots.map((h) => ({
              guard: { type: 'isHotspot', params: { hotspot: h.id } },
              actions: [{ type: 'grant', params: { hotspot: h.id, clues: h.grants } }, ...effects(h.effects)],
            })),
          }
        : {}),
      ...(onChoice.length > 0 ? { 'choice.made': onChoice } : {}),
      ...(end.withMedia
        ? { 'media.ended': { guard: { type: 'mediaEnds', params: { withMedia: true } }, actions: [{ type: 'endScene', params: { mostWatched: scene.mostWatched } }] } }
        : {}),
    },
    always,
  };
}

/** Drops undefined fields, so params stay plain JSON (and `exactOptionalPropertyTypes` holds). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The scene a snapshot is in ("credits" after an ending has played out). */
export function currentScene(snapshot: StorySnapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : (Object.keys(snapshot.value)[0] ?? '');
}

/** Whether the snapshot is in an ending scene or the credits after it. */
export const isEnding = (snapshot: StorySnapshot): boolean => snapshot.hasTag(ENDING_TAG) || snapshot.hasTag(CREDITS_TAG);
export const isCredits = (snapshot: StorySnapshot): boolean => snapshot.hasTag(CREDITS_TAG);

/** Choices of the current scene the machine would accept now, in authored order. */
export function offeredChoices(story: StoryPackage, snapshot: StorySnapshot): string[] {
  const scene = story.scenes[currentScene(snapshot)];
  if (!scene || isEnding(snapshot)) return [];
  return scene.choices.filter((c) => snapshot.can({ type: 'choice.made', choice: c.id })).map((c) => c.id);
}
