/** Archive: the framed chart of the real constellations, and the ledger of names on its lectern. */
import {
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
import { drawUnit, glint, keyDirection, lampColour, motifSeed, sdPolygon, shadowPaint } from './common';

/** Constellations in chart units (the planisphere's radius is 0.6): Orion, the Plough, Cassiopeia. */
const CONSTELLATIONS: ReadonlyArray<{ stars: ReadonlyArray<readonly [number, number, number]>; lines: readonly number[][] }> = [
  {
    // Orion: shoulders, belt, feet.
    stars: [
      [0.06, -0.1, 1.4], [0.2, -0.12, 1], [0.1, -0.22, 0.8], [0.13, -0.23, 0.8], [0.16, -0.24, 0.8], [0.07, -0.38, 0.9], [0.24, -0.36, 1.3],
    ],
    lines: [[0, 1], [0, 2], [1, 4], [2, 3], [3, 4], [2, 5], [4, 6]],
  },
  {
    // The Plough.
    stars: [
      [-0.42, 0.1, 1], [-0.34, 0.14, 0.9], [-0.26, 0.14, 0.9], [-0.18, 0.18, 0.8], [-0.14, 0.1, 1], [-0.04, 0.1, 1.1], [-0.06, 0.2, 1],
    ],
    lines: [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 3]],
  },
  {
    // Cassiopeia's W.
    stars: [[0.16, 0.32, 0.9], [0.24, 0.24, 1], [0.31, 0.3, 0.9], [0.38, 0.22, 1], [0.45, 0.3, 0.8]],
    lines: [[0, 1], [1, 2], [2, 3], [3, 4]],
  },
];

