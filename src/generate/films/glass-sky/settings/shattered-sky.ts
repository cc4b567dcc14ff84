/**
 * Shattered sky (ending "shatter"): the dome broken open, seen from the same belvedere the mended
 * ending is watched from. A great jagged hole round the key light: pane edges cut in straight
 * breaks, bent ribs reaching into the opening, and through it a huge real sky of red-gold dawn with
 * the sun where the script keys the light. Shards of dome glass fall glinting over the city, which
 * lies below in gold mist, its roofs lit from the sunrise.
 */
import {
  DEG,
  type Noise3,
  type Panorama,
  type RGB,
  type Vec3,
  clamp,
  columns,
  coverage,
  createNoise3,
  createPanorama,
  painterVector,
  fbm,
  glow,
  hash01,
  mix,
  mulberry32,
  paint,
  paintSubject,
  shade,
  shadeBand,
  smoothstep,
  tangentFrame,
  wrapYaw,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import {
  type CityLook,
  type LatticeCell,
  type LookB,
  type SkyPalette,
  VANTAGE,
  addC,
  cityAt,
  hazed,
  keyFall,
  latticeAt,
  lookB,
  mul,
  newCell,
  newHit,
  paintedStar,
  railPitches,
  skyColour,
  tone,
  vantageRay,
} from './common-b';

const PANES = 72;

interface Hole {
  centre: Vec3;
  /** Angular radius of the opening, degrees. */
  radius: number;
}

export const paintShatteredSky: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const rng = mulberry32(seed);
  const noise = createNoise3(seed ^ 0x5a7e);
  const look = lookB(brief, { warm: [250, 170, 120], cool: [170, 170, 200] });
  const pano = createPanorama(width, height, [60, 40, 40]);
  const g = look.gain;
  const sun = look.key;
  const sky: SkyPalette = look.warm
    ? {
        coldLow: [196, 110, 100],
        coldHigh: [70, 58, 104],
        warmLow: [255, 180, 96],
        warmHigh: [214, 104, 78],
        halo: [255, 190, 110],
        disc: [255, 250, 228],
        discRadius: 1.7,
        haloWidth: 7,
      }
    : {
        coldLow: [150, 150, 180],
        coldHigh: [50, 70, 130],
        warmLow: [240, 210, 180],
        warmHigh: [120, 140, 190],
        halo: [255, 230, 200],
        disc: [255, 252, 240],
        discRadius: 1.7,
        haloWidth: 7,
      };
  // The opening is centred a little above the sun so the sun stands well inside it.
  const hole: Hole = { centre: painterVector(look.keyYaw, clamp(look.keyPitch + 22, 20, 70)), radius: 52 };
  const city: CityLook = {
    roofs: [
      [150, 96, 80],
      [128, 92, 86],
      [170, 120, 92],
      [110, 84, 90],
      [140, 110, 100],
    ],
    street: [46, 34, 40],
    light: [255, 190, 110],
    lit: 0.03,
    lamps: 0.15,
    seed,
  };
  const cell = newCell();
  const hit = newHit();
  const sunH = Math.hypot(sun[0], sun[2]) || 1;
  shade(pano, (s) => {
    const h = vantageRay(s.vx, s.vy, s.vz, s.px, hit);
    let c: RGB;
    if (h.kind === 'dome') {
      const a = Math.acos(clamp(s.vx * hole.centre[0] + s.vy * hole.centre[1] + s.vz * hole.centre[2], -1, 1)) / DEG;
      c = brokenDome(h.nx, h.ny, h.nz, h.fp, a, hole, () => realSky(sky, sun, s.vx, s.vy, s.vz, noise), look, noise, seed, cell);
      c = hazed(look, mul(c, g), h.t, 6000, skyColour(sky, sun, s.vx, 0.02, s.vz));
    } else if (h.kind === 'ground') {
      c = cityAt(h.x, h.z, h.fp, city, noise, sun[0] / sunH, sun[2] / sunH);
      // Lit from the sunrise pouring through the hole: gold towards the sun, rose away from it.
      const toward = keyFall(look, s.vx, 0, s.vz, 70);
      c = mul(c, 0.7 + 0.6 * toward);
      c = hazed(look, mul(c, g), h.t, 700, skyColour(sky, sun, s.vx, 0.01, s.vz));
    } else {
      c = floorWithShards(h.x, h.z, h.fp, seed);
      c = mul(c, g * (0.8 + 0.5 * keyFall(look, s.vx, 0, s.vz, 80)));
    }
    return paint(c, 1);
  });
  // Sun bloom and god-light pouring in through the opening.
  glow(pano, { yaw: look.keyYaw, pitch: look.keyPitch, radius: 5, colour: [255, 220, 160], intensity: 0.45 * g });
  glow(pano, { yaw: look.keyYaw, pitch: look.keyPitch, radius: 22, colour: tone(look, [255, 150, 80], [220, 220, 255]), intensity: 0.22 * g });
  fallingShards(pano, rng, look, hole, sky);
  railing(pano, look);
  return pano;
};

