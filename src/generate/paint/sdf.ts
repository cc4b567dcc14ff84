/** 2D shapes in local (tangent) units as signed distances, negative inside, and their anti-aliased coverage. */
import { clamp } from './maths';

export function sdBox(u: number, v: number, halfW: number, halfH: number): number {
  const dx = Math.abs(u) - halfW;
  const dy = Math.abs(v) - halfH;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0);
}

export function sdCircle(u: number, v: number, r: number): number {
  return Math.hypot(u, v) - r;
}

/** Distance to segment a-b (unsigned). */
export function sdSegment(u: number, v: number, ax: number, ay: number, bx: number, by: number): number {
  const px = u - ax;
  const py = v - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp((px * dx + py * dy) / (dx * dx + dy * dy || 1));
  return Math.hypot(px - dx * t, py - dy * t);
}

/** Distance to an open polyline given as flat [x0, y0, x1, y1, ...]. */
export function sdPolyline(u: number, v: number, pts: readonly number[]): number {
  let d = Infinity;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    d = Math.min(d, sdSegment(u, v, pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!));
  }
  return d;
}

/** Anti-aliased coverage of a shape from its signed distance; aa is one pixel in the same units. */
export function coverage(sd: number, aa: number): number {
  return clamp(0.5 - sd / aa);
}
