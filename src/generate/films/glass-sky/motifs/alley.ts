/** Alley: a great curved shard of fallen dome glass on the ground, and an eye looking up painted on a wall. */
import {
  type Paint,
  type RGB,
  add,
  clamp,
  coverage,
  createNoise3,
  fbm,
  hash01,
  mix,
  mulberry32,
  over,
  paint,
  scale,
  sdCircle,
  sdSegment,
  smoothstep,
} from '../../../paint';
import type { Motif } from '../../../pipeline';
import { bricks, daylightColour, drawUnit, floorSquash, glint, keyDirection, motifSeed, sdPolygon, shadowPaint } from './common';

/** A curved shard of dome glass lying on the ground, a strip of lattice still on its edge, catching the light. */
export const glassShard: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'glass-shard');
  const rng = mulberry32(seed);
  const day = daylightColour(brief);
  const fs = floorSquash(el);
  // Ground-plan coordinates: y is stretched back by 1/fs so the shard lies flat in perspective.
  const jag = (pts: number[]) => pts.map((p, i) => (i < 4 ? p : p + (rng() - 0.5) * 0.07));
  const poly = jag([
    -1.05, -1.3, 1.0, -1.3, 0.82, -0.5, 0.62, -0.28, 0.58, 0.2, 0.36, 0.42, 0.3, 0.86, 0.14, 1.22, -0.04, 0.78, -0.22, 0.52, -0.46, 0.22,
    -0.6, 0.04, -0.84, -0.3, -0.98, -0.46,
  ]);
  const C = [0.1, 2.5] as const;
  const Ra = 3.3;
  const bits = Array.from({ length: 7 }, () => {
    const a = rng() * Math.PI * 2;
    const r = 1.05 + rng() * 0.35;
    const bx = Math.cos(a) * r;
    const by = (Math.sin(a) * r) / fs;
    const s = 0.05 + rng() * 0.06;
    const tri: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t = a + k * 2.1 + rng() * 0.8;
      tri.push(bx + Math.cos(t) * s * (0.6 + rng()), by + Math.sin(t) * s * (0.6 + rng()) * 1.6);
    }
    return { tri, gx: bx, gy: by, tw: rng() };
  });
  const shardSd = (gx: number, gy: number) => {
    const arc = Math.hypot(gx - C[0], gy - C[1]) - Ra;
    return { sd: Math.max(arc, sdPolygon(gx, gy, poly)), inArc: -arc };
  };
  drawUnit(pano, el, 1.7, (x, y, aa) => {
    const gx = x;
    const gy = y / fs + 0.05;
    const gaa = aa / Math.sqrt(fs);
    const { sd, inArc } = shardSd(gx, gy);
    // Shadow and the caustic the curved glass focuses beside it.
    const sh = shardSd(gx - 0.07, gy + 0.12);
    const shadow = shadowPaint(sh.sd, 0.12, 0.45);
    const caustic = sh.sd < 0.02 ? paint(day, 0.55 * Math.exp(-Math.abs(sh.inArc - 0.2) / 0.05) * coverage(sh.sd, gaa)) : null;
    let bitsPaint: Paint = null;
    for (const b of bits) {
      const d = sdPolygon(gx, gy, b.tri);
      if (d < 0.03) {
        const gl = glint(gx - b.gx, (gy - b.gy) * fs, 0.12) * b.tw;
        bitsPaint = over(paint(add([150, 200, 215], day, 0.4 * b.tw), 0.75 * coverage(d, gaa) + 0.2 * gl), bitsPaint);
      }
    }
    if (sd > 0.01) return over(bitsPaint, caustic, shadow);
    const a = coverage(sd, gaa);
    // The glass: sky reflected across a curved surface, a bright band where the curve turns.
    const t = clamp(inArc / 2);
    let c: RGB = mix([40, 78, 92], [150, 205, 222], smoothstep(0.05, 0.9, t));
    c = add(c, day, 0.75 * Math.exp(-(((inArc - 0.42) / 0.09) ** 2)) + 0.25 * Math.exp(-(((inArc - 1.15) / 0.2) ** 2)));
    c = add(c, [20, 40, 60], 0.3 * Math.sin(gx * 3 + gy * 1.5) ** 2);
    // Bright broken edges (glass thickness) and the lattice strip along the curved edge.
    const edge = coverage(sd + 0.025, gaa);
    c = mix(c, add([190, 235, 245], day, 0.2), (1 - edge) * 0.9);
    if (inArc < 0.12) {
      const bar = inArc / 0.12;
      let metal: RGB = scale([130, 98, 52], 0.6 + 0.6 * Math.sin(bar * Math.PI));
      const along = Math.atan2(gx - C[0], -(gy - C[1])) * Ra;
      const rivet = Math.hypot(((along % 0.22) + 0.22) % 0.22 - 0.11, inArc - 0.06) - 0.022;
      metal = mix(metal, [220, 190, 120], coverage(rivet, gaa));
      c = mix(c, metal, coverage(-inArc + 0.005, gaa));
    }
    // Glints at the tip and a corner.
    const g1 = glint(x - 0.14, y - (1.2 - 0.05) * fs, 0.22);
    const g2 = glint(x + 0.95, y + (0.46 + 0.05) * fs, 0.14);
    c = add(c, [255, 255, 255], g1 + g2 * 0.7);
    return over(paint(c, a * 0.92), bitsPaint, caustic, shadow);
  });
};

