/**
 * Shared pieces of the workshop, dome-edge, shattered-sky, mended-dome and dawn-square painters:
 * the script's light turned into colours and levels, distance haze, ray hits against the dome
 * sphere, the dome's diamond lattice (the same loxodromic panes the street scenes show), skies,
 * and the city seen from above. Sizes are in metres or degrees, so the painters look the same at
 * every panorama size.
 */
import { DEG, type Noise3, type RGB, type Vec3, clamp, coverage, painterVector, hash01, mix, smoothstep } from '../../../paint';
import type { SceneBrief } from '../../../pipeline';

/** The script's lighting, resolved. */
export interface LookB {
  /** Unit vector towards the key light. */
  readonly key: Vec3;
  readonly keyYaw: number;
  readonly keyPitch: number;
  readonly warm: boolean;
  /** Overall brightness multiplier from intensity. */
  readonly gain: number;
  readonly haze: number;
  readonly hazeColour: RGB;
}

export function lookB(brief: SceneBrief, haze: { warm: RGB; cool: RGB }): LookB {
  const l = brief.lighting;
  const warm = l.tone === 'warm';
  return {
    key: painterVector(l.key.yaw, l.key.pitch),
    keyYaw: l.key.yaw,
    keyPitch: l.key.pitch,
    warm,
    gain: 0.62 + 0.7 * clamp(l.intensity),
    haze: clamp(l.haze),
    hazeColour: warm ? haze.warm : haze.cool,
  };
}

/** The warm or cool variant of a colour, as the script's tone picks. */
export function tone(look: LookB, warm: RGB, cool: RGB): RGB {
  return look.warm ? warm : cool;
}

/** Angular falloff round the key light: 1 at the key, 1/e at `width` degrees. */
export function keyFall(look: LookB, vx: number, vy: number, vz: number, width: number): number {
  const c = look.key[0] * vx + look.key[1] * vy + look.key[2] * vz;
  const a = Math.acos(c < -1 ? -1 : c > 1 ? 1 : c) / DEG / width;
  return Math.exp(-a * a);
}

/** Mixes a colour towards the haze colour over a distance; `metres` is the 63% distance at haze 1. */
export function hazed(look: LookB, c: RGB, dist: number, metres: number, colour: RGB = look.hazeColour): RGB {
  return mix(c, colour, 1 - Math.exp((-dist * (0.15 + look.haze)) / metres));
}

export function mul(c: RGB, k: number): RGB {
  return [c[0] * k, c[1] * k, c[2] * k];
}

/** A surface colour lit by a light colour (0..255) at a level. */
export function litBy(c: RGB, light: RGB, k: number): RGB {
  const f = k / 255;
  return [c[0] * light[0] * f, c[1] * light[1] * f, c[2] * light[2] * f];
}

export function addC(a: RGB, b: RGB, k: number): RGB {
  return [a[0] + b[0] * k, a[1] + b[1] * k, a[2] + b[2] * k];
}

/**
 * Far root of a ray from the origin against a sphere (the viewer inside it): the distance to the
 * dome's inner face along (vx, vy, vz), or -1 when the ray misses.
 */
export function sphereFar(cx: number, cy: number, cz: number, r: number, vx: number, vy: number, vz: number): number {
  const b = cx * vx + cy * vy + cz * vz;
  const c = cx * cx + cy * cy + cz * cz - r * r;
  const disc = b * b - c;
  if (disc < 0) return -1;
  return b + Math.sqrt(disc);
}

/** Where a direction falls in the dome's diamond lattice. */
export interface LatticeCell {
  iu: number;
  iv: number;
  /** Position inside the diamond, 0..1 along each rib family. */
  fu: number;
  fv: number;
  /** Arc length of one lattice unit, in radians of the dome sphere. */
  unit: number;
  /** Distance to the nearest rib in lattice units, and to the nearest heavy rib (every sixth). */
  bar: number;
  heavy: number;
}

/**
 * The dome's lattice at a point of its sphere given by the unit normal (nx, ny, nz) from the dome's
 * centre: loxodromic ribs in two families, so panes stay diamond-shaped and shrink towards the crown.
 */
