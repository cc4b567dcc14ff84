/** Cistern: the great pipe pouring daylit water in, and the pillar scratched with tallies and handprints. */
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
  sdBox,
  sdSegment,
  smoothstep,
} from '../../../paint';
import type { Motif } from '../../../pipeline';
import { bricks, daylightColour, drawUnit, keyDirection, motifSeed } from './common';

/** A riveted pipe mouth in a brick wall, daylight at its far end, water pouring out and down. */
export const pipeInflow: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'pipe-inflow');
  const noise = createNoise3(seed);
  const day = daylightColour(brief);
  const water: RGB = mix([90, 150, 160], day, 0.55);
  const pc = 0.22;
  drawUnit(
    pano,
    el,
    1.6,
    (x, y) => paint(day, 0.3 * Math.exp(-(x * x + (y - pc) ** 2) / 0.35) + 0.2 * Math.exp(-(x * x + (y + 1.35) ** 2) / 0.08)),
    'add',
  );
  drawUnit(pano, el, 1.75, (x, y, aa) => {
    const r = Math.hypot(x, y - pc);
    const ang = Math.atan2(y - pc, x);
    const grit = 0.8 + 0.35 * fbm(noise, x * 22, y * 22, 0.2, 2);
    // Falling sheet of water from the lower lip down to the surface below.
    const fallTop = pc - 0.3;
    const hwFall = 0.3 - 0.05 * clamp((fallTop - y) / 1.2);
    const inFall = y < fallTop && y > -1.42 && Math.abs(x) < hwFall + 0.01;
    let fall: Paint = null;
    if (inFall) {
      const streak = fbm(noise, x * 26, y * 2.5, 4.4, 3);
      const c = mix(water, [245, 250, 255], smoothstep(0.45, 0.75, streak) * 0.8);
      const edge = coverage(Math.abs(x) - hwFall, aa);
      fall = paint(add(c, day, 0.2 * smoothstep(fallTop - 0.4, fallTop, y)), edge * (0.72 + 0.25 * streak));
    }
    // Splash and foam where it strikes the water.
    const foamN = fbm(noise, x * 9, y * 9, 6.6, 4);
    const foamD = Math.hypot(x / 0.55, (y + 1.42) / 0.16) - 0.7 - 0.5 * foamN;
    const foam = foamD < 0.2 ? paint([232, 242, 248], coverage(foamD, aa * 3) * (0.5 + 0.5 * foamN)) : null;
    // Wall patch with a soft ragged edge, stained below the pipe.
    // A rounded (superellipse) patch whose edge feathers away over a wide band, so no square shows.
    const qx = Math.abs(x) / 1.05;
    const qy = Math.abs(y - 0.05) / 1.05;
    const ragged = Math.sqrt(Math.sqrt(qx ** 4 + qy ** 4)) * 0.55 + Math.hypot(qx, qy) * 0.45 + 0.16 * (fbm(noise, x * 3, y * 3, 1.7, 3) - 0.5);
    const wallA = smoothstep(1.2, 0.72, ragged) ** 1.5;
    let c: RGB = bricks(x, y, aa, grit, { h: 0.09, w: 0.21, colour: [88, 56, 46], mortar: [40, 40, 40], seed, vary: [70, 64, 58] });
    const stain = smoothstep(0.7, 0.2, Math.abs(x)) * smoothstep(pc, -1, y) * (0.5 + 0.5 * noise(x * 12, 0.3, 2));
    c = mix(c, [40, 62, 52], stain * 0.6);
    c = add(c, day, 0.22 * Math.exp(-(r * r) / 0.5));
    let a = wallA;
    if (r < 0.82) {
      a = 1;
      if (r > 0.64) {
        // Brick voussoirs ringing the mouth.
        const seg = (ang / (Math.PI * 2)) * 28;
        const joint = coverage(Math.abs(seg - Math.round(seg)) * r * 0.224 - 0.006, aa);
        c = scale([104, 66, 52], (0.8 + 0.3 * hash01(Math.floor(seg), 0, 0, seed)) * grit * (1 - 0.5 * joint));
        c = add(c, day, 0.2);
      } else if (r > 0.5) {
        // Bronze flange with rivets, verdigris in the lower half.
        const rivet = Math.hypot(r - 0.57, (((ang / (Math.PI * 2)) * 16 + 16) % 1 - 0.5) * r * 0.39) - 0.022;
        const bevel = 0.65 + 0.5 * Math.sin(((r - 0.5) / 0.14) * Math.PI);
        c = scale(mix([126, 96, 56], [60, 120, 100], smoothstep(0.2, -0.6, Math.sin(ang))), bevel * grit);
        c = add(c, day, 0.2 * smoothstep(0, 1, Math.sin(ang)));
        c = mix(c, [200, 180, 130], coverage(rivet, aa) * 0.8);
        c = mix(c, [20, 20, 20], coverage(Math.abs(r - 0.5) - 0.008, aa));
      } else {
        // Inside: dark tunnel rings and the daylit far end, water streaming along the bottom.
        const depth = r / 0.5;
        const far = Math.hypot(x - 0.03, y - pc - 0.03);
        c = mix([8, 12, 16], [34, 44, 50], depth);
        c = scale(c, 1 - 0.3 * coverage(Math.abs(((depth * 4) % 1) - 0.5) * 0.1 - 0.04, aa));
        c = add(c, day, 1.0 * smoothstep(0.13, 0.09, far) + 0.35 * Math.exp(-far / 0.08));
        const stream = y - pc < -0.12 - 0.1 * (1 - depth) && Math.abs(x) < 0.34;
        if (stream) {
          const sN = fbm(noise, x * 14 / (depth + 0.2), y * 30, 1.9, 3);
          c = mix(c, add(water, day, 0.3 * (1 - depth)), 0.55 + 0.35 * smoothstep(0.5, 0.8, sN));
        }
      }
    }
    const wall = a > 0.002 ? paint(c, a) : null;
    return over(foam, fall, wall);
  });
};

