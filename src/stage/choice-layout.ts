/** Where choice panels sit around the viewer, in the film's degrees and metres. */
export const CHOICE_DISTANCE = 2.2;
export const CHOICE_WIDTH = 1.3;
export const CHOICE_HEIGHT = 0.325;
/** Panels sit this far below the line of sight, so they never hide what the viewer was looking at. */
const BELOW_SIGHT_DEG = 14;
/** ...but never so high or low that the viewer must crane their neck. */
const MIN_PITCH = -35;
const MAX_PITCH = 10;
const SPACING_DEG = 37;
/** Gaze radius of a panel, in degrees: about its half-height, so a glance across it does not count. */
export const CHOICE_GAZE_RADIUS = 7;

export interface ChoicePlace {
  readonly yaw: number;
  readonly pitch: number;
}

/**
 * Where each of `count` panels goes when offered to a viewer looking along (`viewYaw`, `viewPitch`):
 * in a row in front of them, a little below the line of sight, left to right in authored order.
 */
export function placeChoices(count: number, viewYaw: number, viewPitch: number): ChoicePlace[] {
  const pitch = Math.max(MIN_PITCH, Math.min(MAX_PITCH, viewPitch - BELOW_SIGHT_DEG));
  return Array.from({ length: count }, (_, i) => ({ yaw: viewYaw + (i - (count - 1) / 2) * SPACING_DEG, pitch }));
}
