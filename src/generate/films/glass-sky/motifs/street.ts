/** Lamplight street: the one dark street lamp, the downcast-eye poster, the crack of daylight above. */
import {
  type Paint,
  type RGB,
  add,
  clamp,
  coverage,
  createNoise3,
  fbm,
  mix,
  mulberry32,
  over,
  paint,
  scale,
  sdBox,
  sdCircle,
  sdPolyline,
  sdSegment,
  smoothstep,
} from '../../../paint';
import type { Motif } from '../../../pipeline';
import { drawUnit, daylightColour, keyDirection, lampColour, motifSeed, sdPolygon, shadowPaint } from './common';

const IRON: RGB = [30, 31, 36];

/** An iron street lamp whose glass is dark: post, ladder bar, lantern, roof and finial. */
export const streetLampDark: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'street-lamp-dark');
  const noise = createNoise3(seed);
  const lamp = lampColour(brief);
  const [kx] = keyDirection(el, brief);
  const side = kx >= 0 ? 1 : -1;
  const body = [-0.2, -0.22, 0.2, -0.22, 0.3, 0.42, -0.3, 0.42];
  const tray = [-0.06, -0.36, 0.06, -0.36, 0.22, -0.2, -0.22, -0.2];
  const roof = [-0.38, 0.47, 0.38, 0.47, 0.06, 0.72, -0.06, 0.72];
  const crack = [0.12, 0.3, 0.16, 0.18, 0.14, 0.08, 0.19, -0.04];
  drawUnit(pano, el, 1.95, (x, y, aa) => {
    // Lamplight from the neighbouring lit lamps falling on what stands behind.
    const halo = paint(lamp, 0.16 * Math.exp(-((x - side * 0.5) ** 2 + (y - 0.1) ** 2) / 0.5) * smoothstep(1.9, 1.2, Math.hypot(x, y)));
    const hw = 0.034 + 0.012 * clamp((-y - 0.3) / 1.3);
    let iron = Math.min(
      sdBox(x, y + 0.98, hw, 0.66), // post
      sdBox(x, y + 1.2, 0.06, 0.028), // collars
      sdBox(x, y + 0.58, 0.052, 0.022),
      sdBox(x, y + 1.58, 0.075 - (y + 1.58) * 0.2, 0.09), // fluted base
      sdBox(x, y + 1.71, 0.12, 0.045),
      sdBox(x, y + 0.44, 0.32, 0.016), // ladder bar
      sdCircle(Math.abs(x) - 0.32, y + 0.44, 0.032),
      sdPolygon(x, y, tray),
      sdPolygon(x, y, roof),
      sdBox(x, y - 0.455, 0.4, 0.026), // eave
      sdCircle(x, y - 0.78, 0.048), // finial
      sdSegment(x, y, 0, 0.8, 0, 0.93) - 0.012,
    );
    // Scroll brackets under the lantern.
    const scroll = Math.abs(Math.hypot(Math.abs(x) - 0.13, y + 0.3) - 0.09) - 0.012;
    if (y < -0.3 && y > -0.44) iron = Math.min(iron, scroll);
    const glassD = sdPolygon(x, y, body);
    const shadow = shadowPaint(Math.min(iron, glassD) - 0.0, 0.08, 0.35);
    const ironA = coverage(iron, aa);
    // Rim light on the side facing the lit lamps.
    const rim = smoothstep(0.35, 1, (x * side) / 0.38 + 0.3) * 0.5;
    const ironC = add(scale(IRON, 0.85 + 0.3 * fbm(noise, x * 30, y * 30, 0.5, 2)), lamp, 0.25 * rim + 0.02);
    // Glass: dark, sooty, a faint reflection of the other lamps, an unlit mantle inside.
    let glass: Paint = null;
    const gA = coverage(glassD, aa);
    if (gA > 0) {
      const t = (y + 0.22) / 0.64;
      let c: RGB = mix([24, 30, 40], [38, 44, 56], t);
      c = scale(c, 0.75 + 0.4 * fbm(noise, x * 9, y * 9, 2.5, 3) * (1 - 0.5 * t));
      const streak = Math.exp(-(((x * side - 0.08 - (y - 0.1) * 0.35) / 0.035) ** 2)) * 0.35;
      c = add(c, lamp, streak * 0.5);
      const mantle = sdCircle(x, (y + 0.02) * 0.8, 0.055);
      c = mix(c, [78, 76, 72], coverage(mantle, aa) * 0.9);
      c = mix(c, [150, 146, 136], coverage(Math.abs(sdPolyline(x, y, crack)) - 0.004, aa) * 0.7);
      // Frame: outline and a corner mullion turned towards the light.
      const widthAt = 0.2 + 0.1 * t;
      const mullion = Math.abs(x + side * 0.06 * (widthAt / 0.3)) - 0.014;
      const rail = Math.min(Math.abs(y + 0.2) - 0.016, Math.abs(y - 0.4) - 0.02);
      const outline = -glassD - 0.022;
      const bars = Math.max(coverage(mullion, aa), coverage(rail, aa), coverage(outline, aa));
      glass = paint(mix(c, ironC, bars), gA);
    }
    return over(paint(ironC, ironA), glass, shadow, halo);
  });
};

