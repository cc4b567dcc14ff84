/**
 * Dawn square (ending "open-eyes"): the city's square at dawn with the dome opened. The lattice
 * still stands overhead, but every pane has swung open on its lower hinge like a petal: slender
 * glass leaves catching the dawn, and between them a soft real sky, peach where the sun rises (at
 * the key light, down a street leading out of the square) and clear blue above. Arcaded houses ring
 * the square; people stand about it as silhouettes, their heads raised to the sky.
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
  glow,
  hash01,
  mix,
  mulberry32,
  paint,
  paintSubject,
  sdBox,
  sdCircle,
  shade,
  tangentFrame,
  smoothstep,
  wrapYaw,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import {
  type LatticeCell,
  type LookB,
  type SkyPalette,
  addC,
  hazed,
  keyFall,
  latticeAt,
  lookB,
  mul,
  newCell,
  skyColour,
  sphereFar,
  tone,
} from './common-b';

const EYE = 1.6;
const SQUARE_R = 42;
const HOUSE_TOP = 15;
const DOME_R = 520;
/** Fewer, larger panes than the other dome scenes, so each opened petal is legible. */
const PANES = 48;
/** Half-width (degrees) of the street leading out of the square towards the sunrise. */
const STREET_HALF = 7;
const WALLS: readonly RGB[] = [
  [214, 180, 150],
  [196, 168, 146],
  [222, 196, 164],
  [188, 150, 130],
];

export const paintDawnSquare: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const rng = mulberry32(seed);
  const noise = createNoise3(seed ^ 0xda57);
  const look = lookB(brief, { warm: [236, 196, 180], cool: [180, 190, 214] });
  const pano = createPanorama(width, height, [120, 110, 120]);
  const sky: SkyPalette = look.warm
    ? {
        coldLow: [214, 178, 190],
        coldHigh: [96, 130, 190],
        warmLow: [255, 206, 160],
        warmHigh: [170, 176, 206],
        halo: [255, 200, 140],
        disc: [255, 248, 230],
        discRadius: 1.5,
        haloWidth: 6,
      }
    : {
        coldLow: [190, 196, 214],
        coldHigh: [80, 120, 190],
        warmLow: [236, 226, 214],
        warmHigh: [150, 170, 210],
        halo: [240, 230, 210],
        disc: [255, 252, 242],
        discRadius: 1.5,
        haloWidth: 6,
      };
  const cell = newCell();
  shade(pano, (s) => paint(traceSquare(s.vx, s.vy, s.vz, s.px, s.yaw, look, sky, noise, seed, cell), 1));
  glow(pano, { yaw: look.keyYaw, pitch: look.keyPitch, radius: 6, colour: [255, 226, 180], intensity: 0.4 * look.gain });
  glow(pano, { yaw: look.keyYaw, pitch: Math.max(0, look.keyPitch - 6), radius: 20, colour: tone(look, [255, 170, 110], [220, 230, 255]), intensity: 0.16 * look.gain });
  people(pano, rng, look, sky);
  return pano;
};

