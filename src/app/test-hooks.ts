import type { MediaEvent } from '../media';
import type { TestClock } from './test-clock';

/**
 * Hooks a browser test sets before the app loads (with Playwright's addInitScript). Never read
 * from the URL, so viewers cannot change them.
 */
export interface SightlineTestHooks {
  /** Scene milliseconds per real millisecond, to play long films in seconds. */
  readonly timeScale?: number;
  /**
   * Scene time (ms) at which each scene's clock stops, by scene id, applied on every entry into the
   * scene; `clock` changes it while the film plays.
   */
  pauseAt?: Record<string, number>;
  /** Set by the player where a test set hooks: holds, steps and reads scene time (see `TestClock`). */
  clock?: TestClock;
  /** When set, the media layer appends every fetch, decode, upload and first showing here. */
  readonly mediaLog?: MediaEvent[];
  /** Bytes of media to hold in place of the device profile's `mediaBudget`, to test the governor. */
  readonly mediaBudget?: number;
  /** When set, the player's sound output appends the analyser after its master gain: what is heard. */
  readonly soundTaps?: AnalyserNode[];
  /**
   * A kiosk's own time (idle, countdowns, the credits' stay, the attract loop) stands still and
   * moves only when the test calls `advanceKiosk(ms)`, which the kiosk adds to this object.
   */
  readonly kioskClock?: 'manual';
  advanceKiosk?: (ms: number) => void;
  /** The kiosk's watchdog sees no frames drawn, as if rendering had hung. */
  stallFrames?: boolean;
  /** The kiosk's viewing throws while rendering, once, as a bug would. */
  crashViewing?: boolean;
}

/** The hooks a test set before the app loaded, or undefined for a viewer. */
export function testHooksSet(): SightlineTestHooks | undefined {
  return (globalThis as { __SIGHTLINE_TEST__?: SightlineTestHooks }).__SIGHTLINE_TEST__;
}

export function testHooks(): SightlineTestHooks {
  return testHooksSet() ?? {};
}
