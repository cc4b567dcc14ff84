/**
 * Archive (scene "archive"): the round library under the warden's tower. Two tiers of bookcases
 * all round, a gallery with a turned-baluster railing on wooden posts between them, a panelled
 * bay above the gallery left for a chart, a coffered ceiling round the tower's shaft, a floor of
 * stone rings, and a hanging reading lamp (the key light) where the script puts it.
 */
import {
  DEG,
  type Panorama,
  type RGB,
  bookshelves,
  clamp,
  columns,
  coverage,
  createNoise3,
  createPanorama,
  painterVector,
  domeLattice,
  fbm,
  hash01,
  mix,
  mulberry32,
  paint,
  paintPlane,
  paintSubject,
  scale,
  sdBox,
  shadeBand,
  smoothstep,
  tangentFrame,
  wrapYaw,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import { angularFalloff, bloom, lookOf } from './common-a';

const EYE = 1.6;
const R = 8;
const GALLERY_R = 7.1;
const GALLERY_FLOOR = 2.8;
const UPPER_TOP = 6.8;
const pitchAt = (h: number, r: number) => Math.atan((h - EYE) / r) / DEG;
const FLOOR_PITCH = pitchAt(0, R);
const LOWER_TOP = pitchAt(2.6, R);
const SOFFIT = pitchAt(GALLERY_FLOOR, GALLERY_R);
const GALLERY_EDGE = pitchAt(GALLERY_FLOOR + 0.25, GALLERY_R);
const RAIL_TOP = pitchAt(GALLERY_FLOOR + 1.0, GALLERY_R);
const UPPER_BOTTOM = pitchAt(GALLERY_FLOOR + 0.25, R);
const UPPER_TOP_P = pitchAt(UPPER_TOP, R);
const CORNICE_TOP = UPPER_TOP_P + 4;

const PALETTE: readonly RGB[] = [
  [120, 36, 30],
  [146, 98, 44],
  [52, 74, 56],
  [44, 56, 90],
  [170, 136, 84],
  [98, 58, 36],
  [128, 64, 34],
  [76, 44, 56],
  [150, 140, 118],
];

export const paintArchive: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const rng = mulberry32(seed);
  const noise = createNoise3(seed ^ 0xa7c);
  const look = lookOf(brief, { hazeWarm: [90, 70, 56], hazeCool: [64, 74, 92] });
  const pano = createPanorama(width, height, [36, 26, 20]);
  const key = look.key;
  const kc = look.keyColour;
  const g = look.gain;
  // Light at a direction: the lamp's pool, the tower's dim light from above, a little fill.
  const light = (yaw: number, pitch: number): number => {
    const v = painterVector(yaw, pitch);
    const c = key[0] * v[0] + key[1] * v[1] + key[2] * v[2];
    return g * (0.42 + 1.05 * angularFalloff(c, 48) + 0.25 * angularFalloff(c, 110) + 0.12 * smoothstep(20, 80, pitch));
  };
  const tint = (c: RGB, k: number): RGB => [(c[0] * (kc[0] * 0.7 + 76)) / 255 * k, (c[1] * (kc[1] * 0.7 + 76)) / 255 * k, (c[2] * (kc[2] * 0.7 + 76)) / 255 * k];
  const hazeK = (dist: number) => 1 - Math.exp((-dist * look.haze) / 30);
  const hazed = (c: RGB, dist: number): RGB => mix(c, scale(look.hazeColour, g), hazeK(dist));

  // A wall bay above the gallery, kept for the chart (the element well above the horizon).
  const chart = brief.elements.find((e) => e.pitch > 12);
  const chartGap: readonly [number, number] | null = chart ? [chart.yaw - chart.radius - 5, chart.yaw + chart.radius + 5] : null;

  // Coffered ceiling round the tower shaft, lit faintly from the shaft above.
  shadeBand(pano, UPPER_TOP_P, CORNICE_TOP, (s) => {
    const t = (s.pitch - UPPER_TOP_P) / (CORNICE_TOP - UPPER_TOP_P);
    const dentil = t > 0.35 && t < 0.6 && Math.sin(s.yaw * DEG * 220) > 0 ? 1.25 : 1;
    return paint(hazed(tint(scale([110, 70, 40], (0.65 + 0.35 * Math.sin(t * Math.PI)) * dentil), light(s.yaw, s.pitch)), 9), 1);
  });
  domeLattice(pano, {
    basePitch: CORNICE_TOP,
    ribs: 16,
    rings: [CORNICE_TOP, 52, 63, 72],
    lineWidth: 1.6,
    colour: (s) => tint([128, 84, 48], light(s.yaw, s.pitch)),
    pane: (s, _cell, cu, cv) => {
      const l = light(s.yaw, s.pitch);
      if (s.pitch > 72) {
        // The tower's shaft: a dim well of stone with the warden's stair winding up it.
        const stair = Math.abs(((s.yaw + s.pitch * 9) % 40 + 40) % 40 - 20) < 3 ? 0.7 : 1;
        const well = 0.45 + 0.5 * smoothstep(72, 90, s.pitch);
        return hazed(scale(look.warm ? [96, 92, 100] : [90, 104, 124], well * stair * g), 14);
      }
      const inset = Math.min(cu, 1 - cu, cv, 1 - cv);
      const k = inset < 0.16 ? (cv < 0.16 ? 1.05 : 0.8) : 0.55;
      // A gilt star in each coffer: the keepers' idea of the sky.
      const du = (cu - 0.5) * 2;
      const dv = (cv - 0.5) * 2;
      const star = Math.min(Math.abs(du) + Math.abs(dv) * 4, Math.abs(dv) + Math.abs(du) * 4) < 0.5;
      return hazed(tint(star ? [200, 160, 80] : [104, 66, 38], k * l), 10);
    },
  });

  // Upper tier, behind the gallery.
  bookshelves(pano, rng, {
    bottomPitch: UPPER_BOTTOM,
    topPitch: UPPER_TOP_P,
    rows: 7,
    bayWidth: 14,
    yawOffset: chartGap ? chartGap[1] : 0,
    gaps: chartGap ? [chartGap] : [],
    palette: PALETTE,
    wood: [96, 58, 32],
    back: [32, 20, 13],
    light: (y, p) => light(y, p) * 0.95,
  });
  if (chartGap) {
    // Panelled walnut bay where the chart hangs.
    shadeBand(pano, UPPER_BOTTOM, UPPER_TOP_P, (s) => {
      const d = wrapYaw(s.yaw - (chartGap[0] + chartGap[1]) / 2);
      const half = (chartGap[1] - chartGap[0]) / 2;
      if (Math.abs(d) > half) return null;
      const grain = 0.85 + 0.25 * fbm(noise, s.vx * 40, s.vy * 6, s.vz * 40, 3);
      const panel = Math.abs(d) > half - 1.2 ? 1.15 : 0.9;
      return paint(tint(scale([98, 60, 34], grain * panel), light(s.yaw, s.pitch)), 1);
    });
  }
  // Lower tier, floor to gallery.
  bookshelves(pano, rng, {
    bottomPitch: FLOOR_PITCH,
    topPitch: LOWER_TOP,
    rows: 6,
    bayWidth: 12,
    yawOffset: 3,
    palette: PALETTE,
    wood: [92, 56, 30],
    back: [28, 18, 12],
    light,
  });
  // The gallery: its shadowed underside, the moulded edge, the railing.
  shadeBand(pano, LOWER_TOP, GALLERY_EDGE, (s) => {
    if (s.pitch < SOFFIT) {
      const beams = Math.abs(Math.sin(s.yaw * DEG * 36)) > 0.9 ? 1.3 : 1;
      return paint(tint(scale([60, 38, 24], beams * (0.6 + 0.4 * (s.pitch - LOWER_TOP) / (SOFFIT - LOWER_TOP))), light(s.yaw, s.pitch)), 1);
    }
    const t = (s.pitch - SOFFIT) / (GALLERY_EDGE - SOFFIT);
    const brass = Math.abs(t - 0.75) < 0.1;
    return paint(tint(brass ? [200, 150, 70] : scale([120, 76, 42], 0.8 + 0.4 * Math.sin(t * Math.PI)), light(s.yaw, s.pitch)), 1);
  });
  shadeBand(pano, GALLERY_EDGE, RAIL_TOP + 0.8, (s) => {
    const rail = s.pitch > RAIL_TOP - 0.7;
    if (rail) {
      const d = Math.abs(s.pitch - (RAIL_TOP - 0.2)) - 0.5;
      return paint(tint([130, 82, 44], light(s.yaw, s.pitch) * (1.1 - 0.4 * Math.abs(s.pitch - RAIL_TOP + 0.2))), coverage(d, s.px));
    }
    // Turned balusters, one every 1.6 degrees, their profile swelling and narrowing.
    const t = (s.pitch - GALLERY_EDGE) / (RAIL_TOP - 0.7 - GALLERY_EDGE);
    const a = ((s.yaw % 1.6) + 1.6) % 1.6 - 0.8;
    const w = 0.22 + 0.12 * Math.sin(t * Math.PI * 2) ** 2;
    const cov = coverage(Math.abs(a) - w, s.px);
    if (cov <= 0) return null;
    return paint(tint([118, 74, 40], light(s.yaw, s.pitch) * (0.8 + 0.4 * clamp(1 - Math.abs(a) / w))), cov);
  });
  // Posts carrying the gallery, clear of the lamp and the chart.
  const posts = Array.from({ length: 12 }, (_, i) => 15 + i * 30).map(wrapYaw).filter((y) =>
    brief.elements.every((e) => Math.abs(wrapYaw(y - e.yaw)) > e.radius + 4) && Math.abs(wrapYaw(y - look.keyYaw)) > 10,
  );
  columns(pano, { yaws: posts, width: 2.2, bottomPitch: pitchAt(0, GALLERY_R), topPitch: SOFFIT, colour: tint([112, 70, 40], 1), light, lightYaw: look.keyYaw });

  // Floor: stone rings round a brass inlay of the compass; the lamp's pool falls on it.
  const lampFloor = painterVector(look.keyYaw, 0);
  const lampDist = 2.2;
  paintPlane(
    pano,
    -EYE,
    (x, z, dist, fp, s) => {
      const r = Math.hypot(x, z);
      const ang = Math.atan2(x, z);
      const ring = Math.floor(r / 0.9);
      const n = Math.max(6, Math.round((2 * Math.PI * (ring + 0.5) * 0.9) / 1.1));
      const a = ((ang / (2 * Math.PI) + 1) * n) % n;
      const fa = a - Math.floor(a);
      const fr = r / 0.9 - ring;
      const joint = Math.max(coverage(Math.min(fr, 1 - fr) * 0.9 - 0.008, fp), coverage(Math.min(fa, 1 - fa) * ((2 * Math.PI * r) / n) - 0.008, fp));
      let c: RGB = scale((ring & 1) === 0 ? [118, 104, 88] : [96, 82, 70], (0.85 + 0.3 * hash01(ring, Math.floor(a), 3, seed)) * (1 - 0.5 * joint));
      const inlay = coverage(Math.abs(r - 1.3) - 0.03, fp) + coverage(Math.abs(r - 1.5) - 0.015, fp);
      c = mix(c, [196, 150, 74], clamp(inlay));
      const lx = x - lampFloor[0] * lampDist;
      const lz = z - lampFloor[2] * lampDist;
      const pool = 1.4 * Math.exp(-(lx * lx + lz * lz) / 2.2);
      const k = light(s.yaw, -20) * 0.8 + pool * g;
      return paint(hazed(tint(c, k), dist), 1);
    },
    { pitchLimit: FLOOR_PITCH },
  );

  paintLamp(pano, look.keyYaw, look.keyPitch, lampDist, look.keyColour, g);
  bloom(pano, look.keyYaw, look.keyPitch, 2.2, look.keyColour, 0.6);
  bloom(pano, look.keyYaw, look.keyPitch, 14, look.keyColour, 0.2 + 0.2 * look.haze);
  // Dust in the lamp's light.
  for (let i = 0; i < 40; i++) {
    bloom(pano, look.keyYaw + (rng() - 0.5) * 30, look.keyPitch + (rng() - 0.3) * 22, 0.08 + rng() * 0.1, [255, 225, 180], 0.3 + 0.4 * rng());
  }
  return pano;
};

