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
