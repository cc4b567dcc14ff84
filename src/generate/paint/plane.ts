/** Horizontal planes (floors, ceilings) painted in metres. */
import { DEG } from '../../story';
import type { BlendMode, Paint, Panorama, Sample } from './panorama';
import { shadeBand } from './shade';

/**
 * Paints a horizontal plane below (height < 0) or above the eye. The shader gets plane coordinates
 * in metres (x right of yaw 0, z towards yaw 0), the distance along the ray, and the size of one
 * pixel on the plane so patterns can fade out before they alias.
 */
export function paintPlane(
  pano: Panorama,
  height: number,
  fn: (px: number, pz: number, dist: number, footprint: number, s: Sample) => Paint,
  opts: { pitchLimit?: number; mode?: BlendMode } = {},
): void {
  const below = height < 0;
  const limit = opts.pitchLimit ?? 0;
  const [lo, hi] = below ? [-90, limit] : [limit, 90];
  shadeBand(
    pano,
    lo,
    hi,
    (s) => {
      if (below ? s.vy >= -1e-4 : s.vy <= 1e-4) return null;
      const t = height / s.vy;
      const footprint = (t * s.px * DEG) / Math.max(0.05, Math.abs(s.vy));
      return fn(s.vx * t, s.vz * t, t, footprint, s);
    },
    opts.mode ?? 'normal',
  );
}
