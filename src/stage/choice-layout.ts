/** Where choice panels sit around the viewer, in the film's degrees and metres. */
export const CHOICE_DISTANCE = 2.2;
export const CHOICE_WIDTH = 1.3;
export const CHOICE_HEIGHT = 0.325;
/** A little below the line of sight, so panels never hide what the viewer was looking at. */
export const CHOICE_PITCH = -14;
const SPACING_DEG = 37;
/** Gaze radius of a panel, in degrees: about its half-height, so a glance across it does not count. */
export const CHOICE_GAZE_RADIUS = 7;

/** Yaw of each of `count` panels, centred on `facingYaw` and spread left to right in order. */
export function choiceYaws(count: number, facingYaw: number): number[] {
  return Array.from({ length: count }, (_, i) => facingYaw + (i - (count - 1) / 2) * SPACING_DEG);
}