/** A chalk-and-paint eye looking up, drawn on a whitewashed patch of wall, with rays rising and drips. */
export const eyeGraffiti: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'eye-graffiti');
  const noise = createNoise3(seed);
  const [kx, ky] = keyDirection(el, brief);
  const chalk: RGB = [238, 240, 230];
  const iris: RGB = [60, 160, 235];
  const Rr = 0.961;
  const cc = 0.601;
  const ey = -0.08;
  const lashes = Array.from({ length: 7 }, (_, i) => {
    const t = ((i + 0.5) / 7) * 2 - 1;
    const lx = t * 0.62;
    const ly = ey + Math.sqrt(Rr * Rr - lx * lx) - cc;
    const nx = lx;
    const ny = ly - ey + cc;
    const n = Math.hypot(nx, ny);
    return [lx, ly, lx + (nx / n) * 0.13, ly + (ny / n) * 0.13] as const;
  });
  const rays = Array.from({ length: 5 }, (_, i) => {
    const a = Math.PI / 2 + (i - 2) * 0.32;
    return [Math.cos(a) * 0.58, ey + Math.sin(a) * 0.58, Math.cos(a) * 0.95, ey + Math.sin(a) * 0.95] as const;
  });
  const drips = [-0.32, 0.05, 0.4].map((dx, i) => ({ x: dx, y0: ey - Math.sqrt(Rr * Rr - dx * dx) + cc, len: 0.2 + 0.15 * hash01(i, 3, 0, seed) }));
  drawUnit(pano, el, 1.4, (x, y, aa) => {
    // Whitewash patch, peeling to brick at its ragged edge.
    const ragged = Math.hypot(x * 0.92, y * 0.85) + 0.18 * (fbm(noise, x * 2.5, y * 2.5, 0.7, 4) - 0.5);
    const wallA = smoothstep(1.25, 1.12, ragged);
    if (wallA <= 0) return null;
    const grit = 0.85 + 0.3 * fbm(noise, x * 30, y * 30, 2.1, 2);
    const brick = bricks(x, y, aa, grit, { h: 0.1, w: 0.24, colour: [96, 62, 50], mortar: [52, 48, 46], seed, vary: [74, 70, 68] });
    const wash = scale([120, 126, 128], 0.82 + 0.3 * fbm(noise, x * 5, y * 5, 3.3, 4));
    const peel = smoothstep(0.98, 1.06, ragged) + smoothstep(0.7, 0.74, fbm(noise, x * 3.5, y * 3.5, 9.1, 3));
    let c = mix(wash, brick, clamp(peel));
    c = scale(c, 0.85 + 0.2 * (x * kx + y * ky));
    // Strokes, with a chalky broken texture.
    const tex = 0.7 + 0.3 * fbm(noise, x * 70, y * 70, 5.5, 2);
    const wob = 0.008 * (noise(x * 9, y * 9, 1.1) - 0.5);
    const yy = y - ey;
    const upper = Math.hypot(x, yy + cc) - Rr;
    const lower = Math.hypot(x, yy - cc) - Rr;
    const almond = Math.max(upper, lower);
    const outline = Math.abs(almond + wob) - 0.03;
    let lash = Infinity;
    for (const l of lashes) lash = Math.min(lash, sdSegment(x, y, l[0], l[1], l[2], l[3]) - 0.022);
    let ray = Infinity;
    for (const r of rays) ray = Math.min(ray, sdSegment(x, y, r[0], r[1], r[2], r[3]) - 0.026);
    let drip = Infinity;
    for (const d of drips) drip = Math.min(drip, sdSegment(x, y, d.x, d.y0, d.x, d.y0 - d.len) - 0.018, sdCircle(x - d.x, y - d.y0 + d.len, 0.03));
    // Iris pushed up under the upper lid: the eye looks up.
    const irisD = Math.max(sdCircle(x, yy - 0.13, 0.27), almond);
    const pupil = Math.max(sdCircle(x, yy - 0.16, 0.12), almond);
    const high = sdCircle(x + 0.06, yy - 0.22, 0.04);
    const white = Math.max(almond, -irisD);
    c = mix(c, mix(c, chalk, 0.35), coverage(white, aa) * tex);
    c = mix(c, iris, coverage(irisD, aa) * tex);
    c = mix(c, [14, 18, 30], coverage(pupil, aa));
    c = mix(c, chalk, coverage(high, aa));
    c = mix(c, chalk, coverage(Math.min(outline, lash, ray), aa) * tex);
    c = mix(c, iris, coverage(drip, aa) * tex * 0.9);
    return paint(c, wallA);
  });
};
