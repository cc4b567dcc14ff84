/** Where choice panels sit around the viewer, in the film's degrees and metres. */
export const CHOICE_DISTANCE = 2.2;
export const CHOICE_WIDTH = 1.3;
export const CHOICE_HEIGHT = 0.325;
/** Panels sit this far below the line of sight, so they never hide what the viewer was looking at. */
const BELOW_SIGHT_DEG = 14;
/** ...but never so high or low that the viewer must crane their neck. */
const MIN_PITCH = -35;
const MAX_PITCH = 10;
/** Angular pitch of panels side by side (a panel spans about 33°), and one above another (about 8.5°). */
const ROW_SPACING_DEG = 36;
const COLUMN_SPACING_DEG = 10;
/** Horizontal field of view assumed in a headset, where the app cannot read it. */
export const HEADSET_FIELD_OF_VIEW = 90;
/** Gaze radius of a panel, in degrees: about its half-height, so a glance across it does not count. */
export const CHOICE_GAZE_RADIUS = 7;

export interface ChoicePlace {
  readonly yaw: number;
  readonly pitch: number;
}

/**
 * Where each of `count` panels goes when offered to a viewer looking along (`viewYaw`, `viewPitch`)
 * with a horizontal field of view of `fieldOfView` degrees: a row in front of them, a little below
 * the line of sight, left to right in authored order; where one row would not fit (phones in
 * portrait, many choices), as many rows as needed of as many panels as fit, top to bottom.
 * Never outside the view, never behind them.
 */
export function placeChoices(count: number, viewYaw: number, viewPitch: number, fieldOfView: number): ChoicePlace[] {
  const top = Math.max(MIN_PITCH, Math.min(MAX_PITCH, viewPitch - BELOW_SIGHT_DEG));
  const columns = Math.max(1, Math.min(count, Math.floor((fieldOfView * 0.85) / ROW_SPACING_DEG)));
  const rows = Math.ceil(count / columns);
  // One row sits at `top`; several are centred on it, but the first stays clear of the line of sight.
  const first = rows === 1 ? top : Math.min(viewPitch - 8, top + ((rows - 1) * COLUMN_SPACING_DEG) / 2);
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / columns);
    const inRow = Math.min(columns, count - row * columns);
    return { yaw: viewYaw + ((i % columns) - (inRow - 1) / 2) * ROW_SPACING_DEG, pitch: first - row * COLUMN_SPACING_DEG };
  });
}