/** The real sky: red-gold dawn with streaks of cloud lit from below. */
function realSky(sky: SkyPalette, sun: Vec3, vx: number, vy: number, vz: number, noise: Noise3): RGB {
  let c = skyColour(sky, sun, vx, vy, vz);
  if (vy > 0.03) {
    const t = 1 / vy;
    const n = fbm(noise, vx * t * 0.6 + 5, vz * t * 1.8, 2.5, 3);
    const deck = smoothstep(0.03, 0.15, vy) * smoothstep(0.95, 0.45, vy);
    const dens = smoothstep(0.5, 0.72, n) * deck;
    if (dens > 0) {
      const gg = vx * sun[0] + vy * sun[1] + vz * sun[2];
      let cl = mix([150, 70, 90], [255, 150, 90], clamp((gg + 0.3) / 1.3));
      cl = addC(cl, [255, 220, 160], 0.6 * Math.exp((gg - 1) * 8));
      c = mix(c, cl, dens * 0.8);
    }
  }
  return c;
}

/**
 * The dome round the opening. a is the angle from the hole's centre (degrees). Panes break along
 * straight cuts that differ pane to pane, so the edge is jagged; ribs survive further into the
 * opening than the glass, each broken at its own length.
 */
function brokenDome(
  nx: number,
  ny: number,
  nz: number,
  fp: number,
  a: number,
  hole: Hole,
  skyAt: () => RGB,
  look: LookB,
  noise: Noise3,
  seed: number,
  cell: LatticeCell,
): RGB {
  const R = VANTAGE.domeRadius;
  latticeAt(nx, ny, nz, PANES, cell);
  const unitM = cell.unit * R;
  const angPx = fp / R / DEG;
  const aaA = Math.max(angPx, 0.02);
  // The break: big jagged lobes (low-frequency noise over the sphere), a per-pane threshold, and a
  // straight cut across each pane at its own angle, so the edge is all sharp broken corners.
  const ph = hash01(cell.iu, cell.iv, 21, seed);
  const th = hash01(cell.iu, cell.iv, 22, seed) * Math.PI * 2;
  const lobes = 22 * (noise(nx * 2.2 + 11, ny * 2.2, nz * 2.2) - 0.5) + 9 * (noise(nx * 6, ny * 6, nz * 6) - 0.5);
  const cut = (cell.fu - 0.5) * Math.cos(th) + (cell.fv - 0.5) * Math.sin(th);
  const thr = hole.radius + lobes + 7 * (ph - 0.5) + 9 * cut;
  const glassCov = coverage(thr - a, aaA);
  const outside = Math.max(0, a - thr);
  // Remaining glass: the painted night sky of the old dome, deep blue with gilt painted stars; only
  // near the break does the dawn pouring in warm it.
  const el = clamp(ny);
  let glass: RGB = mix([36, 46, 92], [10, 15, 44], Math.sqrt(el));
  glass = mul(glass, (0.82 + 0.3 * hash01(cell.iu, cell.iv, 1, seed)) * (0.9 + 0.2 * noise(nx * 5 + 3, ny * 5, nz * 5)));
  const sheen = Math.max(0, 1 - Math.abs(cell.fu - cell.fv) * 2.4) ** 2 * 0.14;
  glass = addC(glass, [80, 100, 150], sheen);
  const star = paintedStar(cell, seed, fp / unitM);
  glass = mix(glass, [255, 226, 160], star * 0.85);
  const nearBreak = Math.exp(-outside / 4);
  glass = addC(glass, tone(look, [255, 130, 70], [200, 200, 255]), 0.05 + 0.45 * nearBreak);
  // Cracks running out from the opening across the surviving panes.
  const crackN = Math.abs(noise(nx * 40, ny * 40, nz * 40) - 0.5);
  const crack = coverage(crackN - 0.012, 0.01) * Math.exp(-outside / 14) * clamp(0.6 / fp);
  glass = mix(glass, [255, 226, 180], crack * 0.75);
  // Lit edge of the broken glass.
  const rim = coverage(Math.abs(thr - a) - angPx * 0.8 - 0.15, aaA);
  // The real sky is only worked out where it shows (in the opening and at its lit edge).
  let c = glassCov >= 1 && rim <= 0 ? glass : mix(skyAt(), glass, glassCov);
  c = mix(c, [255, 236, 200], rim * 0.95);
  // Ribs. A handful survive deep into the opening, bent down and sideways; the rest snap at the edge.
  // How far this point lies inside the opening's smooth outline (no per-pane steps), in degrees.
  const into = Math.max(0, hole.radius + lobes - 5 - a);
  const share = clamp(1.6 / fp);
  const covU = ribCov(cell.iu + cell.fu, 0, a, thr, into, unitM, fp, aaA, hole.radius, seed);
  const covV = ribCov(cell.iv + cell.fv, 1, a, thr, into, unitM, fp, aaA, hole.radius, seed);
  const avg = clamp(((0.38 * 4) / unitM) * 2) * glassCov;
  const metalCov = Math.max(covU, covV) * share + avg * (1 - share);
  // Ribs against the bright sky are silhouettes; a hot rim where the sun catches them.
  const metal = mix([30, 24, 34], [255, 180, 110], 0.25 * (1 - glassCov));
  return mix(c, metal, metalCov);
}

