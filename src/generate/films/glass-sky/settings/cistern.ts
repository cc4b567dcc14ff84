/**
 * Cistern (scene "cistern"): a vaulted underground reservoir. Square brick pillars stand in a grid
 * in black still water, arches spring between them and groin vaults close each bay; rows of
 * arches recede into haze. The viewer stands on a small stone landing. The outer wall, lined with
 * iron pipes, stands ahead; light falls in from the inflow where the script puts the key light,
 * and the water mirrors everything. Traced per pixel (boxes, arch slabs, planes), once more for
 * the reflection.
 */
import {
  DEG,
  type Noise3,
  type Panorama,
  type RGB,
  clamp,
  createNoise3,
  createPanorama,
  fbm,
  hash01,
  mix,
  paint,
  scale,
  shade,
  smoothstep,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import { type Look, angularFalloff, bloom, bricks, lookOf } from './common-a';

/** Heights relative to the eye. */
const WATER = -1.95;
const LANDING = -1.6;
const LANDING_HALF = 1.15;
const SPRING = 1.1;
const S = 4.2;
const PW = 0.38;
const ARCH_R = S / 2 - PW;
const CROWN = SPRING + ARCH_R;
const CEIL = CROWN + 0.7;
const ROOM = { x0: -30, x1: 30, z0: -26 };

interface Ctx {
  look: Look;
  noise: Noise3;
  seed: number;
  x0: number;
  z0: number;
  wallZ: number;
  lx: number;
  ly: number;
  lz: number;
  /** A grate far behind lets a little grey light down. */
  gx: number;
  gz: number;
}

interface Hit {
  t: number;
  kind: number; // 0 none, 1 pillar, 2 arch face, 3 soffit, 4 ceiling, 5 water, 6 outer wall, 7 side/back wall, 8 landing
  nx: number;
  nz: number;
}

export const paintCistern: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const noise = createNoise3(seed ^ 0xc15);
  const look = lookOf(brief, { hazeWarm: [52, 40, 34], hazeCool: [46, 58, 76] });
  const pano = createPanorama(width, height, [14, 18, 24]);
  // A pillar stands close where an eye-level element (tally marks) is, so it has a face to go on.
  const mark = brief.elements.find((e) => Math.abs(e.pitch) < 20 && Math.abs(e.yaw - brief.lighting.key.yaw) > 30);
  const my = (mark?.yaw ?? -60) * DEG;
  const md = 2.4 + PW;
  const x0 = md * Math.sin(my);
  const z0 = md * Math.cos(my);
  // The outer wall stands across the key direction, midway between two rows of pillars.
  const kz = Math.cos(look.keyYaw * DEG);
  const wallZ = z0 + S * (Math.max(1, Math.round(Math.max(8, 12 * Math.max(kz, 0.3)) / S)) + 0.5);
  const kh = Math.cos(look.keyPitch * DEG);
  const t = wallZ / Math.max(0.2, kh * Math.max(kz, 0.2));
  const lx = t * kh * Math.sin(look.keyYaw * DEG);
  const ly = Math.min(CEIL - 0.3, t * Math.sin(look.keyPitch * DEG));
  const ctx: Ctx = { look, noise, seed, x0, z0, wallZ, lx, ly, lz: wallZ - 0.6, gx: x0 - 2 * S + S / 2, gz: z0 - 3 * S + S / 2 };

  shade(pano, (s) => paint(soft(scale(rayColour(ctx, s.vx, s.vy, s.vz, s.px), look.gain)), 1));
  // The inflow's light and its broken reflection in the water.
  bloom(pano, look.keyYaw, look.keyPitch, 3, look.keyColour, 0.55);
  bloom(pano, look.keyYaw, look.keyPitch, 12, look.keyColour, 0.2 + 0.2 * look.haze);
  const dh = Math.hypot(lx, ctx.lz);
  const mirrorPitch = Math.atan((WATER - (ly - WATER)) / dh) / DEG;
  bloom(pano, look.keyYaw, mirrorPitch, 1.6, look.keyColour, 0.35, 4);
  return pano;
};

function soft(c: RGB): RGB {
  return [roll(c[0]), roll(c[1]), roll(c[2])];
}
function roll(v: number): number {
  return v < 200 ? v : 200 + 55 * (1 - Math.exp(-(v - 200) / 55));
}

function archY(u: number): number {
  const a = ARCH_R * ARCH_R - u * u;
  return a > 0 ? SPRING + Math.sqrt(a) : SPRING;
}

