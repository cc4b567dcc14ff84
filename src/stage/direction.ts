/**
 * The film's directions in three.js space. The viewer faces -Z at yaw 0; positive yaw turns right
 * (clockwise seen from above, toward +X); positive pitch looks up (+Y).
 */
export interface Direction {
  x: number;
  y: number;
  z: number;
}

const RAD = Math.PI / 180;

export function directionFromYawPitch(yawDeg: number, pitchDeg: number, out: Direction = { x: 0, y: 0, z: -1 }): Direction {
  const yaw = yawDeg * RAD;
  const pitch = pitchDeg * RAD;
  out.x = Math.cos(pitch) * Math.sin(yaw);
  out.y = Math.sin(pitch);
  out.z = -Math.cos(pitch) * Math.cos(yaw);
  return out;
}

/** Yaw and pitch in degrees of a direction (need not be unit length). */
export function yawPitchFromDirection(d: Direction, out: { yaw: number; pitch: number } = { yaw: 0, pitch: 0 }): { yaw: number; pitch: number } {
  out.yaw = Math.atan2(d.x, -d.z) / RAD;
  out.pitch = Math.atan2(d.y, Math.hypot(d.x, d.z)) / RAD;
  return out;
}

/** Shortest signed difference `to - from` in degrees, in (-180, 180]. */
export function yawDelta(from: number, to: number): number {
  const d = (((to - from) % 360) + 540) % 360 - 180;
  return d === -180 ? 180 : d;
}

export const degToRad = (deg: number) => deg * RAD;

/**
 * Euler rotation (radians, order YXZ) that turns a plane lying at (yaw, pitch) around the head to
 * face the head: the rotation of a camera looking along that direction, whose +Z points back.
 */
export function facingHead(yawDeg: number, pitchDeg: number): [number, number, number, 'YXZ'] {
  return [pitchDeg * RAD, -yawDeg * RAD, 0, 'YXZ'];
}

/** Eye height above the floor on screens (headsets report the real head). */
export const SCREEN_EYE_HEIGHT = 1.6;

/** Where a hotspot lies as seen from the eye: yaw, pitch and angular radius in degrees. */
export interface HotspotAim {
  readonly yaw: number;
  readonly pitch: number;
  readonly radius: number;
}

const DEFAULT_ANGULAR_RADIUS = 10;
/** A 3D hotspot's radius in metres when the story gives none. */
export const DEFAULT_METRIC_RADIUS = 0.3;

/**
 * A hotspot's aim from an eye at `eye` (metres, scene space with the floor at y = 0): angular
 * hotspots are where they say; 3D hotspots are seen along the line from the eye to their position,
 * their radius in metres turned into the angle it covers at that distance.
 */
export function hotspotAim(
  h: { readonly yaw?: number | undefined; readonly pitch?: number | undefined; readonly position?: readonly [number, number, number] | undefined; readonly radius?: number | undefined },
  eye: Direction = { x: 0, y: SCREEN_EYE_HEIGHT, z: 0 },
): HotspotAim {
  if (!h.position) return { yaw: h.yaw ?? 0, pitch: h.pitch ?? 0, radius: h.radius ?? DEFAULT_ANGULAR_RADIUS };
  const d = { x: h.position[0] - eye.x, y: h.position[1] - eye.y, z: h.position[2] - eye.z };
  const distance = Math.max(Math.hypot(d.x, d.y, d.z), 1e-3);
  const metres = h.radius ?? DEFAULT_METRIC_RADIUS;
  const { yaw, pitch } = yawPitchFromDirection(d);
  return { yaw, pitch, radius: Math.min(90, Math.atan2(metres, distance) / RAD) };
}
