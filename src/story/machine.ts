import { type AnyStateMachine, type SnapshotFrom, assign, setup } from 'xstate';
import { evaluateCondition } from './condition';
import type { Condition, StoryPackage } from './schema';

/** The story's memory: what the viewer found and where they have been. Plain data, so it saves as JSON. */
export interface StoryContext {
  /** Clue ids in the order they were found. */
  readonly clues: readonly string[];
  /** Hotspots that have fired; each fires once per viewing. */
  readonly dwelled: readonly string[];
  /** Scene id → times entered. */
  readonly visits: Readonly<Record<string, number>>;
}

/** Discrete events from the stage and the shell; the machine alone decides what they lead to. */
export type StoryEvent =
  | { readonly type: 'hotspot.dwelled'; readonly hotspot: string }
  | { readonly type: 'choice.made'; readonly choice: string };

/** Tag carried by every ending scene's state. */
export const ENDING_TAG = 'ending';

const storySetup = setup({
  types: {
    context: {} as StoryContext,
    events: {} as StoryEvent,
  },
  guards: {
    /** The event is a dwell on this hotspot. */
    isHotspot: ({ event }, params: { hotspot: string }) => event.type === 'hotspot.dwelled' && event.hotspot === params.hotspot,
    /** The event picks this choice and the choice is on offer. */
    choiceOffered: ({ context, event }, params: { choice: string; when?: Condition }) =>
      event.type === 'choice.made' && event.choice === params.choice && (params.when === undefined || evaluateCondition(params.when, context)),
  },
  actions: {
    grant: assign(({ context }, params: { hotspot: string; clues: readonly string[] }) => ({
      dwelled: context.dwelled.includes(params.hotspot) ? context.dwelled : [...context.dwelled, params.hotspot],
      clues: [...context.clues, ...params.clues.filter((c, i) => !context.clues.includes(c) && params.clues.indexOf(c) === i)],
    })),
    visit: assign(({ context }, params: { scene: string }) => ({
      visits: { ...context.visits, [params.scene]: (context.visits[params.scene] ?? 0) + 1 },
    })),
  },
});

export const initialStoryContext = (): StoryContext => ({ clues: [], dwelled: [], visits: {} });

/** The machine type every compiled story has; its states are data, so they are typed as strings. */
const compileShape = () =>
  storySetup.createMachine({ id: '', initial: '', context: initialStoryContext(), states: {} as Record<string, object> });
export type StoryMachine = ReturnType<typeof compileShape>;
export type StorySnapshot = SnapshotFrom<StoryMachine>;

/**
 * Compiles a validated story package into an xstate machine: one state per scene, a guarded
 * transition per choice, a guarded grant per hotspot. Built from data; conditions are evaluated by
 * `evaluateCondition` only.
 */
export function compileStory(story: StoryPackage): StoryMachine {
  const states: Record<string, object> = {};
  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    const grants = scene.hotspots.map((hotspot) => ({
      guard: { type: 'isHotspot', params: { hotspot: hotspot.id } },
      actions: { type: 'grant', params: { hotspot: hotspot.id, clues: hotspot.grants } },
    }));
    const choices = scene.ending
      ? []
      : scene.choices.map((choice) => ({
          guard: { type: 'choiceOffered', params: choice.when ? { choice: choice.id, when: choice.when } : { choice: choice.id } },
          target: choice.to,
          reenter: true,
        }));
    states[sceneId] = {
      ...(scene.ending ? { tags: [ENDING_TAG] } : {}),
      entry: { type: 'visit', params: { scene: sceneId } },
      on: { 'hotspot.dwelled': grants, 'choice.made': choices },
    };
  }
  // The config is assembled from data, so its literal types cannot be checked here; the guards and
  // actions it names are the typed ones above.
  return storySetup.createMachine({
    id: story.id,
    initial: story.start,
    context: initialStoryContext(),
    states,
  }) as StoryMachine;
}

/** The scene a snapshot is in. */
export function currentScene(snapshot: StorySnapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0] ?? '';
}

/** Whether the snapshot is in an ending scene. */
export const isEnding = (snapshot: StorySnapshot): boolean => snapshot.hasTag(ENDING_TAG);

/** Choices of the current scene the machine would accept now, in authored order. */
export function offeredChoices(story: StoryPackage, snapshot: StorySnapshot): string[] {
  const scene = story.scenes[currentScene(snapshot)];
  if (!scene || isEnding(snapshot)) return [];
  return scene.choices.filter((c) => snapshot.can({ type: 'choice.made', choice: c.id })).map((c) => c.id);
}

export type { AnyStateMachine };
