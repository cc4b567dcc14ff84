/** A field of stars scattered evenly over the sky. */
import { DEG } from '../../story';
import { mix, paint } from './colour';
import { paintSubject, tangentFrame } from './frame';
import { lerp } from './maths';
import type { Panorama } from './panorama';

/**
 * Scatters stars uniformly on the sphere within a pitch range. visibility(yaw, pitch) fades them,
 * e.g. into a brightening dawn sky.
 */
export function stars(
  pano: Panorama,
  rng: () => number,
  opts: {
    count: number;
    minPitch?: number;
    maxPitch?: number;
    size?: number;
    brightness?: number;
    visibility?: (yaw: number, pitch: number) => number;
  },
): void {
  const lo = Math.sin((opts.minPitch ?? 0) * DEG);
  const hi = Math.sin((opts.maxPitch ?? 90) * DEG);
  const size = opts.size ?? 0.12;
  for (let i = 0; i < opts.count; i++) {
    // Uniform in sin(pitch) gives uniform density on the sphere, not bunching at the zenith.
    const pitch = Math.asin(lerp(lo, hi, rng())) / DEG;
    const yaw = rng() * 360 - 180;
    const mag = rng() ** 3;
    const temp = rng();
    const vis = (opts.visibility?.(yaw, pitch) ?? 1) * (opts.brightness ?? 1);
    if (vis <= 0.01) continue;
    const colour = temp < 0.3 ? mix([255, 255, 255], [170, 200, 255], temp / 0.3) : mix([255, 255, 255], [255, 225, 180], (temp - 0.3) / 0.7);
    const r = size * (0.7 + 1.8 * mag);
    const alpha = (0.35 + 0.65 * mag) * vis;
    paintSubject(pano, tangentFrame(yaw, pitch), r * 3, (u, v) => paint(colour, alpha * Math.exp(-(u * u + v * v) / (r * r))), 'add');
  }
}
