/**
 * Shared helpers for the film's motifs: seeding, painting in a unit tangent frame (the element's
 * radius is 1), a few extra signed distances, and the hues of emitted light from the brief.
 */
import {
  type BlendMode,
  type Paint,
  type Panorama,
  type RGB,
  type Sample,
  DEG,
  clamp,
  coverage,
  hash01,
  localOf,
  mix,
  paintSubject,
  scale,
  tangentFrame,
  wrapYaw,
} from '../../../paint';
import type { Element, SceneBrief } from '../../../pipeline';

/** A per-motif seed: the brief's seed combined with the motif's name (FNV-1a over the name). */
export function motifSeed(brief: SceneBrief, name: string): number {
  let h = (2166136261 ^ Math.imul(brief.seed | 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return h >>> 0;
}

/**
 * A shader in unit coordinates: (x, y) are tangent-frame degrees divided by the element's radius,
 * so the hotspot circle is x² + y² < 1; aa is one pixel in the same units.
 */
export type UnitShader = (x: number, y: number, aa: number, s: Sample) => Paint;

/** Paints a shader centred on the element; extent bounds |(x, y)| in radii (keep it under 2.4). */
export function drawUnit(pano: Panorama, el: Element, extent: number, fn: UnitShader, mode: BlendMode = 'normal', roll = 0): void {
  const frame = tangentFrame(el.yaw, el.pitch, roll);
  const R = el.radius;
  paintSubject(pano, frame, extent * R, (u, v, s) => fn(u / R, v / R, s.px / R, s), mode);
}

/** Colour of lamplight by the scene's tone. */
export function lampColour(brief: SceneBrief): RGB {
  return brief.lighting.tone === 'warm' ? [255, 184, 100] : [190, 222, 255];
}

/** Colour of the real daylight leaking in, by the scene's tone. */
export function daylightColour(brief: SceneBrief): RGB {
  return brief.lighting.tone === 'warm' ? [255, 234, 190] : [228, 242, 255];
}

/** Unit 2D direction, in the element's frame, towards the scene's key light (for rim light). */
export function keyDirection(el: Element, brief: SceneBrief): readonly [number, number] {
  const frame = tangentFrame(el.yaw, el.pitch);
  const k = brief.lighting.key;
  const l = localOf(frame, k.yaw, k.pitch);
  let dx: number;
  let dy: number;
  if (l && Math.hypot(l[0], l[1]) > 1e-6) [dx, dy] = l;
  else {
    dx = Math.sin(wrapYaw(k.yaw - el.yaw) * DEG);
    dy = (k.pitch - el.pitch) / 90;
  }
  const n = Math.hypot(dx, dy) || 1;
  return [dx / n, dy / n];
}

/** Foreshortening of a flat thing lying on the floor at the element's pitch (1 seen from above). */
export function floorSquash(el: Element): number {
  return Math.sin(clamp(-el.pitch, 8, 90) * DEG);
}

/** Signed distance to an ellipse with half-axes a, b (iq's first-order approximation). */
export function sdEllipse(x: number, y: number, a: number, b: number): number {
  const k0 = Math.hypot(x / a, y / b);
  const k1 = Math.hypot(x / (a * a), y / (b * b));
  return k0 < 1e-9 ? -Math.min(a, b) : (k0 * (k0 - 1)) / k1;
}

/** Signed distance to a closed polygon given as flat [x0, y0, x1, y1, ...]. */
export function sdPolygon(x: number, y: number, pts: readonly number[]): number {
  const n = pts.length / 2;
  let d = (x - pts[0]!) ** 2 + (y - pts[1]!) ** 2;
  let sign = 1;
  for (let i = 0, j = n - 1; i < n; j = i, i++) {
    const xi = pts[2 * i]!;
    const yi = pts[2 * i + 1]!;
    const ex = pts[2 * j]! - xi;
    const ey = pts[2 * j + 1]! - yi;
    const wx = x - xi;
    const wy = y - yi;
    const t = clamp((wx * ex + wy * ey) / (ex * ex + ey * ey || 1));
    const bx = wx - ex * t;
    const by = wy - ey * t;
    d = Math.min(d, bx * bx + by * by);
    const c1 = y >= yi;
    const c2 = y < yi + ey;
    const c3 = ex * wy > ey * wx;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
  }
  return sign * Math.sqrt(d);
}

/** Four-pointed glint: 0..1, two thin crossing diamonds plus a soft core. */
export function glint(dx: number, dy: number, r: number): number {
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  const spikes = Math.min(ax / r + ay / (r * 0.12), ay / r + ax / (r * 0.12));
  return clamp(clamp(1 - spikes) * 1.5 + 0.8 * Math.exp(-(ax * ax + ay * ay) / (r * r * 0.04)));
}

/** Running-bond brick (or block) courses in unit coordinates, joints anti-aliased. */
export function bricks(
  x: number,
  y: number,
  aa: number,
  grit: number,
  o: { h: number; w: number; colour: RGB; mortar: RGB; seed: number; joint?: number; vary?: RGB },
): RGB {
  const row = Math.floor(y / o.h);
  const fy = y / o.h - row;
  const along = x / o.w + (row & 1) * 0.5;
  const col = Math.floor(along);
  const fx = along - col;
  const m = (o.joint ?? 0.08) * o.h;
  const j = Math.max(coverage(Math.min(fx, 1 - fx) * o.w - m, aa), coverage(Math.min(fy, 1 - fy) * o.h - m, aa));
  const tone = 0.78 + 0.36 * hash01(row, col, 1, o.seed);
  const hue = o.vary ? mix(o.colour, o.vary, hash01(row, col, 2, o.seed) ** 2) : o.colour;
  // A darker lower lip on each brick so the courses read as relief.
  const lip = fy < 0.22 ? 0.82 : 1;
  return mix(scale(hue, tone * grit * lip), o.mortar, j);
}

/** A soft drop shadow paint from a signed distance (outside the shape, fading over width). */
export function shadowPaint(sd: number, width: number, strength = 0.5): Paint {
  if (sd >= width) return null;
  const a = strength * (sd <= 0 ? 1 : (1 - sd / width) ** 2);
  return a > 0.002 ? [6, 7, 10, a] : null;
}