export const starChart: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'star-chart');
  const noise = createNoise3(seed);
  const rng = mulberry32(seed);
  const lamp = lampColour(brief);
  const [kx, ky] = keyDirection(el, brief);
  const field = Array.from({ length: 140 }, () => {
    const a = rng() * Math.PI * 2;
    const r = Math.sqrt(rng()) * 0.58;
    return { x: Math.cos(a) * r, y: Math.sin(a) * r, m: rng() ** 3 };
  });
  const segs: number[][] = [];
  for (const c of CONSTELLATIONS) for (const [i, j] of c.lines) segs.push([c.stars[i!]![0], c.stars[i!]![1], c.stars[j!]![0], c.stars[j!]![1]]);
  const gold: RGB = [214, 176, 96];
  drawUnit(pano, el, 1.35, (x, y, aa) => {
    const outer = sdBox(x, y, 0.98, 0.72);
    const shadow = shadowPaint(sdBox(x + 0.04, y + 0.06, 0.98, 0.72), 0.12, 0.55);
    if (outer > 0) return shadow;
    const light = 0.82 + 0.2 * (x * kx + y * ky);
    const frameW = 0.085;
    let c: RGB;
    if (outer > -frameW) {
      // Dark wooden frame with a bevel and a gilt inner fillet.
      const t = -outer / frameW;
      c = scale([88, 52, 30], 0.6 + 0.55 * Math.sin(t * Math.PI) ** 0.6 + 0.2 * fbm(noise, x * 30, y * 4, 0.2, 2));
      if (t > 0.82) c = scale(gold, 0.9);
    } else {
      // Aged navy paper.
      const age = fbm(noise, x * 5, y * 5, 3.1, 4);
      c = mix([22, 32, 70], [34, 46, 88], age);
      const edge = -outer - frameW;
      c = mix(c, [70, 60, 50], smoothstep(0.12, 0, edge) * 0.35);
      const r = Math.hypot(x, y);
      // Planisphere: graduated ring, declination circles, hour lines, a dashed ecliptic.
      const ring = Math.abs(r - 0.63) - 0.025;
      const ticks = Math.abs(r - 0.63) < 0.03 && Math.abs(((Math.atan2(y, x) / (Math.PI * 2)) * 72 + 72) % 1 - 0.5) > 0.42;
      c = mix(c, scale(gold, 0.75), coverage(ring, aa) * 0.5 + (ticks ? 0.5 : 0));
      c = mix(c, gold, coverage(Math.abs(r - 0.6) - 0.006, aa));
      c = mix(c, gold, coverage(Math.abs(r - 0.66) - 0.006, aa));
      if (r < 0.6) {
        const grid = Math.min(Math.abs(r - 0.2), Math.abs(r - 0.4)) - 0.003;
        const hour = Math.abs(((Math.atan2(y, x) / (Math.PI * 2)) * 12 + 12) % 1 - 0.5) * 2;
        const hourD = (1 - hour) * r * 0.52 - 0.003;
        c = mix(c, [110, 120, 150], Math.max(coverage(grid, aa), coverage(hourD, aa)) * 0.45);
        const ecl = Math.hypot(x + 0.05, y + 0.55) - 0.72;
        const dash = Math.sin(Math.atan2(y + 0.55, x + 0.05) * 90) > 0;
        c = mix(c, [200, 90, 70], coverage(Math.abs(ecl) - 0.005, aa) * (dash ? 0.8 : 0));
        // Milky Way haze.
        const band = Math.exp(-(((x * 0.6 - y - 0.05) / 0.12) ** 2)) * (0.4 + 0.6 * fbm(noise, x * 7, y * 7, 5.5, 3));
        c = add(c, [90, 100, 150], band * 0.45);
        for (const st of field) {
          const k = coverage(Math.hypot(x - st.x, y - st.y) - (0.004 + 0.006 * st.m), aa);
          if (k > 0) c = mix(c, [240, 236, 220], k * (0.5 + 0.5 * st.m));
        }
        let line = Infinity;
        for (const sg of segs) line = Math.min(line, sdSegment(x, y, sg[0]!, sg[1]!, sg[2]!, sg[3]!));
        c = mix(c, gold, coverage(line - 0.004, aa) * 0.85);
        for (const con of CONSTELLATIONS) {
          for (const [sx, sy, m] of con.stars) {
            const d = Math.hypot(x - sx, y - sy);
            c = mix(c, [255, 250, 232], coverage(d - 0.013 * m, aa));
            c = add(c, [255, 240, 200], glint(x - sx, y - sy, 0.045 * m) * 0.6);
          }
        }
      } else {
        // Corner emblems: a sun and a crescent moon above, compass stars below.
        const cx = Math.sign(x) * 0.76;
        const cy = Math.sign(y) * 0.5;
        const dx = x - cx;
        const dy = y - cy;
        const dr = Math.hypot(dx, dy);
        let em = Infinity;
        if (y > 0 && x < 0) {
          const rays = Math.abs(Math.sin(Math.atan2(dy, dx) * 8));
          em = Math.min(dr - 0.05, dr - (0.07 + 0.04 * rays ** 8));
        } else if (y > 0) em = Math.max(dr - 0.08, -(Math.hypot(dx - 0.035, dy - 0.02) - 0.07));
        else {
          const ang = Math.atan2(dy, dx);
          const ph = Math.abs(((ang / (Math.PI / 2)) % 1 + 1) % 1 - 0.5) * 2;
          em = dr - (0.025 + 0.07 * ph ** 4);
        }
        c = mix(c, gold, coverage(em, aa) * 0.9);
      }
      c = scale(c, 0.8 + 0.25 * age);
    }
    return over(paint(add(scale(c, light), lamp, 0.05), coverage(outer, aa)), shadow);
  });
};

