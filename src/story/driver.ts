import type { Actor } from 'xstate';
import type { SceneClock } from './clock';
import { nextDeadline } from './deadlines';
import { type StoryMachine, currentScene } from './machine';
import type { StoryPackage } from './schema';

export interface StoryDriverOptions {
  /** Called just before the clock wakes the machine, so the stage can report attention first. */
  readonly beforeTick?: () => void;
  /** Asked on each scene entry: where a test holds the scene's time (null: it runs), applied as the clock restarts. */
  readonly holdOnEnter?: (scene: string) => number | null;
}

/**
 * Keeps a scene clock and a story actor in step: restarts the clock when a scene is entered (at
 * the restored scene time for a resumed save), and wakes the machine with `clock.tick` at the next
 * deadline only. Pure logic on an injected clock; the shell decides what pauses the clock.
 */
export function driveStory(actor: Actor<StoryMachine>, story: StoryPackage, clock: SceneClock, options: StoryDriverOptions = {}) {
  let entry = '';
  const tick = () => {
    options.beforeTick?.();
    actor.send({ type: 'clock.tick', sceneMs: clock.now() });
  };
  const follow = () => {
    const snapshot = actor.getSnapshot();
    const scene = currentScene(snapshot);
    const key = `${scene}#${snapshot.context.visits[scene] ?? 0}`;
    if (key !== entry) {
      entry = key;
      clock.reset(snapshot.context.sceneMs, options.holdOnEnter?.(scene) ?? null);
    }
    clock.wakeAt(nextDeadline(story, snapshot), tick);
  };
  const subscription = actor.subscribe(follow);
  follow();
  return {
    /** Brings the machine's scene time up to the clock (before saving). */
    sync: tick,
    stop: () => {
      subscription.unsubscribe();
      clock.wakeAt(null, () => {});
    },
  };
}