/** A pasted wall poster on a small notice board: a stylised closed eye looking down, bold border. */
export const posterEyesDown: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'poster-eyes-down');
  const noise = createNoise3(seed);
  const rng = mulberry32(seed);
  const roll = (rng() - 0.5) * 3;
  const [kx, ky] = keyDirection(el, brief);
  const lamp = lampColour(brief);
  const red: RGB = [176, 42, 34];
  const cream: RGB = [232, 214, 172];
  const ink: RGB = [26, 20, 22];
  const lashes = Array.from({ length: 7 }, (_, i) => {
    const t = (i / 6) * 2 - 1;
    const lx = t * 0.25;
    const ly = 0.16 - 0.1 * (1 - t * t);
    return [lx, ly, lx + t * 0.05, ly - 0.085] as const;
  });
  drawUnit(
    pano,
    el,
    1.25,
    (x, y, aa) => {
      const light = 0.8 + 0.22 * (x * kx + y * ky) + 0.15 * Math.exp(-((x - kx * 0.8) ** 2 + (y - ky * 0.8) ** 2));
      const lit = (c: RGB) => add(scale(c, light), lamp, 0.06);
      const boardD = sdBox(x, y, 0.74, 0.96) - 0.02;
      const shadow = shadowPaint(sdBox(x + 0.05, y + 0.07, 0.76, 0.97), 0.14, 0.55);
      if (boardD > 0) return shadow;
      // Board of weathered planks with an iron band top and bottom.
      const plank = Math.floor((x + 0.74) / 0.21);
      const grain = fbm(noise, x * 3 + plank * 7, y * 26, 1.5, 3);
      let board: RGB = scale([74, 52, 36], 0.75 + 0.45 * grain);
      board = mix(board, [26, 18, 14], coverage(Math.abs(((x + 0.74) / 0.21) % 1) * 0.21 - 0.006, aa) * 0.7);
      const band = Math.abs(Math.abs(y) - 0.86) < 0.035;
      if (band) board = [44, 44, 48];
      const nail = Math.min(sdCircle(Math.abs(x) - 0.62, Math.abs(y) - 0.86, 0.022));
      board = mix(board, [120, 116, 110], coverage(nail, aa));
      // The poster, slightly crooked, one corner torn off.
      const c = Math.cos((roll * Math.PI) / 180);
      const s = Math.sin((roll * Math.PI) / 180);
      const px = x * c - y * s;
      const py = x * s + y * c;
      const torn = px + py * 0.9 - (0.56 + 0.78 * 0.9 - 0.22) + 0.03 * fbm(noise, px * 20, py * 20, 4, 2);
      const posterD = Math.max(sdBox(px, py, 0.56, 0.78), torn);
      const pShadow = shadowPaint(sdBox(px + 0.025, py + 0.03, 0.56, 0.78), 0.05, 0.5);
      if (posterD > 0) return over(pShadow, paint(lit(board), 1));
      let p: RGB = red;
      const border = sdBox(px, py, 0.56, 0.78);
      if (border > -0.075) p = ink;
      else if (border > -0.1) p = cream;
      // Medallion with the closed eye: lid filled, lash line curving down, lashes hanging.
      const my = py - 0.2;
      const med = sdCircle(px, my, 0.38);
      if (med < 0) p = cream;
      p = mix(p, ink, coverage(Math.abs(med) - 0.02, aa));
      const lidLine = 0.16 - 0.1 * (1 - (px / 0.27) ** 2);
      const lidTop = 0.16 + 0.06 * (1 - (px / 0.27) ** 2);
      const inLid = Math.abs(px) < 0.27 && my < lidTop && my > lidLine - 0.02;
      if (inLid && med < 0) p = ink;
      let lash = Infinity;
      for (const l of lashes) lash = Math.min(lash, sdSegment(px, my, l[0], l[1], l[2], l[3]) - 0.016);
      const brow = Math.abs(Math.hypot(px, my - 0.02) - 0.33) - 0.025;
      const browMask = my > 0.2 && Math.abs(px) < 0.26 ? 1 : 0;
      p = mix(p, ink, Math.max(coverage(lash, aa) * (med < 0 ? 1 : 0), coverage(brow, aa) * browMask));
      // A tear-drop falling from the eye: a downcast gaze.
      const drop = Math.min(sdCircle(px, my + 0.19, 0.035), sdPolygon(px, my, [-0.03, -0.18, 0.03, -0.18, 0, -0.1]));
      p = mix(p, red, coverage(drop, aa));
      // Three chevrons pointing down.
      for (let i = 0; i < 3; i++) {
        const cy = -0.3 - i * 0.14;
        const chev = sdPolyline(px, py, [-0.22, cy + 0.07, 0, cy - 0.05, 0.22, cy + 0.07]) - 0.032;
        p = mix(p, i === 0 ? cream : mix(cream, red, 0.25 * i), coverage(chev, aa));
      }
      // Age: paper grain, paste wrinkles, sun-faded top.
      const age = fbm(noise, px * 7, py * 7, 8.5, 4);
      p = scale(p, 0.78 + 0.32 * age);
      p = mix(p, [210, 196, 160], smoothstep(0.6, 0.78, age) * 0.35);
      const wrinkle = Math.exp(-(((px * 0.6 + py + 0.1) / 0.01) ** 2)) * 0.15;
      p = scale(p, 1 + wrinkle - 0.08 * smoothstep(-0.1, -0.78, py));
      return paint(lit(p), coverage(posterD, aa));
    },
    'normal',
    roll * 0.3,
  );
};