/** Nearest pillar-line offset: coordinate minus the nearest grid line through origin o. */
function offLine(v: number, o: number): number {
  const k = Math.round((v - o) / S);
  return v - (o + k * S);
}

/** First hit along one axis family of faces (pillar faces and arch slabs). */
function traceAxis(
  o: number, d: number, oc: number, dc: number, oy: number, dy: number, lineO: number, crossO: number, tMax: number, hit: Hit, isX: boolean,
): void {
  if (Math.abs(d) < 1e-7) return;
  const sgn = d > 0 ? 1 : -1;
  // First pillar line whose near face lies ahead of the origin.
  let k = sgn > 0 ? Math.ceil((o + PW - lineO) / S) : Math.floor((o - PW - lineO) / S);
  for (let n = 0; n < 40; n++, k += sgn) {
    const face = lineO + k * S - sgn * PW;
    const t = (face - o) / d;
    if (t >= tMax || t >= hit.t) return;
    if (t <= 1e-4) continue;
    const c = oc + dc * t;
    const y = oy + dy * t;
    if (y > CEIL || y < WATER) continue;
    const off = offLine(c, crossO);
    if (Math.abs(off) < PW) {
      hit.t = t;
      hit.kind = 1;
      hit.nx = isX ? -sgn : 0;
      hit.nz = isX ? 0 : -sgn;
      return;
    }
    // Between two pillars of this line: an arch slab.
    const span = c - (crossO + Math.floor((c - crossO) / S) * S + S / 2);
    if (y > archY(span)) {
      hit.t = t;
      hit.kind = 2;
      hit.nx = isX ? -sgn : 0;
      hit.nz = isX ? 0 : -sgn;
      return;
    }
    const t2 = t + (2 * PW) / Math.abs(d);
    const c2 = oc + dc * t2;
    const y2 = oy + dy * t2;
    const span2 = c2 - (crossO + Math.floor((c2 - crossO) / S) * S + S / 2);
    if (y2 > archY(span2) && y2 < CEIL) {
      hit.t = (t + t2) / 2;
      hit.kind = 3;
      hit.nx = 0;
      hit.nz = 0;
      return;
    }
  }
}

function trace(ctx: Ctx, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, landing: boolean): Hit {
  let tMax = Infinity;
  let kind = 0;
  let nx = 0;
  let nz = 0;
  if (dy > 1e-7) {
    tMax = (CEIL - oy) / dy;
    kind = 4;
  } else if (dy < -1e-7) {
    tMax = (WATER - oy) / dy;
    kind = 5;
    if (landing) {
      const tl = (LANDING - oy) / dy;
      const lx = ox + dx * tl;
      const lz = oz + dz * tl;
      if (Math.abs(lx) < LANDING_HALF && Math.abs(lz) < LANDING_HALF) {
        tMax = tl;
        kind = 8;
      } else {
        // The landing's sides, down to the water.
        const tx = dx !== 0 ? (Math.sign(dx) * LANDING_HALF - ox) / dx : Infinity;
        const tz = dz !== 0 ? (Math.sign(dz) * LANDING_HALF - oz) / dz : Infinity;
        const ts = Math.min(tx, tz);
        if (ts < tMax && oy + dy * ts < LANDING) {
          tMax = ts;
          kind = 8;
          nx = tx < tz ? -Math.sign(dx) : 0;
          nz = tx < tz ? 0 : -Math.sign(dz);
        }
      }
    }
  }
  const walls: Array<[number, number, number, number]> = [];
  if (dz > 1e-7) walls.push([(ctx.wallZ - oz) / dz, 6, 0, -1]);
  if (dz < -1e-7) walls.push([(ROOM.z0 - oz) / dz, 7, 0, 1]);
  if (dx > 1e-7) walls.push([(ROOM.x1 - ox) / dx, 7, -1, 0]);
  if (dx < -1e-7) walls.push([(ROOM.x0 - ox) / dx, 7, 1, 0]);
  for (const w of walls) {
    if (w[0] < tMax) {
      tMax = w[0];
      kind = w[1];
      nx = w[2];
      nz = w[3];
    }
  }
  const hit: Hit = { t: tMax, kind, nx, nz };
  traceAxis(ox, dx, oz, dz, oy, dy, ctx.x0, ctx.z0, tMax, hit, true);
  traceAxis(oz, dz, ox, dx, oy, dy, ctx.z0, ctx.x0, Math.min(tMax, hit.t), hit, false);
  return hit;
}