function traceSquare(
  vx: number,
  vy: number,
  vz: number,
  px: number,
  yaw: number,
  look: LookB,
  sky: SkyPalette,
  noise: Noise3,
  seed: number,
  cell: LatticeCell,
): RGB {
  const g = look.gain;
  const hLen = Math.hypot(vx, vz) || 1e-6;
  const sunH = keyFall(look, vx, 0, vz, 60);
  const inStreet = Math.abs(wrapYaw(yaw - look.keyYaw)) < STREET_HALF;
  const tw = SQUARE_R / hLen;
  const wy = vy * tw + EYE;
  if (vy < 0 && (-EYE / vy) * hLen < (inStreet ? 400 : SQUARE_R)) {
    const t = EYE / -vy;
    const x = vx * t;
    const z = vz * t;
    const fp = (t * px * DEG) / Math.max(0.04, -vy);
    let c = paving(x, z, fp, seed);
    // Long dawn light across the stones, and the sky's sheen on them towards the sun.
    c = mul(c, g * (0.75 + 0.5 * sunH));
    c = mix(c, skyColour(sky, look.key, vx, 0.05, vz), 0.15 + 0.25 * sunH * clamp(-vy * 3));
    return hazed(look, c, t, 500);
  }
  if (!inStreet && wy > 0 && wy < HOUSE_TOP) {
    const c = facade(yaw, wy, (tw * px * DEG) / Math.max(0.3, hLen), look, noise, seed);
    return hazed(look, mul(c, g), tw, 500);
  }
  if (inStreet && vy < 0.35) {
    // Down the street: houses on both sides receding to the sunrise, their fronts in shadow.
    const off = Math.abs(wrapYaw(yaw - look.keyYaw)) / STREET_HALF;
    const roof = Math.atan((HOUSE_TOP - 3 - EYE) / (SQUARE_R / Math.max(0.3, 1 - off * 0.82) * 1.4)) / DEG;
    const pitch = Math.asin(clamp(vy, -1, 1)) / DEG;
    if (pitch < roof && pitch > -2) {
      const depth = 1 - off;
      const c = mix([150, 110, 110], skyColour(sky, look.key, vx, 0.02, vz), 0.35 + 0.5 * depth);
      return mul(c, g);
    }
  }
  // The dome, its panes opened.
  const t = sphereFar(0, -EYE, 0, DOME_R, vx, vy, vz);
  const nx = (vx * t) / DOME_R;
  const ny = (vy * t + EYE) / DOME_R;
  const nz = (vz * t) / DOME_R;
  const skyC = skyColour(sky, look.key, vx, vy, vz);
  const fp = (t * px * DEG) / Math.max(0.1, Math.abs(vx * nx + vy * ny + vz * nz));
  return mul(openedDome(nx, ny, nz, fp, skyC, look, seed, cell), g);
}

/**
 * The lattice with each pane swung open outwards on its lowest corner: from below a pane shows as a
 * slender leaf rising from that corner, glass lit by the dawn on the sun's side.
 */
function openedDome(nx: number, ny: number, nz: number, fp: number, skyC: RGB, look: LookB, seed: number, cell: LatticeCell): RGB {
  latticeAt(nx, ny, nz, PANES, cell);
  const unitM = cell.unit * DOME_R;
  // Lowest corner of a diamond is fu = 0, fv = 1 (elevation grows with u - v).
  const a = cell.fu + (1 - cell.fv);
  const b = cell.fu - (1 - cell.fv);
  // Petals open wider and longer towards the crown, where the viewer looks straight up at them.
  const crown = clamp(ny) ** 2;
  const open = 0.6 + 0.25 * hash01(cell.iu, cell.iv, 12, seed);
  const len = (1.05 + 0.6 * crown) * open;
  const half = (0.3 + 0.16 * crown) * Math.sin(Math.min(1, a / len) * Math.PI) ** 0.8 * (0.85 + 0.3 * hash01(cell.iu, cell.iv, 13, seed));
  const leafD = Math.max(Math.abs(b) - half, a - len) * unitM * 0.7071;
  const leaf = coverage(leafD, fp);
  const sunward = keyFall(look, nx, ny * 0.3, nz, 90);
  // Tilted glass: one side of the leaf faces the dawn and catches it, the other falls into shade; a
  // fold down the middle and a bright rim where the edge of the glass turns the light.
  const across = b / Math.max(half, 1e-3);
  const tiltSide = hash01(cell.iu, cell.iv, 14, seed) < 0.5 ? 1 : -1;
  const lit = clamp(0.5 + 0.5 * across * tiltSide);
  let glass: RGB = mix([96, 112, 160], [255, 210, 164], clamp(0.25 + 0.75 * sunward) * (0.45 + 0.55 * lit));
  glass = mix(glass, [255, 248, 230], 0.55 * Math.exp(-((across * tiltSide - 0.45) ** 2) * 10) * (0.4 + 0.6 * sunward));
  glass = mix(glass, [255, 240, 214], (0.25 + 0.35 * (a / len)) * smoothstep(0.9, 1, Math.abs(across)));
  glass = mul(glass, 0.86 + 0.14 * Math.abs(across));
  const rimC = coverage(Math.abs(leafD) - 0.12, fp) * clamp(1.2 / fp);
  let c = mix(skyC, glass, leaf * 0.92);
  c = mix(c, [255, 246, 226], rimC * 0.6 * (0.5 + 0.5 * sunward));
  // The ribs: dark iron against the bright sky, heavier every sixth.
  const d = cell.bar * unitM - 0.3;
  const dh = cell.heavy * unitM - 0.8;
  const share = clamp(1.6 / fp);
  const cov = Math.max(coverage(d, fp), coverage(dh, fp)) * share + clamp((0.3 * 4) / unitM + 0.35 * (1.6 / unitM)) * (1 - share);
  c = mix(c, mix([70, 58, 70], [200, 150, 120], 0.3 * sunward), cov);
  return c;
}