/** A brick pillar face scored with rows of tally marks, handprints pressed on it, a waterline below. */
export const tallyMarks: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'tally-marks');
  const noise = createNoise3(seed);
  const rng = mulberry32(seed);
  const [kx] = keyDirection(el, brief);
  const strokes: number[][] = [];
  const rows = [0.6, 0.3, 0.0, -0.3, -0.6];
  rows.forEach((ry, ri) => {
    const groups = ri === rows.length - 1 ? 3 : 4;
    for (let g = 0; g < groups; g++) {
      const gx = -0.5 + g * 0.3 + (rng() - 0.5) * 0.04;
      const gy = ry + (rng() - 0.5) * 0.04;
      const n = ri === rows.length - 1 && g === groups - 1 ? 3 : 5;
      for (let k = 0; k < Math.min(n, 4); k++) {
        const sx = gx + k * 0.045 + (rng() - 0.5) * 0.01;
        const tilt = (rng() - 0.5) * 0.03;
        strokes.push([sx - tilt, gy - 0.1 + rng() * 0.02, sx + tilt, gy + 0.1 - rng() * 0.02]);
      }
      if (n === 5) strokes.push([gx - 0.04, gy - 0.06, gx + 0.18, gy + 0.07]);
    }
  });
  const hands = [
    { x: -0.42, y: -0.95, rot: 0.25, colour: [176, 168, 148] as RGB, smear: 0 },
    { x: 0.42, y: 0.88, rot: -0.2, colour: [170, 162, 142] as RGB, smear: 0 },
    { x: 0.38, y: -0.92, rot: -0.1, colour: [128, 44, 34] as RGB, smear: 1 },
  ];
  const handSd = (x: number, y: number, h: (typeof hands)[number]) => {
    const c = Math.cos(h.rot);
    const s = Math.sin(h.rot);
    let u = (x - h.x) * c - (y - h.y) * s;
    let v = (x - h.x) * s + (y - h.y) * c;
    if (h.smear && v < 0) v = v * 0.25;
    u /= 1.0;
    let d = sdBox(u, v, 0.055, 0.06) - 0.02;
    const fingers = [-0.05, -0.017, 0.017, 0.05];
    const lens = [0.1, 0.125, 0.12, 0.095];
    for (let i = 0; i < 4; i++) d = Math.min(d, sdSegment(u, v, fingers[i]!, 0.05, fingers[i]! * 1.3, 0.05 + lens[i]!) - 0.016);
    d = Math.min(d, sdSegment(u, v, 0.07, -0.02, 0.14, 0.06) - 0.018);
    return d;
  };
  drawUnit(pano, el, 2.3, (x, y, aa) => {
    // Feathered on every side (ragged, noisy) so the scored face melts into the pillar behind it.
    const rag = 0.2 * (fbm(noise, x * 3, y * 3, 5.3, 3) - 0.5);
    const fade = smoothstep(1.75, 1.05, Math.abs(y) + rag);
    if (fade <= 0) return null;
    const front = x > -0.62 && x < 0.72;
    const sideFace = x <= -0.62 && x > -0.86;
    if (!front && !sideFace) {
      const sh = x >= 0.72 ? 0.3 * smoothstep(0.9, 0.72, x) : 0;
      return sh > 0 ? paint([4, 6, 8], sh * fade) : null;
    }
    const edgeA = smoothstep(0.86, 0.35, x + rag) * smoothstep(-0.86, -0.45, x - rag);
    let mark = 0;
    const grit = 0.78 + 0.4 * fbm(noise, x * 24, y * 24, 0.9, 3);
    let c = bricks(x + (sideFace ? 0.13 : 0), y, aa, grit, { h: 0.085, w: sideFace ? 0.12 : 0.22, colour: [96, 60, 48], mortar: [44, 42, 42], seed, vary: [78, 70, 62] });
    c = scale(c, sideFace ? 0.5 : 0.9 + 0.2 * (x * (kx >= 0 ? 1 : -1)));
    c = mix(c, [24, 30, 28], coverage(Math.abs(x + 0.62) - 0.006, aa) * 0.6);
    // Wet waterline and algae at the foot.
    const wl = -1.25 + 0.03 * noise(x * 8, 0.5, 0.5);
    c = mix(c, scale([34, 52, 40], grit), smoothstep(wl + 0.05, wl - 0.05, y) * 0.8);
    c = mix(c, [70, 90, 70], coverage(Math.abs(y - wl) - 0.008, aa) * 0.6);
    if (front) {
      // Scratches: a pale gouge with a dark lower lip.
      let d = Infinity;
      let dLow = Infinity;
      for (const st of strokes) {
        d = Math.min(d, sdSegment(x, y, st[0]!, st[1]!, st[2]!, st[3]!));
        dLow = Math.min(dLow, sdSegment(x - 0.008, y + 0.01, st[0]!, st[1]!, st[2]!, st[3]!));
      }
      c = mix(c, [20, 16, 16], coverage(dLow - 0.014, aa) * 0.7);
      const gouge = coverage(d - 0.013, aa);
      c = mix(c, scale([210, 196, 170], 0.8 + 0.2 * grit), gouge * 0.95);
      mark = Math.max(mark, gouge, coverage(dLow - 0.014, aa) * 0.7);
      for (const h of hands) {
        const hd = handSd(x, y, h);
        if (hd < 0.02) {
          const print = 0.55 + 0.45 * fbm(noise, x * 40, y * 40, 7.7, 2);
          c = mix(c, h.colour, coverage(hd, aa) * print * 0.85);
          mark = Math.max(mark, coverage(hd, aa) * print * 0.85);
        }
      }
    }
    // The backing bricks feather away; the scratches and prints themselves stay crisp.
    const a = Math.max(edgeA * fade, mark * smoothstep(1.5, 1.1, Math.abs(y)));
    return a > 0.002 ? paint(c, a) : null;
  });
};