/** A brass reading lamp hanging on a chain from the gallery, its glass shade glowing. */
function paintLamp(pano: Panorama, yaw: number, pitch: number, dist: number, glow: RGB, g: number): void {
  const frame = tangentFrame(yaw, 0);
  const m = DEG * dist;
  const cy = Math.tan(pitch * DEG) * dist;
  const chainTop = GALLERY_FLOOR - EYE + 0.5;
  const ext = (Math.atan(Math.max(chainTop, 0.6) / dist) / DEG) * 1.2 + 2;
  paintSubject(pano, frame, ext, (u, v, s) => {
    const x = u * m;
    const y = v * m;
    const aa = Math.max(s.px * m, 0.001);
    const ly = y - cy;
    // Shade: a shallow cone of amber glass, bright along its lower lip.
    const shadeHalf = 0.07 + 0.13 * clamp((0.1 - ly) / 0.16);
    const shade = Math.max(Math.abs(x) - shadeHalf, Math.abs(ly - 0.02) - 0.08);
    if (shade < aa) {
      const lip = smoothstep(0.04, -0.06, ly);
      return paint(mix([200, 120, 40], [255, 236, 180], lip), coverage(shade, aa));
    }
    const bulb = Math.hypot(x, ly + 0.08) - 0.045;
    if (bulb < aa) return paint([255, 248, 220], coverage(bulb, aa));
    const cap = sdBox(x, ly - 0.12, 0.04, 0.03);
    const link = ((y * 40) % 1 + 1) % 1;
    const chain = y > cy + 0.15 && y < chainTop ? Math.abs(x) - (link < 0.5 ? 0.006 : 0.012) : 1;
    const d = Math.min(cap, chain);
    if (d < aa) return paint(scale([150, 110, 56], g), coverage(d, aa));
    return null;
  });
  void glow;
}
