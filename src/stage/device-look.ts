import { Euler, Quaternion, Vector3 } from 'three';
import { DEG, type YawPitch } from '../story';

/** Where a phone's back camera would look, in the film's degrees, and how the phone is rolled. */
export interface DeviceLook extends YawPitch {
  /** Roll of the picture so the horizon stays level with the real one, degrees (the camera's Z rotation). */
  roll: number;
}

const _euler = new Euler();
const _q = new Quaternion();
const _screen = new Quaternion();
const _z = new Vector3(0, 0, 1);
// The camera looks out of the back of the phone, not out of its top edge.
const BACK_OF_PHONE = new Quaternion(-Math.sqrt(0.5), 0, 0, Math.sqrt(0.5));

/**
 * A `deviceorientation` reading (alpha, beta, gamma in degrees, W3C intrinsic Z-X'-Y'') and the
 * screen's orientation angle (`screen.orientation.angle`: 0 portrait, 90 when turned
 * anticlockwise to landscape, 270 clockwise) to the view it gives: the phone as a window onto the
 * scene. Yaw is relative to the sensor's own zero (compass north only where the reading is
 * absolute), so callers use its changes, never its value.
 */
export function deviceLook(alpha: number, beta: number, gamma: number, screenAngle: number, out: DeviceLook = { yaw: 0, pitch: 0, roll: 0 }): DeviceLook {
  // Earth frame (Z up) to three's (Y up): the reading as a Y-X-Z rotation, alpha about up.
  _euler.set(beta * DEG, alpha * DEG, -gamma * DEG, 'YXZ');
  _q.setFromEuler(_euler).multiply(BACK_OF_PHONE);
  // A landscape screen turns the picture back against the phone's turn.
  _q.multiply(_screen.setFromAxisAngle(_z, -screenAngle * DEG));
  _euler.setFromQuaternion(_q, 'YXZ');
  out.pitch = _euler.x / DEG;
  out.yaw = -_euler.y / DEG;
  out.roll = _euler.z / DEG;
  return out;
}