export function latticeAt(nx: number, ny: number, nz: number, panes: number, out: LatticeCell): LatticeCell {
  const el = Math.asin(clamp(ny, -1, 1));
  const az = Math.atan2(nx, nz);
  const m = Math.log(Math.tan(Math.PI / 4 + Math.max(el, 0.02) / 2));
  const n = panes / (2 * Math.PI);
  const u = (az + m) * n;
  const v = (az - m) * n;
  const iu = Math.floor(u);
  const iv = Math.floor(v);
  const fu = u - iu;
  const fv = v - iv;
  out.iu = iu;
  out.iv = iv;
  out.fu = fu;
  out.fv = fv;
  out.unit = Math.cos(el) / (n * Math.SQRT2);
  out.bar = Math.min(fu, 1 - fu, fv, 1 - fv);
  const mu = ((iu % 6) + 6) % 6;
  const mv = ((iv % 6) + 6) % 6;
  const hu = mu === 0 ? fu : mu === 5 ? 1 - fu : 1;
  const hv = mv === 0 ? fv : mv === 5 ? 1 - fv : 1;
  out.heavy = Math.min(hu, hv);
  return out;
}

export function newCell(): LatticeCell {
  return { iu: 0, iv: 0, fu: 0, fv: 0, unit: 1, bar: 1, heavy: 1 };
}

/**
 * Coverage of the lattice metal at a cell, with bar half-widths in metres; fp is a pixel's
 * footprint in metres on the dome. Bars thinner than a pixel blend to an average share instead of
 * shimmering.
 */
export function latticeCover(cell: LatticeCell, radius: number, fp: number, bar: number, heavyBar: number): number {
  const unitM = cell.unit * radius;
  const d = cell.bar * unitM - bar;
  const dh = cell.heavy * unitM - heavyBar;
  const cov = Math.max(coverage(d, fp), coverage(dh, fp));
  const share = clamp((heavyBar * 2) / fp);
  // Average metal share of a pane when its bars are sub-pixel.
  const avg = clamp(((bar * 2) / unitM) * 2 + ((heavyBar * 2) / unitM) * 0.35);
  return cov * share + avg * (1 - share);
}

/**
 * A painted four-pointed star (the dome's false stars) inside a pane at (fu, fv); returns coverage.
 * px is one pixel in lattice units.
 */