/**
 * One rib family's line at lattice coordinate f. A handful of ribs survive deep into the opening,
 * wide and sagging sideways the further they reach; the rest snap just inside the glass's edge.
 */
function ribSurvival(r: number, fam: number, thr: number, holeR: number, seed: number): number {
  const h = hash01(r, 0, 31 + fam, seed);
  return h < 0.09 ? holeR - 14 - 22 * hash01(r, 0, 33 + fam, seed) : thr - 1.5 - 3 * h;
}

function ribCov(f: number, fam: number, a: number, thr: number, into: number, unitM: number, fp: number, aaA: number, holeR: number, seed: number): number {
  const base = Math.round(f);
  if (into <= 0) {
    // Intact dome: only this cell's nearest rib, unbent.
    const heavy = ((base % 6) + 6) % 6 === 0;
    const d = Math.abs(f - base) * unitM - (heavy ? 0.9 : 0.38);
    if (d > fp) return 0;
    return coverage(d, fp) * coverage(ribSurvival(base, fam, thr, holeR, seed) - a, aaA);
  }
  let best = 0;
  for (let o = -1; o <= 1; o++) {
    const r = base + o;
    const keep = hash01(r, 0, 31 + fam, seed) < 0.09;
    if (!keep && o !== 0) continue;
    const heavy = ((r % 6) + 6) % 6 === 0;
    const w = keep ? 1.8 + 1.2 * Math.min(1, into / 20) : heavy ? 0.9 : 0.38;
    const dir = hash01(r, 0, 35 + fam, seed) < 0.5 ? -1 : 1;
    const off = keep ? dir * Math.min(0.9, 0.0016 * into * into) : 0;
    const d = Math.abs(f - r - off) * unitM - w;
    if (d > fp) continue;
    const cov = coverage(d, fp) * coverage(ribSurvival(r, fam, thr, holeR, seed) - a, aaA);
    if (cov > best) best = cov;
  }
  return best;
}

/** Belvedere slabs strewn with fallen shards that catch the sun. */
function floorWithShards(x: number, z: number, fp: number, seed: number): RGB {
  const r = Math.hypot(x, z);
  const ang = Math.atan2(x, z);
  const seg = Math.PI / 6;
  const slab = Math.floor(ang / seg);
  const fa = ang / seg - slab;
  const joint = Math.max(coverage(Math.min(fa, 1 - fa) * r * seg - 0.008, fp), coverage(Math.abs(r - 0.8) - 0.008, fp));
  let c: RGB = mul([168, 130, 112], 0.85 + 0.25 * hash01(slab, r > 0.8 ? 1 : 0, 8, seed));
  c = mix(c, [70, 50, 50], joint);
  // Shards: small triangles on a jittered grid.
  const cs = 0.22;
  const i = Math.floor(x / cs);
  const j = Math.floor(z / cs);
  if (hash01(i, j, 40, seed) < 0.22) {
    const cx = (i + 0.5) * cs;
    const cz = (j + 0.5) * cs;
    const rot = hash01(i, j, 41, seed) * Math.PI * 2;
    const lx = (x - cx) * Math.cos(rot) - (z - cz) * Math.sin(rot);
    const lz = (x - cx) * Math.sin(rot) + (z - cz) * Math.cos(rot);
    const size = 0.015 + 0.035 * hash01(i, j, 42, seed);
    // A triangle: three half-planes.
    const d = Math.max(-lz - size * 0.5, lz * 0.5 + lx * 0.866 - size * 0.5, lz * 0.5 - lx * 0.866 - size * 0.5);
    const glint = hash01(i, j, 43, seed);
    c = mix(c, glint > 0.6 ? [255, 240, 210] : [200, 170, 170], coverage(d, fp) * 0.85);
  }
  return mul(c, r > VANTAGE.platform - 0.06 ? 0.6 : 1);
}

