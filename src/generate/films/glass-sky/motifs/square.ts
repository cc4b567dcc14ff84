/** Square: the fountain that mirrors a real sky, the warden's lit tower, the one child looking up. */
import {
  type Paint,
  type RGB,
  DEG,
  add,
  clamp,
  coverage,
  createNoise3,
  fbm,
  hash01,
  mix,
  over,
  paint,
  scale,
  sdBox,
  sdCircle,
  sdSegment,
  smoothstep,
} from '../../../paint';
import type { Motif } from '../../../pipeline';
import { daylightColour, drawUnit, floorSquash, glint, keyDirection, lampColour, motifSeed, sdEllipse, sdPolygon, shadowPaint } from './common';

const STONE: RGB = [128, 130, 136];

/** A low round stone basin whose still water reflects a real, bright sky with clouds and a sun glint. */
export const fountainReflection: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'fountain-reflection');
  const noise = createNoise3(seed);
  const day = daylightColour(brief);
  const [kx] = keyDirection(el, brief);
  const fs = floorSquash(el);
  const a = 0.92;
  const b = a * fs;
  const cy = 0.12;
  const wall = 0.42;
  const ai = 0.8;
  const bi = ai * fs;
  const a2 = 1.0;
  const b2 = a2 * fs;
  const foot = cy - wall - 0.03;
  drawUnit(pano, el, 1.6, (x, y, aa, s) => {
    const top = sdEllipse(x, y - cy, a, b);
    const drum = Math.min(top, sdEllipse(x, y - cy + wall, a, b), sdBox(x, y - cy + wall / 2, a, wall / 2));
    const step = Math.min(sdEllipse(x, y - foot, a2, b2), sdEllipse(x, y - foot + 0.08, a2, b2), sdBox(x, y - foot + 0.04, a2, 0.04));
    const body = Math.min(drum, step);
    const shadow = shadowPaint(sdEllipse(x + 0.04, y - foot + 0.12, a2 * 1.05, b2 * 1.2), 0.18, 0.5);
    if (body > 0) return shadow;
    const grit = 0.86 + 0.26 * fbm(noise, x * 14, y * 14, 0.3, 3);
    const t = clamp(x / a, -1, 1);
    const round = Math.sqrt(1 - t * t);
    const lit = 0.5 + 0.35 * round + 0.25 * t * Math.sign(kx || 1);
    let c: RGB;
    if (drum > 0) {
      // The base step, its top lighter.
      const onTop = sdEllipse(x, y - foot, a2, b2) < 0;
      c = scale(STONE, (onTop ? 0.85 : 0.55) * lit * grit);
    } else if (top > 0) {
      // Drum wall: coursed blocks following the curve.
      const front = cy - b * Math.sqrt(Math.max(0, 1 - (x / a) ** 2));
      const depth = (front - y) / wall;
      const ang = Math.asin(t) / (Math.PI / 9);
      const course = Math.floor(depth * 2);
      const fa = ang + (course & 1) * 0.5;
      const joint = Math.max(
        coverage(Math.abs(fa - Math.round(fa)) * round * 0.3 - 0.006, aa),
        coverage(Math.abs(depth * 2 - Math.round(depth * 2)) * wall * 0.5 - 0.006, aa),
      );
      const tone = 0.88 + 0.2 * hash01(Math.floor(fa), course, 0, seed);
      c = scale(STONE, 0.72 * lit * grit * tone * (1 - 0.45 * joint) * (1 - 0.25 * depth));
      // Lip shadow right under the coping.
      c = scale(c, 0.65 + 0.35 * smoothstep(0, 0.12, depth));
    } else {
      const inner = sdEllipse(x, y - cy, ai, bi);
      if (inner > 0) {
        // Coping stones on the rim top.
        const ang = Math.atan2((y - cy) / b, x / a) / (Math.PI / 10);
        const joint = coverage(Math.abs(ang - Math.round(ang)) * 0.25 - 0.004, aa);
        const lip = coverage(Math.abs(top) - 0.012, aa) * 0.3;
        c = add(scale(STONE, 1.1 * lit * grit * (1 - 0.4 * joint)), [255, 255, 255], lip * 0.2);
      } else {
        const water = sdEllipse(x, y - cy + 0.05, ai, bi);
        if (water > 0) {
          // The far inner wall of the basin, above the waterline.
          c = scale(STONE, 0.42 * grit);
        } else {
          // Still water: the reflected view ray sees the real sky, clouds on a plane above.
          const up = Math.max(0.05, -s.vy);
          const px = s.vx / up;
          const pz = s.vz / up;
          const elev = Math.asin(clamp(up)) / DEG;
          let sky: RGB = mix([214, 232, 246], [84, 146, 222], smoothstep(5, 45, elev));
          const cloud = smoothstep(0.5, 0.72, fbm(noise, px * 1.6 + 7, pz * 3.2, 2.2, 5));
          sky = mix(sky, [250, 250, 252], cloud * 0.85);
          const sun = Math.exp(-((x - 0.28) ** 2 / 0.02 + (y - cy - 0.04) ** 2 / 0.0012));
          sky = add(sky, day, sun * 0.9);
          sky = add(sky, [255, 255, 255], glint(x - 0.28, y - cy - 0.04, 0.16) * 0.8);
          // The rim mirrored darkly along the far edge of the water.
          const far = y - cy + 0.05 - Math.sqrt(Math.max(0, 1 - (x / ai) ** 2)) * bi;
          sky = scale(sky, 0.55 + 0.45 * smoothstep(0, -0.06, far));
          c = scale(sky, 0.97 + 0.06 * Math.sin((x * 30 + y * 90) * 0.4) * 0.3);
        }
      }
    }
    return over(paint(c, coverage(body, aa)), shadow);
  });
};

