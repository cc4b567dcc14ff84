/**
 * The rooftop scene's splat world: shards of dome glass hanging in the air around the viewer on the
 * catwalk, with a faint dust of sparkles between them.
 *
 * Each shard is a thin, jagged, slightly curved pane of glass made of many small flat splats lying
 * in its plane: pale cyan to white, semi-transparent, its broken edges picked out in warm rim light
 * (the daylight of the seam ahead-up at yaw 0, pitch 40 catching the glass). Shards facing so that
 * the seam's light would glance off them toward the viewer glint brighter.
 *
 * Space is the player's own: metres, y up, floor at 0, eye at (0, 1.6, 0), -z ahead (yaw 0). Every
 * splat keeps more than `CLEAR_RADIUS` from the eye, and shard centres lie 1.5–6 m from it, more of
 * them ahead than behind. Deterministic from the seed (mulberry32).
 */
import { SCREEN_EYE_HEIGHT, unitVectorOf } from '../../../../story';
import { mulberry32 } from '../../../paint';
import type { Splat } from '../../../geometry/splat-formats';

export const EYE: readonly [number, number, number] = [0, SCREEN_EYE_HEIGHT, 0];
/** No splat comes closer to the eye than this, metres. */
export const CLEAR_RADIUS = 1;
/** Shard centres lie this far from the eye, metres. */
export const SHARD_DISTANCE = { min: 1.5, max: 6 } as const;
export const SHARD_COUNT = 320;
const DUST_COUNT = 4200;

type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scaled = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const normalize = (a: Vec3): Vec3 => scaled(a, 1 / Math.hypot(...a));
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const mix = (a: Vec3, b: Vec3, t: number): Vec3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
/** Rounded to what the file formats keep, so bytes do not hinge on the last float bit. */
const r5 = (v: number) => Math.round(v * 1e5) / 1e5;

/** The seam of daylight the shards catch: ahead and up. */
const seam = unitVectorOf(0, 40);
const KEY: Vec3 = [seam.x, seam.y, seam.z];

/** Quaternion [w, x, y, z] of the rotation whose matrix has columns u, v, n (orthonormal, right-handed). */
function basisQuaternion(u: Vec3, v: Vec3, n: Vec3): Quat {
  const [m00, m10, m20] = u;
  const [m01, m11, m21] = v;
  const [m02, m12, m22] = n;
  const trace = m00 + m11 + m22;
  let q: Quat;
  if (trace > 0) {
    const s = Math.sqrt(trace + 1) * 2;
    q = [0.25 * s, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s];
  } else if (m00 > m11 && m00 > m22) {
    const s = Math.sqrt(1 + m00 - m11 - m22) * 2;
    q = [(m21 - m12) / s, 0.25 * s, (m01 + m10) / s, (m02 + m20) / s];
  } else if (m11 > m22) {
    const s = Math.sqrt(1 + m11 - m00 - m22) * 2;
    q = [(m02 - m20) / s, (m01 + m10) / s, 0.25 * s, (m12 + m21) / s];
  } else {
    const s = Math.sqrt(1 + m22 - m00 - m11) * 2;
    q = [(m10 - m01) / s, (m02 + m20) / s, (m12 + m21) / s, 0.25 * s];
  }
  const len = Math.hypot(...q);
  const sign = q[0] < 0 ? -1 : 1;
  return q.map((c) => r5((c / len) * sign)) as Quat;
}

/** A random unit vector. */
function randomUnit(rand: () => number): Vec3 {
  const z = rand() * 2 - 1;
  const a = rand() * Math.PI * 2;
  const r = Math.sqrt(1 - z * z);
  return [r * Math.cos(a), r * Math.sin(a), z];
}

/** Where a shard floats: 1.5–6 m from the eye, more of them ahead (-z) and around the seam. */
function shardCentre(rand: () => number): Vec3 {
  for (;;) {
    const d = randomUnit(rand);
    // Ahead is favoured: accept with a weight rising toward -z (3:1 ahead to behind), and a little
    // more toward the seam up ahead.
    const ahead = -d[2];
    const weight = (0.25 + 0.75 * (0.5 + 0.5 * ahead) ** 1.5) * (0.8 + 0.2 * Math.max(0, dot(d, KEY)));
    if (rand() > weight) continue;
    // Distance: more of them near the middle of the band, so the cloud has depth both ways.
    const t = (rand() + rand() + rand()) / 3;
    const r = SHARD_DISTANCE.min + 0.15 + t * (SHARD_DISTANCE.max - SHARD_DISTANCE.min - 0.3);
    const p = add(EYE as Vec3, scaled(d, r));
    // Above the catwalk's floor, and not far below it (the catwalk is narrow: a few hang beside it).
    if (p[1] < 0.25 && Math.abs(p[0]) < 1.2) continue;
    if (p[1] < -1.2) continue;
    return p;
  }
}