export function paintedStar(cell: LatticeCell, seed: number, pxUnits: number): number {
  const h = hash01(cell.iu, cell.iv, 2, seed);
  if (h < 0.3) return 0;
  let best = 0;
  for (let k = 0; k < (h > 0.75 ? 2 : 1); k++) {
    const su = 0.22 + 0.56 * hash01(cell.iu, cell.iv, 3 + k, seed);
    const sv = 0.22 + 0.56 * hash01(cell.iu, cell.iv, 5 + k, seed);
    const size = 0.05 + 0.08 * hash01(cell.iu, cell.iv, 7 + k, seed) ** 2;
    const du = Math.abs(cell.fu - su);
    const dv = Math.abs(cell.fv - sv);
    // u and v run diagonally: rotate so the points stand upright.
    const a = Math.abs(du - dv) * 0.7071;
    const b = (du + dv) * 0.7071;
    const spikes = Math.min(a / size + b / (size * 0.22), b / size + a / (size * 0.22));
    const k2 = clamp((1 - spikes) * 2) + 0.6 * Math.exp(-(a * a + b * b) / (size * size * 0.08));
    const vis = Math.min(1, size / (pxUnits * 0.8));
    best = Math.max(best, clamp(k2) * vis);
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Skies

export interface SkyPalette {
  /** Horizon and zenith away from the sun, horizon and high sky towards it. */
  readonly coldLow: RGB;
  readonly coldHigh: RGB;
  readonly warmLow: RGB;
  readonly warmHigh: RGB;
  readonly halo: RGB;
  readonly disc: RGB;
  /** Degrees of the sun disc. */
  readonly discRadius: number;
  readonly haloWidth: number;
}

/** A real sky round a low sun: warm towards the sun, cooler and darker away and up. */
export function skyColour(p: SkyPalette, sun: Vec3, vx: number, vy: number, vz: number): RGB {
  const e = Math.max(0, vy);
  const h = Math.hypot(vx, vz) || 1;
  const sh = Math.hypot(sun[0], sun[2]) || 1;
  const w = ((1 + (vx * sun[0] + vz * sun[2]) / (h * sh)) / 2) ** 1.6;
  const up = Math.sqrt(clamp(e / 0.9));
  const cold = mix(p.coldLow, p.coldHigh, up);
  const warm = mix(p.warmLow, p.warmHigh, up);
  let c = mix(cold, warm, w);
  const g = vx * sun[0] + vy * sun[1] + vz * sun[2];
  const ang = Math.acos(clamp(g, -1, 1)) / DEG;
  c = addC(c, p.halo, 0.55 * Math.exp(-ang / p.haloWidth) + 0.35 * Math.exp(-((ang / (p.haloWidth * 5)) ** 2)));
  return mix(c, p.disc, clamp((p.discRadius - ang) / 0.25 + 0.5));
}

// ---------------------------------------------------------------------------------------------
// The city seen from above

export interface CityLook {
  readonly roofs: readonly RGB[];
  readonly street: RGB;
  /** Lit windows and lamps. */
  readonly light: RGB;
  /** Share of roofs with a lit window, 0..1, and brightness of the street lamps. */
  readonly lit: number;
  readonly lamps: number;
  readonly seed: number;
}

/**
 * The city's ground plane at (x, z) metres, seen from above: blocks of houses (roof tiles with a
 * ridge, one side in shade), streets between them with lamps along the kerbs, a few lit skylights.
 * fp is a pixel's footprint in metres. `sunX/sunZ` is the horizontal direction the light comes
 * from, to shade the roof pitches.
 */
export function cityAt(x: number, z: number, fp: number, c: CityLook, noise: Noise3, sunX: number, sunZ: number): RGB {
  const block = 40;
  const streetW = 6;
  // Domain warp so blocks are not a perfect grid.
  const wx = x + 14 * noise(x / 160, z / 160, 3.3);
  const wz = z + 14 * noise(x / 160, z / 160, 7.7);
  const bi = Math.floor(wx / block);
  const bj = Math.floor(wz / block);
  const lx = wx - bi * block;
  const lz = wz - bj * block;
  const edge = Math.min(lx, block - lx, lz, block - lz);
  const inStreet = coverage(edge - streetW / 2, fp);
  // Houses: a row of lots round the block's edge, a courtyard inside.
  const lot = 9 + 3 * hash01(bi, bj, 1, c.seed);
  const along = edge === lx || edge === block - lx ? lz : lx;
  const li = Math.floor(along / lot);
  const fa = along / lot - li;
  const depth = edge - streetW / 2;
  const roofDepth = 13.5;
  const hid = hash01(bi * 131 + li, bj, 2, c.seed);
  let col = c.roofs[Math.floor(hid * c.roofs.length)] ?? c.street;
  const tone = 0.7 + 0.5 * hash01(bi, bj * 17 + li, 4, c.seed);
  // Ridge along the street: the two roof pitches face the street and the courtyard.
  const ridgeSide = depth < roofDepth / 2 ? -1 : 1;
  const facing = edge === lx ? -1 : edge === block - lx ? 1 : 0;
  const facingZ = edge === lz ? -1 : edge === block - lz ? 1 : 0;
  const shadeK = 0.78 + 0.3 * clamp(-ridgeSide * (facing * sunX + facingZ * sunZ) + 0.5);
  col = mul(col, tone * shadeK);
  // Party walls between lots and the ridge line, fading before they alias.
  const fade = clamp(1 - fp / 0.9);
  const wall = coverage(Math.min(fa, 1 - fa) * lot - 0.25, fp) * fade;
  const ridge = coverage(Math.abs(depth - roofDepth / 2) - 0.2, fp) * fade;
  col = mix(col, mul(col, 0.55), Math.max(wall, ridge * 0.6));
  const courtyard = smoothstep(roofDepth, roofDepth + Math.max(0.5, fp), depth);
  const yard = mix(mul(c.street, 0.8), [52, 64, 46], 0.5 * noise(x / 5, z / 5, 1.1));
  col = mix(col, yard, courtyard);
  // A lit skylight on some roofs.
  if (courtyard < 1 && hash01(bi * 131 + li, bj, 6, c.seed) < c.lit) {
    const sx = (fa - 0.5) * lot;
    const sz = depth - roofDepth * 0.3;
    const d = Math.hypot(sx, sz) - 0.7;
    col = addC(col, c.light, 0.9 * coverage(d, fp) + 0.25 * Math.exp(-Math.max(0, d) / 1.6));
  }
  let out = mix(col, c.street, inStreet);
  // Lamps along the streets: small warm points, bloom so they survive distance.
  if (c.lamps > 0 && edge < streetW) {
    const spacing = 14;
    const lamp = Math.floor(along / spacing);
    const ds = Math.hypot((along / spacing - lamp - 0.5) * spacing, edge - streetW / 2 + 0.6);
    const size = Math.max(0.35, fp * 0.7);
    out = addC(out, c.light, c.lamps * (Math.exp(-((ds / size) ** 2)) * Math.min(1, 0.45 / size + 0.25) + 0.05 * Math.exp(-ds / 3)));
  }
  return out;
}

/** Smooth 0..1 ramp of t between a and b (either order). */
export function ramp(a: number, b: number, t: number): number {
  return smoothstep(a, b, t);
}

// ---------------------------------------------------------------------------------------------
// The belvedere: the round top of a tower the two dome endings are watched from

/** Eye height above the city, the dome's radius, and the belvedere's floor radius (metres). */
export const VANTAGE = { height: 62, domeRadius: 540, platform: 1.7, eye: 1.6, rail: 1.0 } as const;

/**
 * What a ray from the belvedere sees, before any colour: the platform floor, the city's ground,
 * or the dome's inner face. Distances in metres; (nx, ny, nz) the dome normal when it is the dome.
 */
export interface VantageHit {
  kind: 'platform' | 'ground' | 'dome';
  t: number;
  x: number;
  z: number;
  nx: number;
  ny: number;
  nz: number;
  /** One pixel's footprint on the surface hit, metres. */
  fp: number;
}

export function vantageRay(vx: number, vy: number, vz: number, pxDeg: number, out: VantageHit): VantageHit {
  const { height: H, domeRadius: R, platform, eye } = VANTAGE;
  const hLen = Math.hypot(vx, vz);
  if (vy < -1e-4) {
    const tp = eye / -vy;
    if (tp * hLen < platform + 0.02) {
      out.kind = 'platform';
      out.t = tp;
      out.x = vx * tp;
      out.z = vz * tp;
      out.fp = (tp * pxDeg * DEG) / Math.max(0.05, -vy);
      return out;
    }
    const tg = H / -vy;
    if (tg * hLen < R) {
      out.kind = 'ground';
      out.t = tg;
      out.x = vx * tg;
      out.z = vz * tg;
      out.fp = (tg * pxDeg * DEG) / Math.max(0.02, -vy);
      return out;
    }
  }
  const t = sphereFar(0, -H, 0, R, vx, vy, vz);
  out.kind = 'dome';
  out.t = t;
  out.x = vx * t;
  out.z = vz * t;
  out.nx = out.x / R;
  out.ny = (vy * t + H) / R;
  out.nz = out.z / R;
  const inc = Math.abs(vx * out.nx + vy * out.ny + vz * out.nz);
  out.fp = (t * pxDeg * DEG) / Math.max(0.08, inc);
  return out;
}

export function newHit(): VantageHit {
  return { kind: 'dome', t: 0, x: 0, z: 0, nx: 0, ny: 1, nz: 0, fp: 0 };
}

/** Pitches of the belvedere's iron rails (top and middle) as seen from the eye. */
export function railPitches(): readonly [number, number] {
  const { platform, eye, rail } = VANTAGE;
  return [-Math.atan((eye - rail) / platform) / DEG, -Math.atan((eye - rail * 0.5) / platform) / DEG];
}
