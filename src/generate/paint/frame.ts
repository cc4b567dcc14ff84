/** Local tangent frames: flat shapes drawn facing the viewer, undistorted in any perspective view. */
import { type YawPitch, DEG } from '../../story';
import { type BlendMode, type Paint, type Panorama, type Sample, type Vec3, painterVector, painterYawPitch } from './panorama';
import { shadeCap } from './shade';

export interface Frame {
  readonly f: Vec3;
  readonly r: Vec3;
  readonly u: Vec3;
}

/** Frame centred on yaw/pitch: r points to increasing yaw, u to increasing pitch; roll turns it clockwise. */
export function tangentFrame(yaw: number, pitch: number, roll = 0): Frame {
  const Y = yaw * DEG;
  const P = pitch * DEG;
  const f = painterVector(yaw, pitch);
  const r0: Vec3 = [Math.cos(Y), 0, -Math.sin(Y)];
  const u0: Vec3 = [-Math.sin(P) * Math.sin(Y), Math.cos(P), -Math.sin(P) * Math.cos(Y)];
  if (roll === 0) return { f, r: r0, u: u0 };
  const c = Math.cos(roll * DEG);
  const s = Math.sin(roll * DEG);
  return {
    f,
    r: [r0[0] * c - u0[0] * s, r0[1] * c - u0[1] * s, r0[2] * c - u0[2] * s],
    u: [u0[0] * c + r0[0] * s, u0[1] * c + r0[1] * s, u0[2] * c + r0[2] * s],
  };
}

/**
 * Gnomonic (rectilinear) coordinates of a direction in a frame, scaled so one unit is one degree
 * at the centre. Straight lines in 3D stay straight, which is what a headset view shows.
 */
export function toLocal(frame: Frame, vx: number, vy: number, vz: number): readonly [number, number] | null {
  const { f, r, u } = frame;
  const df = vx * f[0] + vy * f[1] + vz * f[2];
  if (df <= 1e-6) return null;
  return [(vx * r[0] + vy * r[1] + vz * r[2]) / df / DEG, (vx * u[0] + vy * u[1] + vz * u[2]) / df / DEG];
}

export function localOf(frame: Frame, yaw: number, pitch: number): readonly [number, number] | null {
  const v = painterVector(yaw, pitch);
  return toLocal(frame, v[0], v[1], v[2]);
}

/** Yaw/pitch of local coordinates (inverse of toLocal). */
export function fromLocal(frame: Frame, lu: number, lv: number): YawPitch {
  const { f, r, u } = frame;
  const a = lu * DEG;
  const b = lv * DEG;
  return painterYawPitch([f[0] + r[0] * a + u[0] * b, f[1] + r[1] * a + u[1] * b, f[2] + r[2] * a + u[2] * b]);
}

export type LocalShader = (u: number, v: number, s: Sample) => Paint;

/**
 * Paints a subject in the tangent frame centred at (yaw, pitch): the shader gets local (u, v) with
 * v up; extent bounds the largest |(u, v)| the shader can draw, so only nearby pixels are visited.
 */
export function paintSubject(
  pano: Panorama,
  frame: Frame,
  extent: number,
  fn: LocalShader,
  mode: BlendMode = 'normal',
): void {
  const centre = painterYawPitch(frame.f);
  const radius = Math.atan(extent * DEG) / DEG;
  shadeCap(
    pano,
    centre,
    radius,
    (s) => {
      const l = toLocal(frame, s.vx, s.vy, s.vz);
      return l ? fn(l[0], l[1], s) : null;
    },
    mode,
  );
}
