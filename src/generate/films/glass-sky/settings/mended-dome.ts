/**
 * Mended dome (ending "mend"): the dome whole again at night, seen from the belvedere on a tower
 * over the city. The lattice is intact; its panes carry the painted night sky, gilt painted stars
 * and a painted moon where the key light is; a scatter of freshly mended panes shines with new
 * solder. Below, the city asleep in blue: dark roofs, few lit windows, dim lamps, mist.
 */
import {
  type Panorama,
  type RGB,
  clamp,
  columns,
  coverage,
  createNoise3,
  createPanorama,
  painterVector,
  glow,
  hash01,
  mix,
  paint,
  shade,
  shadeBand,
  smoothstep,
  wrapYaw,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import {
  type CityLook,
  type LookB,
  VANTAGE,
  addC,
  cityAt,
  hazed,
  keyFall,
  latticeAt,
  latticeCover,
  lookB,
  mul,
  newCell,
  newHit,
  paintedStar,
  railPitches,
  tone,
  vantageRay,
} from './common-b';

const PANES = 72;

export const paintMendedDome: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const noise = createNoise3(seed ^ 0x3e1d);
  const look = lookB(brief, { warm: [70, 70, 96], cool: [46, 62, 100] });
  const pano = createPanorama(width, height, [20, 24, 40]);
  const g = look.gain;
  const moonLight = tone(look, [255, 222, 170], [200, 222, 255]);
  const city: CityLook = {
    roofs: [
      [62, 72, 104],
      [46, 58, 92],
      [78, 80, 108],
      [52, 66, 90],
      [70, 62, 88],
    ],
    street: [18, 22, 38],
    light: tone(look, [255, 176, 96], [255, 196, 130]),
    lit: 0.07,
    lamps: 0.55,
    seed,
  };
  const cell = newCell();
  const hit = newHit();
  const R = VANTAGE.domeRadius;
  const sunX = look.key[0];
  const sunZ = look.key[2];
  shade(pano, (s) => {
    const h = vantageRay(s.vx, s.vy, s.vz, s.px, hit);
    let c: RGB;
    if (h.kind === 'dome') {
      c = mendedGlass(h.nx, h.ny, h.nz, h.fp, look, noise, seed, cell);
      // The painted moon lights the lattice round it.
      c = addC(c, moonLight, 0.22 * keyFall(look, s.vx, s.vy, s.vz, 30));
      c = hazed(look, mul(c, g), h.t, 5000);
    } else if (h.kind === 'ground') {
      c = cityAt(h.x, h.z, h.fp, city, noise, sunX, sunZ);
      // Moonlight from the painted moon and a blue mist lying in the streets.
      c = mul(c, 0.8 + 0.3 * keyFall(look, s.vx, -s.vy, s.vz, 60));
      const mist = 0.25 * smoothstep(0.25, 0.75, noise(h.x / 90, h.z / 90, 4.2));
      c = mix(c, [70, 90, 130], mist);
      c = hazed(look, mul(c, g), h.t, 900, mix(look.hazeColour, [60, 74, 110], 0.5));
    } else {
      c = platformFloor(h.x, h.z, h.fp, seed);
      c = mul(c, g * (0.85 + 0.35 * keyFall(look, s.vx, -s.vy, s.vz, 80)));
    }
    return paint(c, 1);
  });
  // The painted moon: the brightest thing in the scene, where the script keys the light.
  const moonCol = tone(look, [255, 236, 200], [236, 242, 255]);
  glow(pano, { yaw: look.keyYaw, pitch: look.keyPitch, radius: 12, colour: mul(moonCol, 0.5), intensity: 0.3 * g });
  paintedMoon(pano, look, moonCol, seed);
  railing(pano, look);
  return pano;
};

/** The inner face of the intact dome: painted night, gilt stars, new solder on mended panes. */
function mendedGlass(nx: number, ny: number, nz: number, fp: number, look: LookB, noise: ReturnType<typeof createNoise3>, seed: number, cell: ReturnType<typeof newCell>): RGB {
  const R = VANTAGE.domeRadius;
  latticeAt(nx, ny, nz, PANES, cell);
  const el = clamp(ny);
  // Painted sky: a lighter band at the dome's foot (a painted horizon), deep blue at the crown.
  let c: RGB = mix([58, 74, 122], [16, 24, 62], Math.sqrt(el));
  c = addC(c, [60, 60, 90], 0.5 * Math.exp(-el / 0.08));
  const brush = noise(nx * 5 + 3, ny * 5, nz * 5);
  c = mul(c, 0.86 + 0.28 * brush);
  const hsh = hash01(cell.iu, cell.iv, 1, seed);
  c = mul(c, 0.88 + 0.22 * hsh);
  // Glassy sheen along each diamond's long diagonal.
  const sheen = Math.max(0, 1 - Math.abs(cell.fu - cell.fv) * 2.4) ** 2 * 0.16;
  c = addC(c, [80, 100, 150], sheen);
  const pxUnits = fp / (cell.unit * R);
  const star = paintedStar(cell, seed, pxUnits);
  c = mix(c, [255, 232, 176], star * 0.9);
  // Lattice metal: dark bronze, gilt where a pane was mended.
  const mended = hash01(cell.iu, cell.iv, 9, seed) < 0.022;
  const cov = latticeCover(cell, R, fp, 0.35, 0.8);
  const metal: RGB = mended ? [200, 160, 90] : mul([52, 50, 62], 0.8 + 0.4 * hash01(cell.iu, cell.iv, 4, seed));
  c = mix(c, metal, cov);
  if (mended) {
    // Fresh solder catches the light along the mended pane's edges.
    const edge = coverage(cell.bar * cell.unit * R - 0.9, fp) * clamp(1.2 / fp);
    c = mix(c, [230, 190, 120], edge * 0.35);
  }
  void look;
  return c;
}