/** The warden's tower: stone shaft, gallery, a lit lantern room with a great lens and a watching figure. */
export const wardenTower: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'warden-tower');
  const noise = createNoise3(seed);
  const lamp = lampColour(brief);
  const roof = [-0.4, 0.34, 0.4, 0.34, 0.05, 0.78, -0.05, 0.78];
  const beamAng = -2.55;
  const bx = Math.cos(beamAng);
  const by = Math.sin(beamAng);
  // The lens's beam swept out over the square.
  drawUnit(
    pano,
    el,
    2.2,
    (x, y) => {
      const dx = x - 0.0;
      const dy = y - 0.06;
      const along = dx * bx + dy * by;
      if (along < 0) return paint(lamp, 0.3 * Math.exp(-(dx * dx + dy * dy) / 0.2));
      const across = Math.abs(-dx * by + dy * bx) / (0.06 + along * 0.22);
      const beam = 0.22 * smoothstep(1, 0, across) * smoothstep(2.1, 0.8, along);
      return paint(lamp, beam + 0.3 * Math.exp(-(dx * dx + dy * dy) / 0.2));
    },
    'add',
  );
  drawUnit(pano, el, 2.3, (x, y, aa) => {
    const hw = 0.22 + 0.05 * clamp((-y - 0.36) / 1.8);
    const shaftD = sdBox(x, y + 1.3, hw, 0.94);
    const fadeA = smoothstep(-2.25, -1.7, y);
    const roomD = sdBox(x, y - 0.05, 0.3, 0.27);
    const roofD = Math.min(sdPolygon(x, y, roof), sdBox(x, y - 0.35, 0.42, 0.025), sdCircle(x, y - 0.8, 0.04), sdSegment(x, y, 0, 0.8, 0, 0.97) - 0.01);
    const galleryD = Math.min(sdBox(x, y + 0.25, 0.44, 0.03), sdPolygon(x, y, [-0.44, -0.28, 0.44, -0.28, 0.26, -0.42, -0.26, -0.42]));
    const railD = Math.min(
      sdBox(x, y + 0.1, 0.44, 0.012),
      Math.abs(x) < 0.44 ? sdBox(((x % 0.088) + 0.088) % 0.088 - 0.044, y + 0.165, 0.007, 0.065) : Infinity,
    );
    const d = Math.min(shaftD, roomD, roofD, galleryD, railD);
    if (d > 0.01) return null;
    const grit = 0.8 + 0.35 * fbm(noise, x * 16, y * 16, 0.4, 3);
    const up = Math.exp(-(((x) ** 2 + (y - 0.05) ** 2) / 0.25));
    let c: RGB;
    if (railD < 0) c = add([16, 18, 24], lamp, 0.1);
    else if (roofD < 0) c = add(scale([44, 70, 70], grit * (0.7 + 0.5 * smoothstep(0.2, -0.3, x))), lamp, 0.12 * up);
    else if (galleryD < 0) c = add(scale([62, 64, 74], grit * (y > -0.28 ? 1.1 : 0.75)), lamp, 0.45 * up);
    else if (roomD < 0) {
      // Windows between mullions glowing with the lamp; lens in the middle, a figure at the left.
      const mull = Math.min(Math.abs(Math.abs(x) - 0.11) - 0.016, Math.abs(Math.abs(x) - 0.3) + 0.0 - 0.03);
      const sill = Math.min(Math.abs(y + 0.19) - 0.03, Math.abs(y - 0.29) - 0.03);
      const frame = Math.max(coverage(mull, aa), coverage(sill, aa));
      let glow: RGB = mix(scale(lamp, 0.8), [255, 255, 255], 0.45 * Math.exp(-(x * x + (y - 0.05) ** 2) / 0.03));
      const lensR = Math.hypot(x, y - 0.06);
      if (lensR < 0.1) {
        const rings = 0.85 + 0.15 * Math.cos(lensR * 160);
        glow = mix(scale([255, 255, 255], rings), lamp, 0.15);
      }
      glow = mix(glow, scale(lamp, 0.5), coverage(Math.abs(lensR - 0.1) - 0.008, aa));
      const fig = Math.min(sdCircle(x + 0.2, y - 0.09, 0.034), sdPolygon(x, y, [-0.27, -0.19, -0.13, -0.19, -0.15, 0.03, -0.2, 0.06, -0.25, 0.03]));
      glow = mix(glow, [14, 16, 22], coverage(fig, aa));
      c = mix(glow, [22, 24, 30], frame);
    } else {
      // Shaft: coursed stone, narrow slits, lit from the lantern above.
      const course = Math.floor(y / 0.07);
      const joint = coverage(Math.abs(y / 0.07 - Math.round(y / 0.07)) * 0.07 - 0.003, aa);
      const tone = 0.85 + 0.25 * hash01(course, Math.floor(x / 0.12 + (course & 1) * 0.5), 0, seed);
      const side = 0.6 + 0.5 * smoothstep(hw, -hw * 0.2, x);
      c = scale([66, 70, 82], grit * tone * side * (1 - 0.35 * joint));
      c = add(c, lamp, 0.3 * Math.exp(-((y + 0.4) ** 2) / 0.06));
      const slit = Math.min(sdBox(x, y + 0.8, 0.018, 0.07), sdBox(x, y + 1.35, 0.018, 0.07));
      c = mix(c, y > -1 ? scale(lamp, 0.75) : [12, 12, 16], coverage(slit, aa));
    }
    return paint(c, coverage(d, aa) * fadeA);
  });
};

