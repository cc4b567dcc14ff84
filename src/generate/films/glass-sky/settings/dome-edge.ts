/**
 * Dome edge (scene "rooftop"): a catwalk high up against the inner face of the dome. The glass is a
 * few metres away: big diamond panes of painted night, brush strokes and flaked paint where real
 * daylight shows through, heavy ribs every sixth pane, all brightening towards the key light (where
 * the dome-seam element shines). Behind the viewer the dome falls away over the city, four hundred
 * metres below in blue haze (the city-lights element stands there), and the far side of the dome
 * rises across the void.
 */
import {
  DEG,
  type Noise3,
  type Panorama,
  type RGB,
  clamp,
  coverage,
  createNoise3,
  createPanorama,
  painterVector,
  hash01,
  mix,
  paint,
  shade,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import {
  type CityLook,
  type LatticeCell,
  type LookB,
  addC,
  cityAt,
  hazed,
  keyFall,
  latticeAt,
  latticeCover,
  lookB,
  mul,
  newCell,
  paintedStar,
  sphereFar,
  tone,
} from './common-b';

const R = 540;
/** Eye's distance inside the glass, measured along the dome's normal. */
const GAP = 4.5;
const PANES = 1080;
const EYE = 1.6;
/** Catwalk deck: z from the inner edge (railing) to the glass side. */
const DECK = { inner: -0.7, outer: 1.6, railTop: 1.0, railMid: 0.5, post: 1.5 };

export const paintDomeEdge: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const noise = createNoise3(seed ^ 0xd03e);
  const look = lookB(brief, { warm: [120, 100, 110], cool: [74, 92, 130] });
  const pano = createPanorama(width, height, [30, 36, 56]);
  // The dome's normal at the catwalk looks ahead and up; its centre lies behind and below.
  const n0 = painterVector(0, 42);
  const cx = -n0[0] * (R - GAP);
  const cy = -n0[1] * (R - GAP);
  const cz = -n0[2] * (R - GAP);
  const day = tone(look, [255, 226, 180], [214, 232, 255]);
  const city: CityLook = {
    roofs: [
      [70, 80, 110],
      [60, 70, 100],
      [86, 88, 112],
      [64, 76, 96],
    ],
    street: [24, 28, 44],
    light: [255, 184, 104],
    lit: 0.12,
    lamps: 0.8,
    seed,
  };
  const cell = newCell();
  const g = look.gain;
  shade(pano, (s) => {
    const { vx, vy, vz } = s;
    const kf = keyFall(look, vx, vy, vz, 28);
    const kWide = keyFall(look, vx, vy, vz, 75);
    // Catwalk deck, railing and posts first: they are nearest.
    if (vy < 0) {
      const td = EYE / -vy;
      const dz = vz * td;
      const dx = vx * td;
      if (dz > DECK.inner && dz < DECK.outer) {
        const fp = (td * s.px * DEG) / Math.max(0.05, -vy);
        return paint(mul(deck(dx, dz, fp, seed), g * (0.55 + 0.7 * kWide)), 1);
      }
    }
    if (vz < -1e-3) {
      const tr = DECK.inner / vz;
      const y = vy * tr + EYE;
      const x = vx * tr;
      const fpr = tr * s.px * DEG;
      const rail = Math.max(coverage(Math.abs(y - DECK.railTop) - 0.03, fpr), coverage(Math.abs(y - DECK.railMid) - 0.02, fpr));
      const k = Math.round(x / DECK.post);
      const post = y > 0 && y < DECK.railTop ? coverage(Math.abs(x - k * DECK.post) - 0.025, fpr) : 0;
      const cov = Math.max(rail, post);
      if (cov > 0.001) {
        const under = renderFar(s.vx, s.vy, s.vz, s.px, look, noise, seed, cell, city, cx, cy, cz, day);
        const top = y > DECK.railTop - 0.005 || y > DECK.railMid - 0.005 && y < DECK.railMid + 0.03 ? 1.4 : 0.9;
        const iron = mul(tone(look, [110, 86, 70], [78, 88, 108]), g * top * (0.6 + 0.8 * kWide));
        return paint(mix(under, iron, cov), 1);
      }
    }
    return paint(renderFar(vx, vy, vz, s.px, look, noise, seed, cell, city, cx, cy, cz, day), 1);
  });
  return pano;
};

