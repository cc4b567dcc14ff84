/**
 * The film's one vocabulary for directions, in plain numbers (no three, no DOM), for the story,
 * the stage, the headset's comfort maths and the film pipeline alike.
 *
 * - A **yaw/pitch** (`YawPitch`) is in degrees. Yaw 0 is straight ahead: the centre column of a
 *   panorama, the way a scene opens. Positive yaw turns right (clockwise seen from above). Pitch
 *   is positive looking up, from -90 (straight down) to 90 (straight up).
 * - **Film space** holds points (`Point`, metres) and directions (`UnitVector`, length 1): x to the
 *   right of yaw 0, y up, and **-z ahead** (yaw 0), so +z is behind. It is three.js's space and the
 *   one the story format's `position`s are written in; the floor is at y = 0 under the viewer.
 * - **Wrapping**: a yaw wraps into [-180, 180). Exactly behind is -180, never 180, so the seam
 *   belongs to the left edge of a panorama (its column 0) and every yaw has one spelling.
 */

/** Radians in one degree. */
export const DEG = Math.PI / 180;

/** A direction as the viewer turns to it: degrees, yaw right of ahead, pitch above the horizon. */
export interface YawPitch {
  yaw: number;
  pitch: number;
}

/** A point in film space, in metres: x right of yaw 0, y up, -z ahead. */
export interface Point {
  x: number;
  y: number;
  z: number;
}

/** A direction in film space: a `Point` of length 1, from the viewer's eye. */
export type UnitVector = Point;

/** Wraps a yaw in degrees into [-180, 180): 180 (and 540, -180, -540) is -180. */
export function wrapYaw(yaw: number): number {
  return ((((yaw + 180) % 360) + 360) % 360) - 180;
}

/** The turn from yaw `from` to yaw `to` the short way, in degrees in [-180, 180) (exactly behind is a turn left). */
export function yawDelta(from: number, to: number): number {
  return wrapYaw(to - from);
}

/** The unit vector along a yaw/pitch in degrees, written into `out` when given (no allocation per frame). */
export function unitVectorOf(yaw: number, pitch: number, out: UnitVector = { x: 0, y: 0, z: -1 }): UnitVector {
  const cp = Math.cos(pitch * DEG);
  out.x = cp * Math.sin(yaw * DEG);
  out.y = Math.sin(pitch * DEG);
  out.z = -cp * Math.cos(yaw * DEG);
  return out;
}

/**
 * The yaw/pitch in degrees of a film-space vector of any length, written into `out` when given.
 * Yaw is in [-180, 180); a vector with no horizontal part (straight up or down) has yaw 0.
 */
export function yawPitchOf(v: Readonly<Point>, out: YawPitch = { yaw: 0, pitch: 0 }): YawPitch {
  // 0 - z rather than -z: with z = 0 the latter is -0, and atan2(0, -0) is 180.
  const yaw = Math.atan2(v.x, 0 - v.z) / DEG;
  // atan2 gives 180 for exactly behind: the seam is spelled -180.
  out.yaw = yaw >= 180 ? yaw - 360 : yaw;
  out.pitch = Math.atan2(v.y, Math.hypot(v.x, v.z)) / DEG;
  return out;
}

/** The great-circle angle between two directions, in degrees (0 to 180). */
export function angleBetween(a: Readonly<YawPitch>, b: Readonly<YawPitch>): number {
  const u = unitVectorOf(a.yaw, a.pitch, _a);
  const v = unitVectorOf(b.yaw, b.pitch, _b);
  const cos = u.x * v.x + u.y * v.y + u.z * v.z;
  return Math.acos(cos > 1 ? 1 : cos < -1 ? -1 : cos) / DEG;
}
const _a: UnitVector = { x: 0, y: 0, z: -1 };
const _b: UnitVector = { x: 0, y: 0, z: -1 };

/** The horizontal field of view in degrees of a perspective view `verticalFov` degrees high, `aspect` (width / height) wide. */
export function horizontalFov(verticalFov: number, aspect: number): number {
  return (2 * Math.atan(Math.tan((verticalFov * DEG) / 2) * aspect)) / DEG;
}

/**
 * The yaw/pitch of a point of an equirectangular picture `width` × `height` pixels, at continuous
 * pixel coordinates (x from the left edge, y from the top edge: a pixel's centre is at +0.5):
 * the left edge is yaw -180, the centre column yaw 0, the right edge yaw 180 (the same meridian
 * as the left edge); the top row looks straight up.
 */
export function equirectYawPitch(x: number, y: number, width: number, height: number): YawPitch {
  return { yaw: (x / width - 0.5) * 360, pitch: (0.5 - y / height) * 180 };
}

/** Where a yaw/pitch falls in an equirectangular picture, in continuous pixel coordinates (x in [0, width)). */
export function equirectPixel(yaw: number, pitch: number, width: number, height: number): { x: number; y: number } {
  return { x: (wrapYaw(yaw) / 360 + 0.5) * width, y: (0.5 - pitch / 180) * height };
}

/** How high above the floor a screen puts the viewer's eye, in metres (headsets report the real head). */
export const SCREEN_EYE_HEIGHT = 1.6;
/** An angular hotspot's radius in degrees when the story gives none. */
export const DEFAULT_ANGULAR_RADIUS = 10;
/** A 3D hotspot's radius in metres when the story gives none. */
export const DEFAULT_METRIC_RADIUS = 0.3;

/** Where a hotspot lies as seen from the eye: yaw, pitch and angular radius in degrees. */
export interface HotspotAim {
  readonly yaw: number;
  readonly pitch: number;
  readonly radius: number;
}

/**
 * A hotspot's aim from an eye at `eye` (film space, floor at y = 0; by default a screen's eye
 * above the scene's centre): angular hotspots are where they say; 3D hotspots are seen along the
 * line from the eye to their position, their radius in metres turned into the angle it covers at
 * that distance.
 */
export function hotspotAim(
  h: { readonly yaw?: number | undefined; readonly pitch?: number | undefined; readonly position?: readonly [number, number, number] | undefined; readonly radius?: number | undefined },
  eye: Readonly<Point> = { x: 0, y: SCREEN_EYE_HEIGHT, z: 0 },
): HotspotAim {
  if (!h.position) return { yaw: h.yaw ?? 0, pitch: h.pitch ?? 0, radius: h.radius ?? DEFAULT_ANGULAR_RADIUS };
  const d = { x: h.position[0] - eye.x, y: h.position[1] - eye.y, z: h.position[2] - eye.z };
  const distance = Math.max(Math.hypot(d.x, d.y, d.z), 1e-3);
  const metres = h.radius ?? DEFAULT_METRIC_RADIUS;
  const { yaw, pitch } = yawPitchOf(d);
  return { yaw, pitch, radius: Math.min(90, Math.atan2(metres, distance) / DEG) };
}