/** Light reaching a point: the inflow (strong, warm or cool by tone), the grate, a dim fill. */
function lightAt(ctx: Ctx, x: number, y: number, z: number, nx: number, ny: number, nz: number): { key: number; fill: number } {
  const dx = ctx.lx - x;
  const dy = ctx.ly - y;
  const dz = ctx.lz - z;
  const d2 = dx * dx + dy * dy + dz * dz;
  const d = Math.sqrt(d2);
  const lam = Math.max(0, (dx * nx + dy * ny + dz * nz) / d) * 0.85 + 0.15;
  const key = (lam * 170) / (d2 + 6);
  const gx = ctx.gx - x;
  const gz = ctx.gz - z;
  const gy = CEIL - y;
  const g2 = gx * gx + gy * gy + gz * gz;
  const glam = Math.max(0, (gx * nx + gy * ny + gz * nz) / Math.sqrt(g2)) * 0.8 + 0.2;
  return { key, fill: 0.62 + (glam * 30) / (g2 + 3) };
}

function shadeHit(ctx: Ctx, hit: Hit, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, fp: number): RGB {
  const { noise, seed } = ctx;
  const x = ox + dx * hit.t;
  const y = oy + dy * hit.t;
  const z = oz + dz * hit.t;
  const hw = y - WATER;
  let albedo: RGB;
  let ny = 0;
  let nx = hit.nx;
  let nz = hit.nz;
  const stain = fbm(noise, x * 0.4, y * 0.4, z * 0.4, 3);
  switch (hit.kind) {
    case 1:
    case 2: {
      const along = hit.nx !== 0 ? z : x;
      const b = bricks(along, hw, fp, 0.24, 0.08, 0.01, seed);
      albedo = scale([122, 80, 62], b.tone * (1 - 0.4 * b.joint));
      if (hit.kind === 2) {
        // Voussoirs: a ring of headers just above the arch curve.
        const span = offLine(along, hit.nx !== 0 ? ctx.z0 + S / 2 : ctx.x0 + S / 2);
        const ring = y - archY(span);
        if (ring < 0.26) albedo = scale([136, 92, 70], 1 - 0.35 * b.joint);
      } else if (hw < 0.6) {
        // Waterline: wet, darker brick and a green tide mark.
        albedo = mix(albedo, [50, 62, 44], 0.6 * smoothstep(0.6, 0.1, hw));
      }
      // Lime bloom leaching from the joints.
      albedo = mix(albedo, [150, 150, 140], 0.35 * smoothstep(0.6, 0.8, stain));
      break;
    }
    case 3:
      albedo = [96, 64, 50];
      ny = -1;
      break;
    case 4: {
      // Groin vault: the ridge diagonals catch light, the cells between curve into shadow.
      const fx = offLine(x, ctx.x0 + S / 2) / S;
      const fz = offLine(z, ctx.z0 + S / 2) / S;
      const groin = 1 - Math.abs(Math.abs(fx) - Math.abs(fz)) * 2.4;
      const b = bricks(x, z, fp, 0.24, 0.08, 0.01, seed + 4);
      albedo = scale([110, 74, 58], (0.55 + 0.45 * clamp(groin)) * b.tone * (1 - 0.3 * b.joint));
      ny = -1;
      // The grate: a square of bars open to a grey shaft far above.
      const gd = Math.max(Math.abs(x - ctx.gx), Math.abs(z - ctx.gz));
      if (gd < 0.6) {
        const bar = Math.abs(((x - ctx.gx + 0.6) % 0.2) - 0.1) < 0.025;
        return bar ? [20, 22, 24] : [110, 122, 130];
      }
      break;
    }
    case 6:
    case 7: {
      const along = hit.nx !== 0 ? z : x;
      const b = bricks(along, hw, fp, 0.7, 0.4, 0.014, seed + 2);
      albedo = scale([104, 92, 80], b.tone * (1 - 0.45 * b.joint) * (0.8 + 0.35 * stain));
      if (hw < 0.7) albedo = mix(albedo, [46, 56, 42], 0.6 * smoothstep(0.7, 0.1, hw));
      // Iron pipes along the outer walls, with flanges, and drops into the water.
      const pipes = [1.5, 2.3];
      for (const p of pipes) {
        const r = 0.17;
        const dp = Math.abs(hw - p);
        if (dp < r) {
          const flange = Math.abs(((along + 100) % 2.4) - 1.2) < 0.06;
          const round = Math.sqrt(1 - (dp / r) ** 2);
          albedo = scale(flange ? [70, 60, 52] : [56, 46, 40], (0.45 + 0.7 * round * (hw > p ? 1 : 0.7)) * (flange ? 1.2 : 1));
          albedo = mix(albedo, [120, 70, 40], 0.4 * smoothstep(0.5, 0.75, stain));
        }
      }
      const drop = Math.abs(((along + 103) % 9) - 4.5);
      if (drop < 0.12 && hw < 2.3) albedo = scale([52, 44, 38], 0.5 + 0.6 * Math.sqrt(1 - (drop / 0.12) ** 2));
      break;
    }
    case 8: {
      // The landing: worn flags, wet at the edge.
      const b = bricks(x, z, fp, 0.6, 0.45, 0.012, seed + 6);
      albedo = scale([100, 98, 92], b.tone * (1 - 0.45 * b.joint));
      if (hit.nx === 0 && hit.nz === 0) ny = 1;
      else albedo = scale(albedo, 0.6);
      break;
    }
    default:
      return ctx.look.hazeColour;
  }
  if (ny === 0 && nx === 0 && nz === 0) ny = -1;
  const l = lightAt(ctx, x, y, z, nx, ny, nz);
  const kc = ctx.look.keyColour;
  const f = ctx.look.fill;
  return [
    (albedo[0] * (kc[0] * l.key + f[0] * l.fill)) / 255,
    (albedo[1] * (kc[1] * l.key + f[1] * l.fill)) / 255,
    (albedo[2] * (kc[2] * l.key + f[2] * l.fill)) / 255,
  ];
}