/** A jagged shard outline: a convex-ish polygon of 3–6 corners, radii `size`, in the unit plane. */
function outline(rand: () => number, size: number): Array<[number, number]> {
  const corners = 3 + Math.floor(rand() * 4);
  const elongation = 1 + rand() * 1.6;
  const start = rand() * Math.PI * 2;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < corners; i++) {
    const a = start + ((i + 0.2 + rand() * 0.6) / corners) * Math.PI * 2;
    const r = size * (0.45 + rand() * 0.55);
    points.push([Math.cos(a) * r * elongation, Math.sin(a) * r / elongation]);
  }
  return points;
}

/** Whether (x, y) lies inside the polygon (even-odd). */
function inside(poly: ReadonlyArray<[number, number]>, x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Distance from (x, y) to the polygon's outline. */
function edgeDistance(poly: ReadonlyArray<[number, number]>, x: number, y: number): number {
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j]!;
    const [bx, by] = poly[i]!;
    const ex = bx - ax;
    const ey = by - ay;
    const t = clamp01(((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey));
    best = Math.min(best, Math.hypot(x - ax - t * ex, y - ay - t * ey));
  }
  return best;
}

const GLASS_PALE: Vec3 = [0.72, 0.9, 0.96];
const GLASS_WHITE: Vec3 = [0.93, 0.97, 1];
const GLASS_DEEP: Vec3 = [0.42, 0.66, 0.78];
const RIM_WARM: Vec3 = [1, 0.78, 0.46];
const RIM_HOT: Vec3 = [1, 0.93, 0.78];