/** A jagged crack of real daylight in the dome, a frosted fracture round it, and a faint ray. */
export const lightCrack: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'light-crack');
  const rng = mulberry32(seed);
  const noise = createNoise3(seed);
  const day = daylightColour(brief);
  const axis = (20 + rng() * 30) * (Math.PI / 180);
  const ax = Math.cos(axis);
  const ay = Math.sin(axis);
  const half = (sign: number) => {
    const pts: number[] = [];
    let off = 0;
    const n = 14;
    for (let i = 1; i <= n; i++) {
      const kink = rng() < 0.35 ? (rng() < 0.5 ? -1 : 1) * (0.05 + rng() * 0.08) : 0;
      off = Math.max(-0.16, Math.min(0.16, off + (rng() - 0.5) * 0.08 + kink));
      const t = ((i - rng() * 0.4) / n) * 0.92 * sign;
      pts.push(ax * t - ay * off, ay * t + ax * off);
    }
    return pts;
  };
  const right = half(1);
  const left = half(-1);
  const main: number[] = [];
  for (let i = left.length - 2; i >= 0; i -= 2) main.push(left[i]!, left[i + 1]!);
  main.push(0, 0, ...right);
  const branches = [3, 8, 17, 22, 12].map((i) => {
    const bx = main[i * 2] ?? 0;
    const by = main[i * 2 + 1] ?? 0;
    const ang = axis + (rng() < 0.5 ? 1 : -1) * (0.6 + rng() * 0.6);
    const pts = [bx, by];
    const len = 0.15 + rng() * 0.25;
    for (let k = 1; k <= 4; k++) {
      const t = (k / 4) * len;
      pts.push(bx + Math.cos(ang) * t + (rng() - 0.5) * 0.05, by + Math.sin(ang) * t + (rng() - 0.5) * 0.05);
    }
    return pts;
  });
  // Hairline fractures radiating from the point of impact, and the ring they broke along.
  const hairs = Array.from({ length: 11 }, (_, i) => {
    const a = (i / 11) * Math.PI * 2 + rng() * 0.4;
    const l = 0.25 + rng() * 0.3;
    return [0, 0, Math.cos(a) * l * 0.5 + (rng() - 0.5) * 0.04, Math.sin(a) * l * 0.5, Math.cos(a) * l, Math.sin(a) * l];
  });
  const dist = (x: number, y: number) => {
    let branch = Infinity;
    for (const b of branches) branch = Math.min(branch, sdPolyline(x, y, b));
    let hair = Infinity;
    if (x * x + y * y < 0.4) for (const h of hairs) hair = Math.min(hair, sdPolyline(x, y, h));
    return { main: sdPolyline(x, y, main), branch, hair };
  };
  // The ray: a faint shaft falling away from the crack, towards the bottom of the view.
  drawUnit(
    pano,
    el,
    2.3,
    (x, y) => {
      if (y > 0.1) return null;
      const t = -y / 2.2;
      const across = x / (0.35 + t * 0.6);
      const streak = 0.6 + 0.8 * noise(across * 4, 0.5, 3.3);
      const a = 0.14 * streak * smoothstep(1, 0.2, Math.abs(across)) * smoothstep(0, 0.15, t) * smoothstep(1, 0.55, t);
      return paint(day, a);
    },
    'add',
  );
  drawUnit(
    pano,
    el,
    1.6,
    (x, y) => {
      const d = dist(x, y);
      const g = Math.min(d.main, d.branch * 1.4);
      const r = Math.hypot(x, y);
      const frost = 0.22 * Math.exp(-((r / 0.75) ** 2)) * (0.7 + 0.6 * fbm(noise, x * 6, y * 6, 1.2, 3));
      return paint(day, 0.75 * Math.exp(-g / 0.025) + 0.3 * Math.exp(-g / 0.16) + frost + 0.25 * Math.exp(-d.hair / 0.01));
    },
    'add',
  );
  drawUnit(pano, el, 1.05, (x, y, aa) => {
    const d = dist(x, y);
    const core = Math.max(coverage(d.main - 0.013, aa), coverage(d.branch - 0.007, aa), 0.6 * coverage(d.hair - 0.003, aa));
    return paint([255, 253, 244], core);
  });
};
