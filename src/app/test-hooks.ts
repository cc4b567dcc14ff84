import type { MediaEvent } from '../media';
import type { PauseReason } from '../story';

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
  /** The widest picture or video frame, in place of the device profile's `maxTextureSize`: a smaller device. */
  readonly maxTextureSize?: number;
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