function renderFar(
  vx: number,
  vy: number,
  vz: number,
  px: number,
  look: LookB,
  noise: Noise3,
  seed: number,
  cell: LatticeCell,
  city: CityLook,
  cx: number,
  cy: number,
  cz: number,
  day: RGB,
): RGB {
  const g = look.gain;
  const t = sphereFar(cx, cy, cz, R, vx, vy, vz);
  // The city's ground is the dome centre's level.
  if (vy < -1e-3) {
    const tg = cy / vy;
    const gx = vx * tg - cx;
    const gz = vz * tg - cz;
    if (tg < t && Math.hypot(gx, gz) < R) {
      const fp = (tg * px * DEG) / Math.max(0.02, -vy);
      let c = cityAt(gx, gz, fp, city, noise, look.key[0], look.key[2]);
      c = mul(c, g);
      return hazed(look, c, tg, 420, look.hazeColour);
    }
  }
  const nx = (vx * t - cx) / R;
  const ny = (vy * t - cy) / R;
  const nz = (vz * t - cz) / R;
  const inc = Math.abs(vx * nx + vy * ny + vz * nz);
  const fp = (t * px * DEG) / Math.max(0.08, inc);
  latticeAt(nx, ny, nz, PANES, cell);
  const unitM = cell.unit * R;
  const el = clamp(ny);
  // Painted night on the glass: close up, the brush strokes show.
  let c: RGB = mix([52, 66, 112], [22, 30, 70], Math.sqrt(el));
  const fine = clamp(1 - fp / 0.12);
  const strokes = fine > 0 ? noise(nx * 2200 + cell.iu, ny * 400, nz * 2200) - 0.5 : 0;
  const brush = noise(nx * 60, ny * 60, nz * 60);
  c = mul(c, (0.8 + 0.3 * brush) * (1 + 0.3 * strokes * fine) * (0.85 + 0.25 * hash01(cell.iu, cell.iv, 1, seed)));
  const sheen = Math.max(0, 1 - Math.abs(cell.fu - cell.fv) * 2.4) ** 2 * 0.2;
  c = addC(c, [90, 110, 160], sheen);
  c = mix(c, [255, 232, 176], paintedStar(cell, seed, fp / unitM) * 0.85);
  // Daylight behind the glass: it shows where the paint has flaked, most near the seam.
  const kf = keyFall(look, vx, vy, vz, 30);
  const kWide = keyFall(look, vx, vy, vz, 80);
  const near = clamp(1 - t / 60);
  const flake = near > 0 ? noise(nx * 1800, ny * 1800, nz * 1800) * 0.6 + 0.4 * noise(nx * 5200, ny * 5200, nz * 5200) : 0;
  const leak = clamp((flake - (0.72 - 0.14 * kf)) * 10) * near * fine;
  c = addC(c, day, 0.18 * kWide + 0.55 * kf);
  c = mix(c, day, leak * (0.5 + 0.5 * kf));
  // Ribs: near ones are deep girders with a lit flank and rivets.
  const cov = latticeCover(cell, R, fp, 0.05, 0.16);
  const dBar = Math.min(cell.bar, cell.heavy) * unitM;
  const flank = clamp(1 - dBar / 0.16);
  let metal: RGB = mul(tone(look, [92, 74, 62], [58, 62, 76]), 0.7 + 0.5 * flank);
  metal = addC(metal, day, 0.25 * kWide + 0.6 * kf);
  const rivet = (cell.heavy * unitM < 0.16 && Math.abs(((cell.fu + cell.fv) * 8) % 1 - 0.5) < 0.08 && fp < 0.05) ? 1.5 : 1;
  c = mix(c, mul(metal, rivet), cov);
  c = mul(c, g);
  return hazed(look, c, t, 900, look.hazeColour);
}

/** The catwalk's deck: riveted iron tread plates across the walkway, a kick plate at each edge. */
function deck(x: number, z: number, fp: number, seed: number): RGB {
  const plate = 1.2;
  const i = Math.floor(x / plate);
  const fx = x / plate - i;
  let c: RGB = mul([70, 70, 78], 0.85 + 0.25 * hash01(i, 0, 3, seed));
  // Raised diamond tread.
  const a = (x + z) / 0.09;
  const b = (x - z) / 0.09;
  const tread = (Math.abs((a % 1 + 1) % 1 - 0.5) < 0.12 && Math.abs((b % 1 + 1) % 1 - 0.5) < 0.35 ? 1 : 0) * clamp(1 - fp / 0.03);
  c = mul(c, 1 + 0.25 * tread + 0.08 * (1 - clamp(1 - fp / 0.03)));
  const seam = coverage(Math.min(fx, 1 - fx) * plate - 0.01, fp);
  c = mix(c, [30, 30, 36], seam);
  const kick = coverage(Math.min(z - DECK.inner, DECK.outer - z) - 0.06, fp);
  return mix(c, [96, 84, 74], kick);
}