/** A painted full moon with a darker painted "sea", ringed by a painted halo. */
function paintedMoon(pano: Panorama, look: LookB, col: RGB, seed: number): void {
  const centre = painterVector(look.keyYaw, look.keyPitch);
  const r = 4.2;
  const noise = createNoise3(seed ^ 0x77);
  shadeBand(pano, look.keyPitch - r * 3, Math.min(90, look.keyPitch + r * 3), (s) => {
    const d = Math.acos(clamp(s.vx * centre[0] + s.vy * centre[1] + s.vz * centre[2], -1, 1)) * 57.29578;
    if (d > r * 2.4) return null;
    const ring = coverage(Math.abs(d - r * 1.7) - 0.12, s.px) * 0.5;
    const disc = coverage(d - r, s.px);
    if (disc <= 0 && ring <= 0) return null;
    const seas = smoothstep(0.5, 0.65, noise(s.vx * 30, s.vy * 30, s.vz * 30));
    const body = mix(col, mul(col, 0.72), seas * 0.8);
    return disc > 0 ? paint(mul(mix(body, [255, 255, 250], 0.2 * (1 - d / r)), 0.72 + 0.25 * look.gain), disc) : paint([230, 200, 130], ring);
  });
  void wrapYaw;
}

/** Stone slabs of the belvedere, radial joints and a ring. */
function platformFloor(x: number, z: number, fp: number, seed: number): RGB {
  const r = Math.hypot(x, z);
  const ang = Math.atan2(x, z);
  const seg = Math.PI / 6;
  const slab = Math.floor(ang / seg);
  const fa = ang / seg - slab;
  const radial = coverage(Math.min(fa, 1 - fa) * r * seg - 0.008, fp);
  const ringJ = coverage(Math.abs(r - 0.8) - 0.008, fp);
  let c: RGB = mul([64, 70, 90], 0.85 + 0.25 * hash01(slab, r > 0.8 ? 1 : 0, 8, seed));
  c = mix(c, [40, 44, 58], Math.max(radial, ringJ));
  // A bronze compass rose under the viewer, pointing at yaw 0.
  const rose = 0.3 + 0.15 * Math.abs(Math.cos(ang * 2)) ** 8;
  c = mix(c, [120, 104, 84], coverage(r - rose, fp) * 0.5);
  return mul(c, r > VANTAGE.platform - 0.06 ? 0.6 : 1);
}

/** The iron railing round the belvedere: two rails and posts, lit from the moon's side. */
function railing(pano: Panorama, look: LookB): void {
  const [top, mid] = railPitches();
  const iron: RGB = tone(look, [96, 84, 80], [70, 80, 104]);
  for (const pitch of [top, mid]) {
    const half = pitch === top ? 0.7 : 0.45;
    shadeBand(pano, pitch - 1.5, pitch + 1.5, (s) => {
      const d = Math.abs(s.pitch - pitch);
      const lit = s.pitch > pitch + half * 0.3 ? 1.5 : 0.85;
      const k = 0.7 + 0.6 * keyFall(look, s.vx, 0, s.vz, 90);
      return paint(mul(iron, lit * k * look.gain), coverage(d - half, s.px));
    });
  }
  columns(pano, {
    yaws: Array.from({ length: 16 }, (_, i) => wrapYaw(11.25 + i * 22.5)),
    width: 1.1,
    bottomPitch: -Math.atan(VANTAGE.eye / VANTAGE.platform) * 57.29578,
    topPitch: top + 0.5,
    colour: mul(iron, look.gain),
    lightYaw: look.keyYaw,
    light: (yaw) => 0.7 + 0.5 * keyFall(look, Math.sin(yaw / 57.29578), 0, Math.cos(yaw / 57.29578), 90),
  });
}
