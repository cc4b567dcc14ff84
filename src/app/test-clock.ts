import type { PauseReason, SceneClock } from '../story';
import { testHooksSet } from './test-hooks';

/** Where scene time stands, as a test reads it. */
export interface TestClockState {
  readonly scene: string;
  /** Scene entries so far in this viewing (revisits count), so a test sees a scene change even back to the same scene. */
  readonly entries: number;
  readonly ms: number;
  /** Whether a hold (`pauseAt`) has stopped scene time. */
  readonly held: boolean;
  /** Everything that stops scene time now (`test` for a hold). */
  readonly pausedBy: readonly PauseReason[];
}

/** Every pause reason (the record makes a new one a type error until it is listed). */
const REASONS = Object.keys({ hidden: 1, 'xr-hidden': 1, paused: 1, buffering: 1, holding: 1, test: 1 } satisfies Record<PauseReason, 1>) as PauseReason[];

/**
 * How a browser test steps scene time instead of racing it, as `__SIGHTLINE_TEST__.clock`: the
 * clock runs (at the test's time scale) up to a hold and stops there exactly, so what the test
 * reads next is what the film shows at that scene time.
 */
export interface TestClock {
  /** Holds `scene` (the current one when omitted) at `ms` of scene time, on this and every later entry. */
  pauseAt(ms: number, scene?: string): void;
  /** Lets the current scene run `ms` further than where it stands, and holds it there. */
  advance(ms: number): void;
  /** Drops every hold: scene time runs freely again. */
  resume(): void;
  state(): TestClockState;
}

/**
 * Installs the test clock of a viewing where a test set hooks (nothing for viewers). Returns what
 * the story driver calls on each scene entry, to hold the scene where the test asked, and how to
 * uninstall it.
 */
export function installTestClock(clock: SceneClock, currentScene: () => string): { onEnter(scene: string): void; uninstall(): void } | undefined {
  const hooks = testHooksSet();
  if (!hooks) return undefined;
  const holds = (hooks.pauseAt ??= {});
  let entries = 0;
  const testClock: TestClock = {
    pauseAt(ms, scene = currentScene()) {
      holds[scene] = ms;
      if (scene !== currentScene()) return;
      // A hold behind the clock means the test has already raced it: say so rather than stop late.
      if (ms < clock.now()) throw new Error(`test clock: scene "${scene}" is at ${clock.now()} ms, past the hold at ${ms} ms`);
      clock.holdAt(ms);
    },
    advance(ms) {
      testClock.pauseAt(clock.now() + ms);
    },
    resume() {
      for (const scene of Object.keys(holds)) delete holds[scene];
      clock.holdAt(null);
    },
    state: () => ({ scene: currentScene(), entries, ms: clock.now(), held: clock.pausedBy(['test']), pausedBy: REASONS.filter((r) => clock.pausedBy([r])) }),
  };
  hooks.clock = testClock;
  return {
    onEnter(scene) {
      entries++;
      clock.holdAt(Object.hasOwn(holds, scene) ? holds[scene]! : null);
    },
    uninstall() {
      if (hooks.clock === testClock) delete hooks.clock;
    },
  };
}
