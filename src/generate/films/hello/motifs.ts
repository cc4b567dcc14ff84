/** Shapes and surfaces that more than one scene paints: compass roses, round stone walls, arched openings. */
import { type Noise3, type RGB, type Sample, DEG, coverage, fbm, hash01, lerp, scale, sdBox, sdCircle } from '../../paint';

/**
 * Outline radius of an eight-pointed compass rose at angle ang (radians, 0 = yaw 0): long points
 * on the four main directions, short ones on the diagonals, sharp valleys between.
 */
export function compassRadius(ang: number, long: number, short: number, waist: number): number {
  const phase = (((ang / (Math.PI / 2)) % 1) + 1) % 1;
  const m = Math.min(phase, 1 - phase) * 2; // 0 on a main point, 1 on a diagonal
  return m < 0.5 ? lerp(long, waist, m * 2) : lerp(waist, short, (m - 0.5) * 2);
}

/** Stone masonry on a round wall: courses at equal heights, staggered joints, per-block tone. */
export function masonry(
  s: Sample,
  noise: Noise3,
  o: { radius: number; eye: number; course: number; block: number; colour: RGB; seed: number },
): RGB {
  const h = o.eye + o.radius * Math.tan(s.pitch * DEG);
  const course = Math.floor(h / o.course);
  const fh = h / o.course - course;
  const blocks = Math.round((2 * Math.PI * o.radius) / o.block);
  const along = ((s.yaw + 180) / 360) * blocks + (course % 2) * 0.5;
  const blk = Math.floor(along);
  const fa = along - blk;
  const footprint = (o.radius * s.px * DEG) / o.block;
  const joint = Math.max(
    coverage(Math.min(fa, 1 - fa) - 0.02, footprint),
    coverage(Math.min(fh, 1 - fh) * (o.course / o.block) - 0.02, footprint),
  );
  const tone = 0.82 + 0.3 * hash01(course, blk % blocks, 0, o.seed);
  const grit = 0.85 + 0.3 * fbm(noise, s.vx * 9, s.vy * 9, s.vz * 9, 3);
  return scale(o.colour, tone * grit * (1 - 0.5 * joint));
}

/**
 * Signed distance (local units) to a round-headed arch: straight jambs halfW apart rising from
 * `bottom` to `spring`, closed by a semicircle. Negative inside the opening.
 */
export function archOpening(u: number, v: number, halfW: number, bottom: number, spring: number): number {
  return Math.min(sdBox(u, v - (bottom + spring) / 2, halfW, (spring - bottom) / 2), sdCircle(u, v - spring, halfW));
}
