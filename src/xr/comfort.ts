/**
 * Comfort maths for headset viewers: snap turns, recentering and gaze-aligned cuts. Pure numbers,
 * no three or React. Yaw is in the film's degrees (0 straight ahead at -Z, positive to the right);
 * the viewer's rig (the XR origin) turns the whole tracked space, so
 * `world yaw of the head = rig yaw + head yaw in the tracked space`. Yaws come out wrapped into
 * [-180, 180) (the story's `wrapYaw`).
 */
import { DEG, wrapYaw } from '../story';

/** One snap turn, in degrees: the step seated viewers expect on Quest. */
export const SNAP_TURN_DEG = 30;
/** A thumbstick pushed past this (of 1) sideways is a flick... */
export const SNAP_TURN_PUSH = 0.6;
/** ...and it must come back inside this dead zone before the next flick counts. */
export const SNAP_TURN_DEAD_ZONE = 0.3;
/** How long a squeeze is held to recenter, in milliseconds. */
export const RECENTER_HOLD_MS = 1000;
/** A squeeze counts as held above this value (of 1). */
export const SQUEEZE_PRESSED = 0.7;

/**
 * Turns a thumbstick's sideways axis, sampled each frame, into snap turns: -1 (left) or 1 (right)
 * on the frame the stick is flicked past the push threshold, 0 otherwise. Holding the stick never
 * repeats the turn; it must return to the dead zone first (hysteresis, so a noisy stick near the
 * threshold cannot fire twice).
 */
export function createFlickDetector(push = SNAP_TURN_PUSH, deadZone = SNAP_TURN_DEAD_ZONE): (x: number) => -1 | 0 | 1 {
  let armed = true;
  return (x) => {
    const magnitude = Math.abs(x);
    if (!armed) {
      if (magnitude < deadZone) armed = true;
      return 0;
    }
    if (magnitude < push) return 0;
    armed = false;
    return x > 0 ? 1 : -1;
  };
}

/**
 * Reports once when a button has been held for `holdMs` without release: `update(pressed, nowMs)`
 * returns true on that frame only; a new hold needs a release first.
 */
export function createLongPress(holdMs = RECENTER_HOLD_MS): (pressed: boolean, nowMs: number) => boolean {
  let since: number | null = null;
  let fired = false;
  return (pressed, nowMs) => {
    if (!pressed) {
      since = null;
      fired = false;
      return false;
    }
    since ??= nowMs;
    if (fired || nowMs - since < holdMs) return false;
    fired = true;
    return true;
  };
}

/** The rig yaw that puts the scene's start direction in front of a head turned `headYaw` in the tracked space. */
export const recenterRigYaw = (startYaw: number, headYaw: number) => wrapYaw(startYaw - headYaw);

/**
 * The rig yaw after a gaze-aligned cut: the rig turns by however far the new scene's start
 * direction is from where the viewer looks (yaw only), so it lies right in front of them.
 */
export const gazeAlignedRigYaw = (rigYaw: number, startYaw: number, gazeWorldYaw: number) => wrapYaw(rigYaw + startYaw - gazeWorldYaw);

/** A point on the floor plane, in metres (x right, z back). */
export interface FloorPoint {
  x: number;
  z: number;
}

/**
 * Turns a horizontal offset in the tracked space by the rig's yaw into the world: positive yaw is
 * clockwise seen from above, a rotation of -yaw about +Y in three.js.
 */
export function rotateByRig(p: FloorPoint, rigYaw: number, out: FloorPoint = { x: 0, z: 0 }): FloorPoint {
  const a = -rigYaw * DEG;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const x = p.x * c + p.z * s;
  const z = -p.x * s + p.z * c;
  out.x = x;
  out.z = z;
  return out;
}

/**
 * Where the rig's origin goes so the head, at `headLocal` in the tracked space, stands at
 * `headWorld` once the rig is turned to `rigYaw`: turns pivot on the viewer's head, never swing
 * them around the room's origin.
 */
export function rigOriginFor(headWorld: FloorPoint, headLocal: FloorPoint, rigYaw: number, out: FloorPoint = { x: 0, z: 0 }): FloorPoint {
  rotateByRig(headLocal, rigYaw, out);
  out.x = headWorld.x - out.x;
  out.z = headWorld.z - out.z;
  return out;
}