/** Among bowed stone citizens on their plinths, a small child stands in a shaft of light, face raised. */
export const childLookingUp: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'child-looking-up');
  const noise = createNoise3(seed);
  const day = daylightColour(brief);
  // A robed figure in profile facing +x, head bowed forward below the shoulders, hands clasped.
  const robe = [-0.19, -0.62, 0.17, -0.62, 0.14, -0.05, 0.19, 0.06, 0.17, 0.14, 0.12, 0.3, 0.05, 0.42, -0.07, 0.45, -0.16, 0.38, -0.2, 0.1];
  const statue = (x: number, y: number) =>
    Math.min(sdPolygon(x, y, robe), sdCircle(x - 0.13, y - 0.35, 0.085), sdSegment(x, y, 0.0, 0.42, 0.1, 0.38) - 0.05);
  const child = [
    -0.07, -0.72, 0.07, -0.72, 0.055, -0.46, 0.045, -0.34, 0.025, -0.31, -0.035, -0.31, -0.06, -0.36, -0.065, -0.46,
  ];
  drawUnit(pano, el, 1.35, (x, y, aa) => {
    // The shaft of dome light falling on the child, and its pool on the paving.
    const shaftX = x - 0.02 + (y - -0.9) * 0.12;
    const shaft = 0.32 * Math.exp(-((shaftX / 0.16) ** 2)) * smoothstep(1.3, 0.4, y) * smoothstep(-1.05, -0.85, y);
    const pool = 0.5 * Math.exp(-((x - 0.02) ** 2 / 0.05 + (y + 0.86) ** 2 / 0.004));
    const lightPaint = paint(day, shaft + pool);
    const groundShadow = shadowPaint(Math.min(sdEllipse(x - 0.64, y + 1.0, 0.38, 0.04), sdEllipse(x + 0.64, y + 1.0, 0.38, 0.04)), 0.1, 0.45);
    let fig: Paint = null;
    for (const sx of [-1, 1]) {
      const lx = (x - sx * 0.63) * -sx;
      const ly = y;
      const plinth = Math.min(sdBox(lx, ly + 0.81, 0.25, 0.19), sdBox(lx, ly + 0.6, 0.28, 0.025));
      const st = statue(lx, ly);
      const d = Math.min(plinth, st);
      if (d < 0.01) {
        const grit = 0.82 + 0.3 * fbm(noise, x * 18, y * 18, sx, 3);
        const fromAbove = 0.55 + 0.5 * smoothstep(-0.6, 0.6, ly);
        const edgeTop = plinth < 0 && ly > -0.625 ? 1.2 : 1;
        let c: RGB = scale(plinth < 0 ? [92, 96, 104] : [112, 118, 128], grit * fromAbove * edgeTop);
        // Folds of the robe, and the crease of the arm down to the clasped hands.
        if (st < 0) c = scale(c, 0.85 + 0.15 * Math.sin(lx * 40 + Math.sin(ly * 6) * 2));
        if (st < 0) c = scale(c, 1 - 0.45 * coverage(sdSegment(lx, ly, 0.04, 0.36, 0.12, 0.06) - 0.008, aa));
        fig = over(fig, paint(c, coverage(d, aa)));
      }
    }
    // The child: coat, legs, a head tipped back with the face turned up.
    const ks = 1.35;
    const kaa = aa / ks;
    x = 0.02 + (x - 0.02) / ks;
    y = -0.9 + (y + 0.9) / ks;
    const legs = Math.min(sdBox(x + 0.03, y + 0.8, 0.014, 0.09), sdBox(x - 0.03, y + 0.8, 0.014, 0.09));
    const coat = sdPolygon(x, y, child);
    const headD = sdCircle(x - 0.005, y + 0.255, 0.05);
    const face = sdPolygon(x, y, [0.02, -0.235, 0.056, -0.214, 0.04, -0.25]);
    const arm = sdSegment(x, y, -0.045, -0.35, -0.08, -0.52) - 0.014;
    const kid = Math.min(legs, coat, headD, face, arm);
    let kidPaint: Paint = null;
    if (kid < 0.01) {
      // Rim light along the raised face and the top of the head.
      const rim = smoothstep(-0.02, 0, kid) * smoothstep(-0.3, -0.21, y);
      kidPaint = paint(mix([16, 18, 26], add([200, 210, 225], day, 0.2), rim * 0.85), coverage(kid, kaa));
    }
    return over(kidPaint, fig, lightPaint, groundShadow);
  });
};
