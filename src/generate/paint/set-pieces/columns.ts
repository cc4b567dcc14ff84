/** Set piece: round columns standing in a circle around the viewer. */
import { DEG, wrapYaw } from '../../../story';
import { paint, scale } from '../colour';
import { clamp } from '../maths';
import type { Panorama, RGB } from '../panorama';
import { shadeRect } from '../shade';

/**
 * Round columns standing in a circle around the viewer. Seen from the centre a column is a
 * vertical strip of constant yaw width, shaded as a cylinder with a lit side.
 */
export function columns(
  pano: Panorama,
  opts: {
    yaws: readonly number[];
    width: number;
    bottomPitch: number;
    topPitch: number;
    colour: RGB;
    /** Brightness multiplier at a direction, so columns share the scene's lighting. */
    light?: (yaw: number, pitch: number) => number;
    /** Yaw of the key light, to decide which side of each column is lit. */
    lightYaw?: number;
  },
): void {
  const half = opts.width / 2;
  const capH = opts.width * 0.55;
  for (const cy of opts.yaws) {
    const side = Math.sign(Math.sin(((opts.lightYaw ?? cy + 90) - cy) * DEG)) || 1;
    shadeRect(pano, cy - half * 1.5, cy + half * 1.5, opts.bottomPitch, opts.topPitch, (s) => {
      const inCap = s.pitch > opts.topPitch - capH || s.pitch < opts.bottomPitch + capH * 0.8;
      const hw = inCap ? half * 1.4 : half;
      const dyaw = wrapYaw(s.yaw - cy);
      const alpha = clamp((hw - Math.abs(dyaw)) / s.px + 0.5);
      if (alpha <= 0) return null;
      const t = clamp(dyaw / hw, -1, 1);
      const nz = Math.sqrt(1 - t * t);
      // Lambert on a cylinder, plus shallow fluting so the shaft reads as carved stone.
      let k = 0.35 + 0.65 * clamp(nz * 0.7 + t * side * 0.45);
      if (!inCap) k *= 0.93 + 0.07 * Math.cos(t * Math.PI * 7);
      else k *= 1.08;
      const l = opts.light?.(s.yaw, s.pitch) ?? 1;
      return paint(scale(opts.colour, k * l), alpha);
    });
  }
}