function shard(rand: () => number, out: Splat[]): void {
  const centre = shardCentre(rand);
  const toEye = normalize([EYE[0] - centre[0], EYE[1] - centre[1], EYE[2] - centre[2]]);
  // Orientation: random, but turned a little toward the viewer so fewer shards are seen edge-on.
  let n = normalize(add(randomUnit(rand), scaled(toEye, 0.6)));
  if (dot(n, toEye) < 0) n = scaled(n, -1);
  const helper: Vec3 = Math.abs(n[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  const u = normalize(cross(helper, n));
  const v = cross(n, u);
  const q = basisQuaternion(u, v, n);

  // Bigger shards farther away keep their apparent size; a few large panes among many small ones.
  const distance = dist(centre, EYE);
  const size = (0.07 + rand() ** 2.2 * 0.3) * (0.75 + distance / 8);
  const poly = outline(rand, size);
  // A pane of the dome is curved: bow the shard a little along u.
  const bow = (rand() - 0.5) * 0.5;

  // How the seam's light meets this shard: a glint when its mirror direction points at the viewer.
  const mirror = normalize(add(scaled(n, 2 * dot(KEY, n)), scaled(KEY, -1)));
  const glint = clamp01(dot(mirror, toEye)) ** 6;
  const facing = Math.abs(dot(n, KEY));
  const tint = rand();
  const base = mix(mix(GLASS_DEEP, GLASS_PALE, 0.35 + 0.65 * tint), GLASS_WHITE, 0.25 * facing + 0.6 * glint);
  const veil = 0.16 + 0.1 * facing + 0.3 * glint;

  // Fill: a jittered grid in the shard's plane, spacing so a shard has roughly 60–220 splats.
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const area = (x1 - x0) * (y1 - y0);
  const spacing = Math.max(0.008, Math.sqrt(area / 125));
  const place = (x: number, y: number): Vec3 => {
    const lift = bow * (x * x + y * y) / Math.max(size, 0.01);
    return add(centre, add(add(scaled(u, x), scaled(v, y)), scaled(n, lift)));
  };
  const push = (position: Vec3, sx: number, sy: number, color: Vec3, opacity: number) => {
    if (dist(position, EYE) <= CLEAR_RADIUS + 0.05) return;
    out.push({
      position: position.map(r5) as Vec3,
      scale: [r5(sx), r5(sy), r5(Math.max(0.0006, Math.min(sx, sy) * 0.06))],
      rotation: q,
      color: color.map((c) => r5(clamp01(c))) as Vec3,
      opacity: r5(clamp01(opacity)),
    });
  };
  for (let y = y0 + spacing / 2; y < y1; y += spacing)
    for (let x = x0 + spacing / 2; x < x1; x += spacing) {
      const jx = x + (rand() - 0.5) * spacing * 0.7;
      const jy = y + (rand() - 0.5) * spacing * 0.7;
      if (!inside(poly, jx, jy)) continue;
      const edge = edgeDistance(poly, jx, jy) / size;
      // Thicker glass toward the edges reads a little denser; a streak of sheen across the pane.
      const sheen = Math.max(0, 1 - Math.abs((jx * 0.6 + jy) / size - 0.2) * 2.2) * (0.4 + 0.6 * facing);
      const color = mix(base, GLASS_WHITE, 0.5 * sheen);
      const opacity = veil + 0.14 * Math.max(0, 0.25 - edge) * 4 + 0.22 * sheen + (rand() - 0.5) * 0.05;
      push(place(jx, jy), spacing * 0.62, spacing * 0.62, color, opacity);
    }
  // Rim: the broken edges catch the warm light of the seam, in thin splats laid along each side.
  // Each side is lit on its own: a few glow warm, the rest stay faint glass edges.
  const warmth = 0.35 + 0.65 * facing;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j]!;
    const [bx, by] = poly[i]!;
    const length = Math.hypot(bx - ax, by - ay);
    const ex: Vec3 = normalize(add(scaled(u, bx - ax), scaled(v, by - ay)));
    const edgeQ = basisQuaternion(ex, cross(n, ex), n);
    const step = spacing * 0.5;
    const steps = Math.max(3, Math.round(length / step));
    const lit = clamp01(rand() ** 1.6 * warmth * 1.3 + 0.6 * glint);
    const faint = lit < 0.3;
    for (let k = 0; k < steps; k++) {
      const t = (k + 0.5) / steps;
      // Brightest mid-side, fading toward the corners, with a flicker along it.
      const along = Math.sin(Math.PI * t) ** 0.5 * (0.8 + 0.4 * rand());
      const hot = clamp01((lit - 0.6) * 2.5 * along);
      const color = mix(mix(GLASS_WHITE, RIM_WARM, faint ? 0.15 : clamp01(lit * 1.2)), RIM_HOT, hot);
      const position = place(ax + (bx - ax) * t, ay + (by - ay) * t);
      if (dist(position, EYE) <= CLEAR_RADIUS + 0.05) continue;
      out.push({
        position: position.map(r5) as Vec3,
        scale: [r5(step * 0.75), r5(Math.max(0.0015, spacing * 0.16)), r5(0.0008)],
        rotation: edgeQ,
        color: color.map((c) => r5(clamp01(c))) as Vec3,
        opacity: r5(clamp01((faint ? 0.22 : 0.3 + 0.6 * lit) * along)),
      });
    }
  }
}

/** Sparkle dust: tiny bright points hanging between the shards, warm near the seam, cool elsewhere. */
function dust(rand: () => number, out: Splat[]): void {
  for (let i = 0; i < DUST_COUNT; ) {
    const d = randomUnit(rand);
    const r = 1.25 + rand() ** 0.8 * 6.5;
    const p = add(EYE as Vec3, scaled(d, r));
    if (p[1] < -1.5 || (p[1] < 0.1 && Math.abs(p[0]) < 1.2)) continue;
    // Denser ahead and in the seam's light.
    if (rand() > 0.35 + 0.4 * (0.5 - 0.5 * d[2]) + 0.25 * Math.max(0, dot(d, KEY))) continue;
    i++;
    const seam = Math.max(0, dot(d, KEY)) ** 2;
    const bright = rand() < 0.12;
    const color = mix(mix([0.7, 0.85, 1], [1, 0.85, 0.62], seam), [1, 1, 1], bright ? 0.6 : 0);
    const s = (bright ? 0.007 : 0.0035) * (0.7 + rand() * 0.6) * (0.8 + r / 10);
    out.push({
      position: p.map(r5) as Vec3,
      scale: [r5(s), r5(s), r5(s)],
      rotation: [1, 0, 0, 0],
      color: color.map((c) => r5(clamp01(c))) as Vec3,
      opacity: r5((bright ? 0.85 : 0.45) * (0.6 + 0.4 * rand())),
    });
  }
}

export function shardCloud(seed: number): Splat[] {
  const rand = mulberry32(seed ^ 0x5a4d);
  const splats: Splat[] = [];
  for (let i = 0; i < SHARD_COUNT; i++) shard(rand, splats);
  dust(rand, splats);
  return splats;
}