function paving(x: number, z: number, fp: number, seed: number): RGB {
  // Rings of setts round the square's centre, a wide band of pale stone every few rings.
  const r = Math.hypot(x, z);
  const ring = 0.45;
  const ri = Math.floor(r / ring);
  const fr = r / ring - ri;
  const circ = Math.max(1, Math.round((2 * Math.PI * (ri + 0.5) * ring) / 0.5));
  const ang = (Math.atan2(x, z) / (2 * Math.PI) + 0.5) * circ + (ri & 1) * 0.5;
  const ai = Math.floor(ang);
  const fa = ang - ai;
  const fade = clamp(1 - fp / 0.05);
  const joint = Math.max(coverage(Math.min(fr, 1 - fr) * ring - 0.015, fp), coverage(Math.min(fa, 1 - fa) * ((2 * Math.PI * r) / circ) - 0.015, fp)) * fade;
  const band = ri % 9 === 0;
  let c: RGB = band ? [196, 178, 160] : mul([150, 134, 126], 0.8 + 0.35 * hash01(ri, ai, 3, seed));
  c = mix(c, [80, 70, 72], joint * 0.8 + (1 - fade) * 0.1);
  return c;
}

/** Arcaded house fronts round the square: arches at the ground, shuttered windows, a cornice. */
function facade(yaw: number, h: number, fp: number, look: LookB, noise: Noise3, seed: number): RGB {
  const along = ((yaw + 180) / 360) * 2 * Math.PI * SQUARE_R;
  const house = Math.floor(along / 11);
  const wallC: RGB = WALLS[Math.floor(hash01(house, 0, 5, seed) * WALLS.length)] ?? WALLS[0]!;
  const v = keyFall(look, Math.sin(yaw * DEG), 0, Math.cos(yaw * DEG), 100);
  // Facades facing the sunrise (across the square from it) are lit; the rest in soft blue shadow.
  const lit = 1 - v;
  let c = mul(wallC, 0.55 + 0.55 * lit);
  c = mul(c, 0.92 + 0.16 * noise(along * 0.3, h * 0.3, 0.5));
  const bay = 3.6;
  const bi = Math.floor(along / bay);
  const u = along - (bi + 0.5) * bay;
  if (h < 5.2) {
    // The arcade: round-headed openings onto a shadowed walk.
    const arch = Math.min(sdBox(u, h - 1.8, 1.35, 1.8), sdCircle(u, h - 3.6, 1.35));
    const inside = mix([60, 50, 60], [110, 90, 90], lit * 0.5);
    c = mix(c, inside, coverage(arch, fp));
    c = mix(c, mul(c, 0.8), coverage(Math.abs(arch + 0.0) - 0.12, fp) * 0.5);
  } else if (h > 5.2 && h < 5.6) {
    c = mul(c, 1.15);
  } else if (h < HOUSE_TOP - 1.2) {
    const storey = Math.floor((h - 5.6) / 3.1);
    const fh = h - 5.6 - storey * 3.1;
    const win = sdBox(u, fh - 1.45, 0.55, 0.85);
    const open = hash01(bi, storey, 7, seed);
    // Shutters thrown open this morning on most windows: the people looking out too.
    const glass = open < 0.6 ? mix([70, 70, 90], [255, 210, 160], lit * 0.4) : [90, 110, 100];
    c = mix(c, glass as RGB, coverage(win, fp));
    const shutterL = sdBox(u + 0.85, fh - 1.45, 0.28, 0.85);
    const shutterR = sdBox(u - 0.85, fh - 1.45, 0.28, 0.85);
    if (open < 0.6) c = mix(c, mul([80, 110, 96], 0.6 + 0.5 * lit), coverage(Math.min(shutterL, shutterR), fp));
  } else {
    // Cornice and roof edge.
    c = mul(c, h > HOUSE_TOP - 0.5 ? 0.65 : 1.1);
  }
  return c;
}

