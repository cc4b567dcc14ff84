/** Workshop: the glassmaker's brick furnace, its mouth glowing. */
import { type RGB, add, clamp, coverage, createNoise3, fbm, hash01, mix, over, paint, scale, sdBox, sdCircle, smoothstep } from '../../../paint';
import type { Motif } from '../../../pipeline';
import { bricks, drawUnit, motifSeed, sdEllipse, shadowPaint } from './common';

/** Fire colour ramp from dull red (t = 0) to white-hot (t = 1). */
function heat(t: number): RGB {
  const u = clamp(t);
  if (u < 0.4) return mix([150, 30, 10], [255, 110, 20], u / 0.4);
  if (u < 0.75) return mix([255, 110, 20], [255, 200, 70], (u - 0.4) / 0.35);
  return mix([255, 200, 70], [255, 248, 220], (u - 0.75) / 0.25);
}

export const furnace: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'furnace');
  const noise = createNoise3(seed);
  const mouth = (x: number, y: number) => Math.min(sdBox(x, y + 0.25, 0.4, 0.25), sdCircle(x, y, 0.4));
  drawUnit(
    pano,
    el,
    1.9,
    (x, y) => paint([255, 130, 50], 0.45 * Math.exp(-(x * x + (y + 0.1) ** 2) / 0.25) + 0.15 * Math.exp(-(x * x + (y + 0.3) ** 2) / 1.0)),
    'add',
  );
  drawUnit(pano, el, 1.4, (x, y, aa) => {
    const bodyD = Math.min(sdBox(x, y + 0.4, 0.92, 0.62), sdCircle(x, y - 0.22, 0.92));
    const shadow = shadowPaint(sdEllipse(x, y + 1.04, 1.05, 0.08), 0.1, 0.5);
    if (bodyD > 0) return shadow;
    const md = mouth(x, y);
    const grit = 0.8 + 0.35 * fbm(noise, x * 20, y * 20, 0.6, 2);
    let c: RGB;
    if (md < 0) {
      // Inside: heat deepening inwards, tongues of flame, the crucible in silhouette.
      const inward = clamp(-md / 0.3);
      const flame = fbm(noise, x * 5, y * 3.5 - 1.3, 2.4, 4);
      c = heat(0.35 + 0.55 * inward + 0.35 * (flame - 0.5) + 0.15 * smoothstep(0.2, -0.4, y));
      const pot = Math.min(sdEllipse(x, y + 0.33, 0.22, 0.15), sdBox(x, y + 0.4, 0.2, 0.1));
      const potA = coverage(pot, aa) * (y < -0.2 ? 1 : 0);
      c = mix(c, [40, 14, 8], potA);
      const molten = sdEllipse(x, y + 0.2, 0.2, 0.035);
      c = mix(c, [255, 236, 170], coverage(molten, aa));
    } else if (md < 0.13 && y > -0.5) {
      // Voussoirs round the arch, lit hot on their inner faces.
      const ang = Math.atan2(y, x);
      const seg = y > 0 ? (ang / Math.PI) * 11 : 0;
      const joint = y > 0 ? coverage(Math.abs(seg - Math.round(seg)) * 0.11 - 0.006, aa) : coverage(Math.abs(((y + 1) / 0.09) % 1 - 0.5) * 0.09 - 0.004, aa);
      const tone = 0.85 + 0.25 * hash01(Math.floor(seg), 3, 0, seed);
      c = mix(scale([120, 64, 44], tone * grit), heat(0.3 + 0.4 * (1 - md / 0.13)), 0.55 * (1 - md / 0.13));
      c = mix(c, [40, 24, 20], joint * 0.8);
    } else {
      c = bricks(x, y, aa, grit, { h: 0.09, w: 0.2, colour: [112, 60, 42], mortar: [52, 42, 36], seed, vary: [130, 84, 52] });
      // Soot above the mouth, heat glow around it.
      const soot = smoothstep(0.1, 0.9, y) * smoothstep(0.8, 0.1, Math.abs(x)) * (0.6 + 0.5 * fbm(noise, x * 4, y * 4, 8.8, 3));
      c = scale(c, 1 - 0.7 * clamp(soot));
      c = add(c, [255, 120, 40], 0.55 * Math.exp(-md / 0.12));
      // Round shading of the beehive.
      c = scale(c, 0.65 + 0.35 * Math.sqrt(clamp(1 - (x / 0.95) ** 2)));
      // Two small glory holes up in the dome.
      for (const gx of [-0.55, 0.55]) {
        const g = Math.hypot(x - gx, y - 0.42);
        c = mix(c, heat(0.95 - g * 4), coverage(g - 0.065, aa));
        c = mix(c, [30, 24, 22], coverage(Math.abs(g - 0.075) - 0.012, aa));
      }
    }
    // Stone working sill across the mouth's foot.
    const sill = sdBox(x, y + 0.55, 0.58, 0.05);
    if (sill < 0.01) {
      const s = scale([120, 110, 100], (y > -0.53 ? 1.3 : 0.8) * grit);
      c = mix(c, add(s, [255, 130, 50], 0.35), coverage(sill, aa));
    }
    return over(paint(c, coverage(bodyD, aa)), shadow);
  });
};
