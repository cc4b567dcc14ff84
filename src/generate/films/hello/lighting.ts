/** How the recipes light their scenes: soft pools of light round a direction, then a grade from the script. */
import {
  DEG,
  type YawPitch,
  type Panorama,
  type Sample,
  type Vec3,
  adjustGamma,
  clamp,
  painterVector,
  dot,
  grain,
  splitTone,
} from '../../paint';
import type { SceneScript } from './story';

/** Light level at a direction, as the recipes pass it to their painters. */
export type Light = (yaw: number, pitch: number) => number;

/** Cosine of the angle between a unit vector and a pixel's direction. */
export function cosTo(v: Vec3, s: Sample): number {
  return v[0] * s.vx + v[1] * s.vy + v[2] * s.vz;
}

/** Angular falloff around a direction: 1 at the centre, about 1/e at `width` degrees. */
export function falloff(cos: number, width: number): number {
  const a = Math.acos(clamp(cos, -1, 1)) / DEG / width;
  return Math.exp(-a * a);
}

export function lightAt(d: YawPitch, width: number): Light {
  const c = painterVector(d.yaw, d.pitch);
  return (yaw, pitch) => falloff(dot(painterVector(yaw, pitch), c), width);
}

/** Luminance-preserving tint that implements the script's lighting and emotion. */
export function gradeForScript(pano: Panorama, script: SceneScript | undefined, seed: number): void {
  const tone = script?.lighting?.tone;
  const coolShare = script?.lighting?.coolShare ?? (tone === 'cool' ? 0.7 : tone === 'warm' ? 0.3 : 0.5);
  splitTone(pano, { shadows: [60, 110, 200], highlights: [255, 175, 95], balance: coolShare, amount: 0.35 });
  // Suspense sinks the mid-tones so highlights stand out; wonder opens them up.
  const gamma = script?.emotion === 'suspense' ? 1.08 : script?.emotion === 'wonder' ? 0.94 : 1;
  adjustGamma(pano, gamma);
  grain(pano, seed, 2.5);
}