/**
 * People standing about the square, drawn as silhouettes (the sunrise is behind many of them), each
 * with the head tipped back to look up, some pointing, some with a child on the shoulders.
 */
function people(pano: Panorama, rng: () => number, look: LookB, sky: SkyPalette): void {
  const n = 34;
  for (let i = 0; i < n; i++) {
    // Many between the viewer and the sunrise, so they stand dark against it.
    const front = i < 7 || rng() < 0.45;
    const yaw = i < 7 ? wrapYaw(look.keyYaw + (i - 3) * 22 + (rng() - 0.5) * 10) : front ? wrapYaw(look.keyYaw + (rng() + rng() - 1) * 50) : rng() * 360 - 180;
    // A few stand close to the viewer (large), the rest scattered across the square.
    const near = i < 7;
    const dist = near ? 2.4 + rng() * 3.2 : 4 + rng() ** 1.6 * 24;
    const facing = rng() < 0.5 ? -1 : 1;
    const height = 1.55 + rng() * 0.3;
    const point = rng() < 0.25;
    const child = !point && rng() < 0.12;
    const mPerDeg = dist * DEG;
    const midPitch = Math.atan((height / 2 - EYE) / dist) / DEG;
    const frame = tangentFrame(yaw, midPitch);
    const back = keyFall(look, Math.sin(yaw * DEG), 0, Math.cos(yaw * DEG), 70);
    const body: RGB = mix(mix([110, 96, 110], [60, 48, 60], back), skyColour(sky, look.key, 0, 0.2, 1), 0.15);
    const rim: RGB = [255, 214, 170];
    // Just the figure's own reach (a raised arm or a child on the shoulders included).
    const extent = (height * 0.5 + 0.5) / mPerDeg;
    paintSubject(pano, frame, extent, (u, v, s) => {
      // Local metres: x across, y up from the feet.
      const x = u * mPerDeg * facing;
      const y = v * mPerDeg + height / 2;
      const aa = s.px * mPerDeg;
      const legs = sdBox(x, y - height * 0.24, 0.1 + 0.02 * (y < 0.2 ? 1 : 0), height * 0.24);
      const torso = sdBox(x, y - height * 0.62, 0.17 - (y - height * 0.62) * 0.12, height * 0.16) - 0.03;
      const neck = sdBox(x + 0.02, y - height * 0.82, 0.045, 0.06);
      // The head tipped right back: an egg tilted so the face turns to the sky, nose and chin jutting
      // up-forward, so the raised gaze reads even in silhouette.
      const hy = height * 0.905;
      const fx = Math.cos(48 * DEG);
      const fy = Math.sin(48 * DEG);
      const hx = x + 0.03;
      const hyy = y - hy;
      const hf = hx * fx + hyy * fy;
      const hs = -hx * fy + hyy * fx;
      const head = sdCircle(hf, hs / 1.15, 0.112);
      const nose = sdBox(hf - 0.12, hs - 0.01, 0.04, 0.024);
      const chin = sdBox(hf - 0.075, hs + 0.085, 0.035, 0.035) - 0.012;
      const nose2 = Math.min(nose, chin);
      let d = Math.min(legs, torso, neck, head, nose2);
      if (point) {
        // An arm raised, pointing up at the opened sky.
        const ax = x - 0.1;
        const ay = y - height * 0.74;
        d = Math.min(d, Math.max(Math.abs(ax * 0.94 - ay * 0.34) - 0.04, -(ay * 0.94 + ax * 0.34), ay * 0.94 + ax * 0.34 - 0.62));
      }
      if (child) {
        d = Math.min(d, sdCircle(x + 0.02, y - height - 0.28, 0.085), sdBox(x, y - height - 0.08, 0.1, 0.14) - 0.02);
      }
      const cov = coverage(d, aa);
      if (cov <= 0) return null;
      // A thin rim of sunrise along the silhouette's edge on the sun's side.
      const edge = clamp(1 + d / 0.025);
      return paint(mix(mul(body, look.gain), rim, edge * back * 0.6), cov);
    });
  }
}