/** An open ledger on a wooden lectern: ruled pages, lines of names, some struck through in red. */
export const ledger: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'ledger');
  const noise = createNoise3(seed);
  const lamp = lampColour(brief);
  const board = [-0.98, -0.34, 0.98, -0.34, 0.84, 0.5, -0.84, 0.5];
  const rows = 9;
  const rowY = (i: number) => 0.36 - i * 0.075;
  const struck = (page: number, row: number) => hash01(page, row, 5, seed) < 0.3;
  const pageTop = (x: number) => 0.44 + 0.05 * Math.sin(Math.PI * clamp(Math.abs(x) / 0.78));
  drawUnit(pano, el, 1.85, (x, y, aa) => {
    const pool = paint(lamp, 0.22 * Math.exp(-((x + 0.1) ** 2 + (y - 0.2) ** 2) / 0.45));
    const post = Math.min(
      sdBox(x, y + 1.0, 0.075 + 0.02 * Math.abs(Math.sin((y + 1.0) * 9)), 0.6),
      sdBox(x, y + 0.5, 0.12, 0.04),
      sdPolygon(x, y, [-0.42, -1.72, 0.42, -1.72, 0.16, -1.6, -0.16, -1.6]),
    );
    const boardD = Math.min(sdPolygon(x, y, board), sdBox(x, y + 0.39, 0.98, 0.05));
    const d = Math.min(post, boardD);
    const shadow = shadowPaint(sdPolygon(x - 0.05, y + 0.08, board), 0.12, 0.3);
    const grain = 0.75 + 0.4 * fbm(noise, x * 4, y * 30, 0.7, 3);
    let c: RGB;
    if (boardD > 0) c = scale([96, 58, 32], grain * (0.55 + 0.35 * smoothstep(-1.6, -0.5, y)) * (0.8 + 0.4 * Math.cos(x * 14) ** 2));
    else if (y < -0.34) c = scale([110, 68, 38], grain * 0.8 + (y > -0.37 ? 0.3 : 0));
    else {
      c = scale([120, 74, 40], grain);
      // Leather covers peeking out round the pages.
      const cover = sdPolygon(x, y, [-0.86, -0.3, 0.86, -0.3, 0.8, 0.47, -0.8, 0.47]);
      if (cover < 0) c = scale([96, 28, 24], 0.8 + 0.3 * grain);
      const pageD = Math.max(sdPolygon(x, y, [-0.81, -0.26, 0.81, -0.26, 0.78, 0.6, -0.78, 0.6]), y - pageTop(x));
      if (pageD < 0) {
        const ax = Math.abs(x);
        const page = x < 0 ? 0 : 1;
        const gutter = smoothstep(0, 0.09, ax);
        let p: RGB = scale([236, 222, 188], (0.6 + 0.4 * gutter) * (0.9 + 0.12 * fbm(noise, x * 9, y * 9, 2.2, 3)));
        p = scale(p, 1 - 0.15 * smoothstep(0.5, 0.8, ax));
        // Page stack edges along the bottom.
        if (y < -0.22) p = scale(p, 0.85 + 0.15 * Math.sin(y * 900));
        const inner = ax > 0.1 && ax < 0.74;
        if (inner) {
          // Red margin rule, faint blue line rules.
          p = mix(p, [190, 70, 60], coverage(Math.abs(ax - 0.18) - 0.004, aa) * 0.7);
          for (let i = 0; i < rows; i++) {
            const ry = rowY(i) - 0.025;
            p = mix(p, [120, 140, 180], coverage(Math.abs(y - ry) - 0.002, aa) * 0.35);
          }
          const fi = (0.36 - y) / 0.075 + 0.5;
          const row = Math.floor(fi);
          if (row >= 0 && row < rows) {
            const ry = rowY(row);
            const hw = 0.018;
            // A name (words of varying length), then a number in the right column.
            const wordAt = ax - 0.22;
            const nameLen = 0.22 + 0.2 * hash01(page, row, 1, seed);
            const word = Math.floor(wordAt / 0.09);
            const gap = ((wordAt / 0.09) % 1) > 0.82 || hash01(page, row, word, seed) < 0.1;
            const inName = wordAt > 0 && wordAt < nameLen && !gap;
            const inNum = ax > 0.6 && ax < 0.7;
            if (inName || inNum) {
              const wob = Math.sin(x * 220 + row * 3) * 0.5 + 0.5;
              const fine = smoothstep(3, 6, 0.028 / aa);
              const ink = coverage(Math.abs(y - ry + 0.006 * wob * fine) - hw * (0.55 + 0.45 * (1 - fine * wob)), aa);
              p = mix(p, [40, 30, 34], ink * (0.6 + 0.3 * fine));
            }
            if (struck(page, row) && wordAt > -0.02 && wordAt < nameLen + 0.02) {
              const sy = ry - 0.002 + (wordAt - nameLen / 2) * 0.06;
              p = mix(p, [180, 30, 30], coverage(Math.abs(y - sy) - 0.007, aa));
            }
          }
        }
        c = mix(c, p, coverage(pageD, aa));
        c = mix(c, [60, 40, 30], coverage(ax - 0.006, aa) * 0.6 * (pageD < 0 ? 1 : 0));
      }
      // A quill lying across the right page's corner.
      const qd = sdSegment(x, y, 0.5, 0.05, 0.9, 0.62);
      const along = clamp(((x - 0.5) * 0.4 + (y - 0.05) * 0.57) / 0.49);
      const vane = qd - 0.035 * Math.sin(Math.PI * clamp((along - 0.35) / 0.65)) * (along > 0.35 ? 1 : 0);
      c = mix(c, [230, 226, 214], coverage(vane, aa) * 0.95);
      c = mix(c, [90, 80, 70], coverage(qd - 0.004, aa));
    }
    c = add(scale(c, 0.85), lamp, 0.12 * Math.exp(-((x + 0.1) ** 2 + (y - 0.2) ** 2) / 0.4));
    return over(paint(c, coverage(d, aa)), shadow, pool);
  });
};