/** Haze in the dark: thick, dim, lit up towards the inflow. */
function hazeTo(ctx: Ctx, c: RGB, t: number, dx: number, dy: number, dz: number, ox: number, oz: number): RGB {
  const { look } = ctx;
  const k = 1 - Math.exp((-t * look.haze) / 16);
  const toward = angularFalloff(look.key[0] * dx + look.key[1] * dy + look.key[2] * dz, 28);
  const near = 1 / (1 + ((ox - ctx.lx) ** 2 + (oz - ctx.lz) ** 2) / 200);
  const hc = look.hazeColour;
  const kc = look.keyColour;
  const g = 0.35 * toward + 0.1 * near;
  const haze: RGB = [hc[0] + kc[0] * g, hc[1] + kc[1] * g, hc[2] + kc[2] * g];
  return mix(c, haze, k);
}

function rayColour(ctx: Ctx, dx: number, dy: number, dz: number, px: number): RGB {
  const hit = trace(ctx, 0, 0, 0, dx, dy, dz, true);
  const pxr = px * DEG;
  if (hit.kind !== 5) {
    const fp = (hit.t * pxr) / Math.max(0.1, Math.abs(hit.nx ? dx : hit.nz ? dz : dy));
    return hazeTo(ctx, shadeHit(ctx, hit, 0, 0, 0, dx, dy, dz, fp), hit.t, dx, dy, dz, 0, 0);
  }
  // Still black water: a dark mirror, a faint ripple, brighter at grazing angles.
  const wx = dx * hit.t;
  const wz = dz * hit.t;
  const ripple = (fbm(ctx.noise, wx * 1.3, 7.7, wz * 1.3, 2) - 0.5) * 0.03;
  const rdx = dx + ripple;
  const rdz = dz + ripple * 0.7;
  const rdy = -dy;
  const r = trace(ctx, wx, WATER, wz, rdx, rdy, rdz, false);
  let refl: RGB;
  if (r.kind === 5 || r.kind === 0) refl = ctx.look.hazeColour;
  else {
    const fp = ((hit.t + r.t) * pxr) / Math.max(0.1, Math.abs(r.nx ? rdx : r.nz ? rdz : rdy));
    refl = hazeTo(ctx, shadeHit(ctx, r, wx, WATER, wz, rdx, rdy, rdz, fp), r.t, rdx, rdy, rdz, wx, wz);
  }
  const fresnel = 0.6 + 0.35 * (1 - Math.abs(dy)) ** 4;
  const deep: RGB = [12, 16, 20];
  const c = mix(deep, refl, fresnel);
  // A soft wash of the inflow's light across the surface near it.
  const near = Math.exp(-((wx - ctx.lx) ** 2 + (wz - ctx.lz) ** 2) / 30);
  const kc = ctx.look.keyColour;
  const lit: RGB = [c[0] + kc[0] * 0.08 * near, c[1] + kc[1] * 0.08 * near, c[2] + kc[2] * 0.08 * near];
  void hash01;
  return hazeTo(ctx, lit, hit.t, dx, dy, dz, 0, 0);
}