/**
 * Shards falling through the opening and over the city: long thin slivers of glass at every angle,
 * glinting gold or mirroring the sky, with a faint streak above each for the fall.
 */
function fallingShards(pano: Panorama, rng: () => number, look: LookB, hole: Hole, sky: SkyPalette): void {
  const count = 260;
  const hc = hole.centre;
  const hYaw = Math.atan2(hc[0], hc[2]) / DEG;
  const hPitch = Math.asin(hc[1]) / DEG;
  for (let i = 0; i < count; i++) {
    // Most fall in front, under the opening; some everywhere else above the city.
    const near = rng() < 0.7;
    const yaw = near ? wrapYaw(hYaw + (rng() + rng() - 1) * 95) : rng() * 360 - 180;
    const pitch = near ? clamp(hPitch - 25 + (rng() + rng() - 1) * 55, -25, 80) : -20 + rng() * 80;
    const size = (0.25 + 2.8 * rng() ** 3) * (near ? 1 : 0.6);
    const roll = rng() * 180;
    const aspect = 0.18 + 0.35 * rng();
    const gl = rng();
    const v = painterVector(yaw, pitch);
    const sunward = (v[0] * look.key[0] + v[1] * look.key[1] + v[2] * look.key[2] + 1) / 2;
    const glintK = gl < 0.35 ? 1 : 0.45 + 0.4 * sunward;
    const colour: RGB =
      gl < 0.35 ? [255, 240, 205] : mix(skyColour(sky, look.key, -v[0], Math.abs(v[1]) + 0.1, -v[2]), [255, 200, 140], 0.4 * sunward);
    const frame = tangentFrame(yaw, pitch, roll);
    const cr = Math.cos(roll * DEG);
    const sr = Math.sin(roll * DEG);
    const trail = size * (2 + rng() * 4);
    paintSubject(pano, frame, size * 1.5 + trail * 1.2, (u, w, s) => {
      // A sliver: a long diamond with one blunt end.
      const tu = Math.abs(u) / size;
      const tw = Math.abs(w) / (size * aspect);
      const d = (tu + tw - 1) * size * aspect;
      const body = coverage(d, s.px);
      // The streak above it points straight up in the panorama, whatever the shard's roll.
      const up = w * cr + u * sr;
      const across = u * cr - w * sr;
      const streak = up > 0 && up < trail ? 0.22 * Math.exp(-((across / (size * 0.25 + s.px)) ** 2)) * (1 - up / trail) : 0;
      const edge = coverage(Math.abs(d) - s.px * 0.6, s.px) * 0.6;
      const a = Math.max(body * (0.55 + 0.45 * glintK), streak, edge);
      if (a <= 0.002) return null;
      return paint(body > 0.5 ? mix(colour, [255, 250, 235], edge) : [255, 220, 170], a);
    });
  }
  void shadeBand;
}

/** The belvedere's iron railing, its tops caught by the sunrise. */
function railing(pano: Panorama, look: LookB): void {
  const [top, mid] = railPitches();
  const iron: RGB = [90, 60, 56];
  for (const pitch of [top, mid]) {
    const half = pitch === top ? 0.7 : 0.45;
    shadeBand(pano, pitch - 1.5, pitch + 1.5, (s) => {
      const d = Math.abs(s.pitch - pitch);
      const upper = s.pitch > pitch + half * 0.3;
      const k = 0.6 + 0.9 * keyFall(look, s.vx, 0, s.vz, 80);
      const c = upper ? mix(mul(iron, 1.3), [255, 190, 120], 0.5 * keyFall(look, s.vx, 0, s.vz, 60)) : mul(iron, 0.8);
      return paint(mul(c, k * look.gain), coverage(d - half, s.px));
    });
  }
  columns(pano, {
    yaws: Array.from({ length: 16 }, (_, i) => wrapYaw(11.25 + i * 22.5)),
    width: 1.1,
    bottomPitch: -Math.atan(VANTAGE.eye / VANTAGE.platform) / DEG,
    topPitch: top + 0.5,
    colour: mul(iron, look.gain),
    lightYaw: look.keyYaw,
    light: (yaw) => 0.6 + 0.8 * keyFall(look, Math.sin(yaw * DEG), 0, Math.cos(yaw * DEG), 80),
  });
}
