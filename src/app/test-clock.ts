import type { PauseReason, SceneClock } from '../story';
import { type TestClock, testHooksSet } from './test-hooks';

/** Every pause reason (the record makes a new one a type error until it is listed). */
const REASONS = Object.keys({ hidden: 1, 'xr-hidden': 1, paused: 1, buffering: 1, holding: 1, test: 1 } satisfies Record<PauseReason, 1>) as PauseReason[];

/**
 * Installs the test clock of a viewing where a test set hooks (nothing for viewers). Returns what
 * the story driver asks on each scene entry (where the test holds the scene), and how to uninstall it.
 */
export function installTestClock(clock: SceneClock, currentScene: () => string): { holdOnEnter(scene: string): number | null; uninstall(): void } | undefined {
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
      // Measured and held in one step: the clock can creep between two readings of it.
      const scene = currentScene();
      holds[scene] = clock.now() + ms;
      clock.holdAt(holds[scene]);
    },
    resume() {
      for (const scene of Object.keys(holds)) delete holds[scene];
      clock.holdAt(null);
    },
    state: () => ({ scene: currentScene(), entries, ms: clock.now(), held: clock.pausedBy(['test']), pausedBy: REASONS.filter((r) => clock.pausedBy([r])) }),
  };
  hooks.clock = testClock;
  return {
    holdOnEnter(scene) {
      entries++;
      return Object.hasOwn(holds, scene) ? holds[scene]! : null;
    },
    uninstall() {
      if (hooks.clock === testClock) delete hooks.clock;
    },
  };
}
