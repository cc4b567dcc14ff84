import { useEffect, useState } from 'react';
import { type Actor, createActor } from 'xstate';
import {
  type Clock,
  SceneClock,
  type SaveStorage,
  type StoryMachine,
  type StoryPackage,
  type StorySnapshot,
  compileStory,
  createSave,
  currentScene,
  driveStory,
  endingsKey,
  isCredits,
  saveKey,
} from '../story';
import { type ViewingPreview, isPreview } from './preview';
import { coalesce } from './coalesce';
import { readJson } from './storage';
import { installTestClock } from './test-clock';
import { testHooks } from './test-hooks';

/** The browser's clock, in the shape xstate's clocks have. */
const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (id) => window.clearTimeout(id as number),
};

export interface ViewingOptions {
  readonly story: StoryPackage;
  readonly edition: string | null;
  readonly language: string;
  /** A restored save to continue from, or null to start from the beginning. */
  readonly resume: StorySnapshot | null;
  readonly choiceTimeScale: number | null;
  readonly storage: SaveStorage;
  /** Author preview: the scene to open on and initial variable values (a fresh viewing only). */
  readonly preview?: Pick<ViewingPreview, 'start' | 'variables'> | undefined;
}

export interface Viewing {
  readonly actor: Actor<StoryMachine>;
  readonly clock: SceneClock;
  /** The stage registers how to report attention gathered so far; called before each clock tick. */
  setAttentionReporter(report: () => void): void;
  /** The viewer changed language mid-film: saves record it, so a reload resumes in it. */
  setLanguage(language: string): void;
}

const SAVE_EVERY_MS = 5000;
/** The shortest time between two saves (a story whose timers loop would otherwise write hundreds a second). */
const SAVE_GAP_MS = 250;

/**
 * One viewing: the story actor, its scene clock (paused while the page is hidden), and the save
 * written after every transition and every few seconds, so a reload or a crash loses nothing.
 */
export function useViewing(options: ViewingOptions): Viewing {
  const [viewing] = useState(() => createViewing(options));
  useEffect(() => viewing.start(), [viewing]);
  useEffect(() => {
    if (viewing.actor.getSnapshot().context.choiceTimeScale !== options.choiceTimeScale)
      viewing.actor.send({ type: 'settings.changed', choiceTimeScale: options.choiceTimeScale });
  }, [viewing, options.choiceTimeScale]);
  useEffect(() => viewing.setLanguage(options.language), [viewing, options.language]);
  return viewing;
}

function createViewing({ story, edition, language: startLanguage, resume, choiceTimeScale, storage, preview }: ViewingOptions) {
  let language = startLanguage;
  const endingsSeen = seenEndings(storage, story);
  const opening = !resume && preview?.start ? { start: preview.start } : {};
  const machine = compileStory(story, resume?.context.edition ?? edition, opening);
  const variables = preview && Object.keys(preview.variables).length > 0 ? { variables: preview.variables } : {};
  const actor = createActor(machine, resume ? { snapshot: resume } : { input: { endingsSeen, choiceTimeScale, ...variables } });
  const clock = new SceneClock(browserClock, { timeScale: testHooks().timeScale ?? 1 });
  let reportAttention: () => void = () => {};

  // An author's preview (a chosen scene, forced variables) is not a viewer's place: it neither
  // replaces the viewer's save nor marks endings found.
  const previewing = !resume && preview !== undefined && isPreview(preview);
  const save = () => {
    if (previewing) return;
    const snapshot = actor.getSnapshot();
    if (isCredits(snapshot)) {
      storage.remove(saveKey(story.id));
      return;
    }
    const saved = createSave(story.id, language, snapshot, new Date());
    storage.write(saveKey(story.id), JSON.stringify({ ...saved, context: { ...saved.context, sceneMs: clock.now() } }));
    const endings = new Set([...seenEndings(storage, story), ...snapshot.context.endingsSeen]);
    storage.write(endingsKey(story.id), JSON.stringify([...endings]));
  };

  // Every change of state asks for a save; they are written at most every SAVE_GAP_MS.
  const saving = coalesce(save, SAVE_GAP_MS);

  const start = () => {
    actor.start();
    const testClock = installTestClock(clock, () => currentScene(actor.getSnapshot()));
    const driver = driveStory(actor, story, clock, { beforeTick: () => reportAttention(), ...(testClock && { holdOnEnter: testClock.holdOnEnter }) });
    const subscription = actor.subscribe(saving.soon);
    saving.now();
    const timer = window.setInterval(saving.now, SAVE_EVERY_MS);
    const onVisibility = () => (document.hidden ? clock.pause('hidden') : clock.resume('hidden'));
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', saving.now);
    return () => {
      saving.now();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', saving.now);
      subscription.unsubscribe();
      driver.stop();
      testClock?.uninstall();
      clock.dispose();
      actor.stop();
    };
  };

  return {
    actor,
    clock,
    start,
    setAttentionReporter: (report: () => void) => {
      reportAttention = report;
    },
    setLanguage: (next: string) => {
      if (next === language) return;
      language = next;
      saving.now();
    },
  };
}

/** Endings this browser has reached in the film, kept across viewings. */
export function seenEndings(storage: SaveStorage, story: StoryPackage): string[] {
  const raw = readJson(storage, endingsKey(story.id));
  return Array.isArray(raw) ? raw.filter((e): e is string => typeof e === 'string' && story.scenes[e]?.ending === true) : [];
}
