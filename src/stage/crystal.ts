import { wrapYaw, yawDelta } from '../story';

/**
 * The memory crystal's maths, free of three.js: how blue or red it is for a story value, how its
 * shown colour eases toward that, and where it rests around the viewer (body-locked, low and to the
 * left, following the view's yaw lazily).
 */

/** Reason (blue, the crystal at `blueAt`) and desire (red, at `redAt`), as sRGB 0–1. */
export const REASON_BLUE = { r: 0x3b / 255, g: 0x82 / 255, b: 0xf6 / 255 } as const;
export const DESIRE_RED = { r: 0xef / 255, g: 0x44 / 255, b: 0x44 / 255 } as const;

/** Metres from the eye. */
export const CRYSTAL_DISTANCE = 1.1;
/**
 * Degrees below eye level: under the lower edge of a row of choice panels (about 18° below the line
 * of sight) and to the left of the headset's subtitles, so neither sits on it.
 */
export const CRYSTAL_BELOW_DEG = 25;
/** Degrees left of the view's direction, where the view is wide enough. */
export const CRYSTAL_LEFT_DEG = 25;
/** The view turns this far away from the crystal's rest (in a headset) before it follows. */
export const CRYSTAL_FOLLOW_BEYOND_DEG = 35;
/** Seconds for the shown colour, or the following yaw, to close about 63% of the gap. */
const COLOUR_EASE_S = 0.35;
const FOLLOW_EASE_S = 0.45;
/** Following stops this close to the view's yaw. */
const SETTLED_DEG = 1.5;
/** Room kept between the crystal (with its halo) and the edge of a screen's view, in degrees. */
const EDGE_MARGIN_DEG = 8;

export interface CrystalRange {
  readonly blueAt: number;
  readonly redAt: number;
}

/**
 * How far from blue (0) toward red (1) the crystal is for a variable's value, clamped; a value
 * that is not a number (unset, or the wrong type) shows blue.
 */
export function crystalMix(value: unknown, { blueAt, redAt }: CrystalRange): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || blueAt === redAt) return 0;
  return Math.min(1, Math.max(0, (value - blueAt) / (redAt - blueAt)));
}

export interface RGBOut {
  r: number;
  g: number;
  b: number;
}

/** The crystal's colour for a mix, in sRGB 0–1, written into `out` (no allocation per frame). */
export function crystalColour(mix: number, out: RGBOut): RGBOut {
  const t = Math.min(1, Math.max(0, mix));
  out.r = REASON_BLUE.r * (1 - t) + DESIRE_RED.r * t;
  out.g = REASON_BLUE.g * (1 - t) + DESIRE_RED.g * t;
  out.b = REASON_BLUE.b * (1 - t) + DESIRE_RED.b * t;
  return out;
}

/** The shown mix after `deltaS` seconds of easing toward `target` (most of the way in ~1.5 s). */
export function easeMix(shown: number, target: number, deltaS: number): number {
  const next = shown + (target - shown) * (1 - Math.exp(-Math.max(0, deltaS) / COLOUR_EASE_S));
  return Math.abs(target - next) < 1e-4 ? target : next;
}

/** Where the crystal rests for a view this wide: how far left, and how far the view may turn before it follows. */
export interface CrystalPlacement {
  readonly leftDeg: number;
  readonly followBeyondDeg: number;
}

/**
 * A headset's view is wide and the head turns freely: 25° left, following beyond 35°. A screen's
 * view (`horizontalFovDeg`) may be narrow (a phone in portrait): the crystal comes in from the
 * left edge and follows sooner, so it stays in the picture.
 */
export function crystalPlacement(horizontalFovDeg: number | null): CrystalPlacement {
  if (horizontalFovDeg === null) return { leftDeg: CRYSTAL_LEFT_DEG, followBeyondDeg: CRYSTAL_FOLLOW_BEYOND_DEG };
  const half = horizontalFovDeg / 2;
  const leftDeg = Math.max(0, Math.min(CRYSTAL_LEFT_DEG, half - EDGE_MARGIN_DEG));
  const followBeyondDeg = Math.max(4, Math.min(CRYSTAL_FOLLOW_BEYOND_DEG, half - leftDeg - EDGE_MARGIN_DEG));
  return { leftDeg, followBeyondDeg };
}

/** The yaw the crystal's rest follows, and whether it is catching up with the view. */
export interface FollowState {
  yaw: number;
  following: boolean;
}

/**
 * Lazy follow: the rest stays put while the view's yaw is within `followBeyondDeg` of it; beyond,
 * it eases after the view until it is nearly back in front, then stays put again. Mutates `state`.
 */
export function followYaw(state: FollowState, viewYaw: number, followBeyondDeg: number, deltaS: number): FollowState {
  const gap = yawDelta(state.yaw, viewYaw);
  if (!state.following && Math.abs(gap) > followBeyondDeg) state.following = true;
  if (state.following) {
    state.yaw = wrapYaw(state.yaw + gap * (1 - Math.exp(-Math.max(0, deltaS) / FOLLOW_EASE_S)));
    if (Math.abs(yawDelta(state.yaw, viewYaw)) < SETTLED_DEG) state.following = false;
  }
  return state;
}
