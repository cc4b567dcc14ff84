/**
 * Alley (scene "alley"): a tight passage between tall walls of brick and old stone, a strip of the
 * dome overhead glowing where the script puts the key light, a drain channel down the middle with
 * the sky in its water, and fallen dome-glass glittering on the flags. The alley runs along yaw
 * 0 / 180: ahead it opens far off onto a lit street, behind it ends in a wall with a door.
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
  fbm,
  hash01,
  mix,
  mulberry32,
  paint,
  scale,
  sdBox,
  sdCircle,
  shade,
  smoothstep,
  painterYawPitch,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import { type DomeLook, type Look, angularFalloff, bloom, bricks, domeColour, hazeAmount, lookOf, setts } from './common-a';

const EYE = 1.6;
const HALF = 1.5;
const BACK = -7.5;
const FRONT = 46;
const CHANNEL = 0.17;
/** The covered bridge between the two walls: z range and height range above the ground. */
const BRIDGE = { z0: 15, z1: 18.5, h0: 9, h1: 12.5 };

interface Ctx {
  look: Look;
  noise: Noise3;
  seed: number;
  dome: DomeLook;
  tops: readonly [Float64Array, Float64Array];
  reserved: ReadonlyArray<{ side: number; z0: number; z1: number; h0: number; h1: number }>;
  shard: { x: number; z: number };
}

const TOP_STEP = 2.5;

export const paintAlley: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const rng = mulberry32(seed);
  const noise = createNoise3(seed ^ 0xa11e);
  const look = lookOf(brief, { hazeWarm: [120, 104, 96], hazeCool: [92, 108, 132] });
  const pano = createPanorama(width, height, [30, 34, 44]);
  // Wall heights step every few metres: parapets, gables, a taller stair tower.
  const tops = [new Float64Array(40), new Float64Array(40)] as const;
  for (let side = 0; side < 2; side++) {
    let h = side ? 19 : 22;
    for (let i = 0; i < 40; i++) {
      if (rng() < 0.45) h = (side ? 17 : 20) + rng() * 7;
      tops[side]![i] = h;
    }
  }
  const reserved: Ctx['reserved'] = brief.elements
    .filter((e) => Math.abs(Math.sin(e.yaw * DEG)) > 0.3 && e.pitch > -25)
    .map((e) => {
      const sx = Math.sin(e.yaw * DEG);
      const t = HALF / Math.abs(sx);
      const z = t * Math.cos(e.yaw * DEG);
      const h = EYE + t * Math.tan(e.pitch * DEG);
      const half = t * Math.tan(e.radius * DEG) * 1.4;
      return { side: Math.sign(sx), z0: z - half, z1: z + half, h0: h - half, h1: h + half };
    });
  const shardEl = brief.elements.find((e) => e.pitch < -10);
  const sd = shardEl ? EYE / Math.tan(Math.max(5, -shardEl.pitch) * DEG) : 2.5;
  const shard = { x: sd * Math.sin((shardEl?.yaw ?? 0) * DEG), z: sd * Math.cos((shardEl?.yaw ?? 0) * DEG) };
  const dome: DomeLook = {
    low: [64, 84, 120],
    high: [22, 34, 70],
    metal: [80, 90, 104],
    panes: 90,
    glowColour: [150, 180, 230],
    glow: 0.1,
    seed,
  };
  const ctx: Ctx = { look, noise, seed, dome, tops, reserved, shard };
  shade(pano, (s) => paint(alleyRay(ctx, s.vx, s.vy, s.vz, s.px), 1));

  // The bright part of the strip: light seeping through the panes at the key.
  bloom(pano, look.keyYaw, look.keyPitch, 5, look.keyColour, 0.45);
  bloom(pano, look.keyYaw, look.keyPitch, 16, look.keyColour, 0.18);
  // Glints of fallen glass near the viewer, strongest round the shard.
  for (let i = 0; i < 70; i++) {
    const near = i < 30;
    const x = near ? shard.x + (rng() - 0.5) * 2.4 : (rng() - 0.5) * 2.6;
    const z = near ? shard.z + (rng() - 0.5) * 3 : -6 + rng() * 20;
    const d = painterYawPitch([x, -EYE, z]);
    const dist = Math.hypot(x, EYE, z);
    bloom(pano, d.yaw, d.pitch, clamp(Math.atan(0.02 / dist) / DEG, 0.1, 1), [200, 230, 255], 0.35 + 0.5 * rng());
  }
  return pano;
};

function topAt(ctx: Ctx, side: number, z: number): number {
  const i = clamp(Math.floor((z - BACK) / TOP_STEP), 0, 39);
  return ctx.tops[side]![i]!;
}

function alleyRay(ctx: Ctx, vx: number, vy: number, vz: number, px: number): RGB {
  const { look } = ctx;
  const pxr = px * DEG;
  const tWall = Math.abs(vx) > 1e-6 ? HALF / Math.abs(vx) : Infinity;
  const tGround = vy < -1e-6 ? EYE / -vy : Infinity;
  const tEnd = vz > 1e-6 ? FRONT / vz : vz < -1e-6 ? BACK / vz : Infinity;
  let c: RGB;
  let dist: number;
  // The bridge overhead (a box spanning the alley).
  const tb0 = vz > 1e-6 ? BRIDGE.z0 / vz : Infinity;
  const yb = EYE + vy * tb0;
  const bridgeHit = tb0 < tWall && yb > BRIDGE.h0 && yb < BRIDGE.h1;
  const tbUnder = vy > 1e-6 ? (BRIDGE.h0 - EYE) / vy : Infinity;
  const zu = vz * tbUnder;
  const underHit = !bridgeHit && tbUnder < tWall && zu > BRIDGE.z0 && zu < BRIDGE.z1;
  if (bridgeHit || underHit) {
    const t = bridgeHit ? tb0 : tbUnder;
    dist = t;
    const x = vx * t;
    const h = EYE + vy * t;
    c = bridge(ctx, x, h, bridgeHit, (t * pxr) / Math.max(0.1, bridgeHit ? vz : vy));
  } else if (tGround < tWall && tGround < tEnd) {
    dist = tGround;
    const x = vx * dist;
    const z = vz * dist;
    c = ground(ctx, x, z, (dist * pxr) / Math.max(0.04, -vy), vx, vy, vz, px);
  } else if (tWall < tEnd) {
    dist = tWall;
    const side = vx > 0 ? 1 : 0;
    const z = vz * dist;
    const h = EYE + vy * dist;
    if (h < topAt(ctx, side, z)) {
      c = wall(ctx, side ? 1 : -1, z, h, (dist * pxr) / Math.max(0.05, Math.abs(vx)));
    } else {
      c = sky(ctx, vx, vy, vz, px);
      dist = 300;
    }
  } else {
    dist = tEnd;
    const x = vx * dist;
    const h = EYE + vy * dist;
    const fp = (dist * pxr) / Math.abs(vz);
    if (vz > 0) c = h < 16 ? farStreet(ctx, x, h, fp) : sky(ctx, vx, vy, vz, px);
    else c = h < 20 ? backWall(ctx, x, h, fp) : sky(ctx, vx, vy, vz, px);
    if (h >= (vz > 0 ? 16 : 20)) dist = 300;
  }
  const hz = hazeAmount(look, dist, 45);
  return soft(scale(mix(c, look.hazeColour, hz), look.gain));
}

function soft(c: RGB): RGB {
  return [roll(c[0]), roll(c[1]), roll(c[2])];
}
function roll(v: number): number {
  return v < 200 ? v : 200 + 55 * (1 - Math.exp(-(v - 200) / 55));
}

function sky(ctx: Ctx, vx: number, vy: number, vz: number, px: number): RGB {
  const c = domeColour(vx, vy, vz, px, ctx.dome, ctx.noise);
  // The strip glows brighter towards the key: light getting in through the glass.
  const k = angularFalloff(ctx.look.key[0] * vx + ctx.look.key[1] * vy + ctx.look.key[2] * vz, 30);
  const kc = ctx.look.keyColour;
  return [c[0] * (1 + k) + kc[0] * 0.25 * k, c[1] * (1 + k) + kc[1] * 0.25 * k, c[2] * (1 + k) + kc[2] * 0.25 * k];
}

/** How much of the sky strip a point at height h (and z) sees: the light falling into the alley. */
function skyLight(ctx: Ctx, h: number, z: number): number {
  const up = smoothstep(-2, 22, h);
  const toward = 0.75 + 0.25 * clamp(z / 20 + 0.5);
  return (0.2 + 0.85 * up * up) * toward * (1 + 0.6 * ctx.look.key[1]);
}

function light(ctx: Ctx, albedo: RGB, level: number, fill: number): RGB {
  const { keyColour: k, fill: f } = ctx.look;
  return [
    (albedo[0] * (k[0] * level + f[0] * fill)) / 255,
    (albedo[1] * (k[1] * level + f[1] * fill)) / 255,
    (albedo[2] * (k[2] * level + f[2] * fill)) / 255,
  ];
}

function wall(ctx: Ctx, side: number, z: number, h: number, fp: number): RGB {
  const { noise, seed } = ctx;
  const sideIdx = side > 0 ? 1 : 0;
  const top = topAt(ctx, sideIdx, z);
  const stain = fbm(noise, z * 0.3, h * 0.3, side * 9, 3);
  const reserved = ctx.reserved.some((p) => p.side === side && z > p.z0 && z < p.z1 && h > p.h0 && h < p.h1);
  let albedo: RGB;
  let k = 1;
  let emit: RGB | null = null;
  if (h > top - 0.45) {
    // Coping stones along the wall's top.
    albedo = h > top - 0.12 ? [150, 150, 146] : [96, 96, 96];
  } else if (h < 2.4) {
    const b = bricks(z, h, fp, 0.62, 0.34, 0.01, seed + sideIdx);
    albedo = scale(mix([112, 112, 108], [80, 90, 84], smoothstep(0.4, 0.7, stain)), b.tone * (1 - 0.35 * b.joint));
    // Rising damp and green slime near the ground.
    albedo = mix(albedo, [46, 60, 48], 0.5 * smoothstep(0.9, 0, h));
  } else {
    const b = bricks(z, h, fp, 0.23, 0.075, 0.009, seed + 3 + sideIdx);
    albedo = scale(side > 0 ? [128, 78, 62] : [112, 84, 70], b.tone * (1 - 0.35 * b.joint));
    // Patches of old render over the brick, cracked at the edges.
    const render = fbm(noise, z * 0.18 + 5, h * 0.18, side * 3, 4);
    const cover = smoothstep(0.6, 0.63, render);
    albedo = mix(albedo, scale([150, 146, 136], 0.8 + 0.3 * stain), cover);
    if (cover > 0.05 && cover < 0.95) k = 0.7;
  }
  if (reserved) {
    // A plain whitewashed patch (someone painted over something once).
    // Ragged edges, so it reads as a patch of old limewash rather than a panel.
    const p = ctx.reserved.find((q) => q.side === side && z > q.z0 && z < q.z1 && h > q.h0 && h < q.h1)!;
    const edge = Math.min(z - p.z0, p.z1 - z, h - p.h0, p.h1 - h) / (p.z1 - p.z0);
    const wash = smoothstep(0.02, 0.12, edge + 0.08 * (fbm(noise, z * 2, h * 2, 7, 3) - 0.5));
    albedo = mix(albedo, scale([176, 174, 166], 0.85 + 0.2 * stain), wash);
    k = lerpK(k, 1, wash);
  } else if (h <= top - 0.45) {
    // Small barred windows, storey by storey, a few lit.
    const storey = Math.floor((h - 3) / 3.2);
    const bay = Math.floor((z + 30) / 3.4);
    const fh = h - 3 - storey * 3.2;
    const fz = z + 30 - bay * 3.4;
    const has = storey >= 0 && hash01(bay, storey, sideIdx, seed) < 0.32;
    if (has) {
      const d = sdBox(fz - 1.7, fh - 1.6, 0.38, 0.5);
      if (d < 0.1) {
        const on = hash01(bay, storey, sideIdx + 5, seed) < 0.18;
        if (d > 0) albedo = [150, 144, 132];
        else {
          const bar = Math.abs(((fz - 1.7 + 0.38) % 0.19) - 0.095) > 0.075;
          albedo = bar ? [30, 30, 32] : on ? [40, 30, 20] : [24, 28, 36];
          if (!bar && on) emit = [140, 96, 54];
        }
      }
    }
    // Iron drainpipes with their brackets.
    const pipeZ = ((z - 3.1 * side + 500) % 9.3) - 4.65;
    if (Math.abs(pipeZ) < 0.07) {
      const collar = Math.abs(((h + 100) % 1.8) - 0.9) < 0.05;
      albedo = scale([44, 48, 52], collar ? 1.3 : 0.9 + 0.4 * (1 - Math.abs(pipeZ) / 0.07));
      k = 1;
    }
    // A door at ground level on each side.
    const doorZ = side > 0 ? 6 : 10;
    const dd = Math.min(sdBox(z - doorZ, h - 1.1, 0.5, 1.1), sdCircle(z - doorZ, h - 2.2, 0.5));
    if (dd < 0.14) {
      albedo = dd > 0 ? [120, 118, 112] : scale([60, 44, 34], Math.abs(((z - doorZ + 0.5) % 0.2) - 0.1) < 0.01 ? 0.6 : 1);
    }
  }
  const level = skyLight(ctx, h, z) * 0.85;
  const c = light(ctx, albedo, level * k, 0.3 * k);
  return emit ? [c[0] + emit[0], c[1] + emit[1], c[2] + emit[2]] : c;
}

function bridge(ctx: Ctx, x: number, h: number, face: boolean, fp: number): RGB {
  if (!face) {
    // Its underside: heavy timber beams.
    const beam = Math.abs(((x + 10) % 0.7) - 0.35) < 0.09;
    return light(ctx, beam ? [70, 52, 40] : [40, 34, 30], 0.12, 0.16);
  }
  const b = bricks(x, h, fp, 0.23, 0.075, 0.009, ctx.seed + 9);
  let albedo = scale([118, 82, 66], b.tone * (1 - 0.35 * b.joint));
  // A small window in the bridge, lit warm: someone lives up there.
  const w = sdBox(x - 0.3, h - 10.9, 0.35, 0.45);
  if (w < 0) return [150, 104, 60];
  if (w < 0.08) albedo = [150, 146, 136];
  if (h < BRIDGE.h0 + 0.3) albedo = [140, 136, 128];
  return light(ctx, albedo, skyLight(ctx, h, BRIDGE.z0) * 0.5, 0.2);
}

function ground(ctx: Ctx, x: number, z: number, fp: number, vx: number, vy: number, vz: number, px: number): RGB {
  const ax = Math.abs(x);
  const { seed, noise } = ctx;
  let c: RGB;
  const level = 0.28 + 0.3 * Math.exp(-x * x) * clamp(0.6 + z / 30);
  if (ax < CHANNEL) {
    // The drain: a stone gutter holding a thread of water that mirrors the sky strip.
    const t = HALF / Math.max(1e-6, Math.abs(vx));
    const hr = EYE * 0 + -EYE + -vy * t;
    const zr = z + vz * t;
    const refl = Math.abs(vx) < 1e-6 || hr > topAt(ctx, vx > 0 ? 1 : 0, zr) ? sky(ctx, vx, -vy, vz, px) : ([30, 34, 40] as RGB);
    const ripple = 0.75 + 0.25 * noise(x * 40, z * 6, 3);
    c = mix([20, 24, 28], scale(refl, 0.6 * ripple), ax < CHANNEL - 0.03 ? 0.85 : 0.15);
    return c;
  }
  // Flags tilting down towards the channel.
  const st = setts(x * 1.6, z, fp * 1.6, 0.8, 0.42, seed + 1);
  const wet = smoothstep(0.5, 0.65, fbm(noise, x * 0.8, 1.3, z * 0.3, 3));
  let albedo = scale(mix([104, 104, 104], [84, 90, 96], wet), st.tone * (1 - 0.5 * st.joint));
  if (ax > HALF - 0.25) albedo = scale(albedo, 0.7);
  // Fallen glass: tiny sharp glints on the flags, more round the big shard.
  const cell = 0.06;
  const ix = Math.floor(x / cell);
  const iz = Math.floor(z / cell);
  const near = Math.exp(-((x - ctx.shard.x) ** 2 + (z - ctx.shard.z) ** 2) / 2);
  const p = 0.007 + 0.12 * near;
  let glint = 0;
  if (hash01(ix, iz, 31, seed) < p) {
    const gx = (hash01(ix, iz, 32, seed) - 0.5) * cell * 0.6;
    const gz = (hash01(ix, iz, 33, seed) - 0.5) * cell * 0.6;
    const r = 0.004 + 0.008 * hash01(ix, iz, 34, seed);
    const d = Math.hypot(x - (ix + 0.5) * cell - gx, z - (iz + 0.5) * cell - gz) - r;
    // When a glint is smaller than a pixel it still adds its share of light.
    glint = fp > r * 2 ? clamp(((r * r * 12) / (fp * fp)) * 0.5) : coverage(d, fp);
  }
  c = light(ctx, albedo, level, 0.2 + 0.12 * wet);
  const g = glint * (0.6 + 0.8 * hash01(ix, iz, 35, seed));
  return [c[0] + 190 * g, c[1] + 215 * g, c[2] + 240 * g];
}

/** Far ahead the alley opens onto a lamplit street: a house front across it. */
function farStreet(ctx: Ctx, x: number, h: number, fp: number): RGB {
  const b = bricks(x, h, fp, 0.9, 0.45, 0.015, ctx.seed + 21);
  let c: RGB = scale([150, 130, 110], b.tone * (1 - 0.3 * b.joint));
  const win = sdBox(((x % 2.2) + 2.2) % 2.2 - 1.1, ((h % 3.2) + 3.2) % 3.2 - 1.7, 0.4, 0.7) < 0 && h > 3.5;
  if (win) c = hash01(Math.floor(x / 2.2), Math.floor(h / 3.2), 1, ctx.seed) < 0.4 ? [255, 190, 120] : [50, 56, 70];
  const lamp = Math.exp(-((h - 2.5) ** 2) / 6) * 0.9;
  const k = ctx.look.keyColour;
  void k;
  return [c[0] * (0.45 + lamp) + 30 * lamp, c[1] * (0.45 + lamp) + 22 * lamp, c[2] * (0.4 + lamp * 0.6)];
}

/** The dead end behind: old ashlar, an iron-strapped door, a lantern bracket above it. */
function backWall(ctx: Ctx, x: number, h: number, fp: number): RGB {
  const b = bricks(x, h, fp, 0.7, 0.38, 0.013, ctx.seed + 17);
  let albedo: RGB = scale([110, 106, 100], b.tone * (1 - 0.5 * b.joint));
  const stain = fbm(ctx.noise, x * 0.5, h * 0.5, 40, 3);
  albedo = scale(albedo, 0.8 + 0.35 * stain);
  let emit: RGB | null = null;
  const d = Math.min(sdBox(x, h - 1.05, 0.6, 1.05), sdCircle(x, h - 2.1, 0.6));
  if (d < 0.2) {
    if (d > 0) albedo = [140, 134, 124];
    else {
      const strap = Math.abs(h - 0.5) < 0.05 || Math.abs(h - 1.7) < 0.05;
      albedo = strap ? [40, 40, 42] : scale([72, 50, 36], Math.abs(((x + 0.6) % 0.2) - 0.1) < 0.008 ? 0.6 : 1);
    }
  }
  // Lantern bracket above the door, its lamp burning low.
  const lantern = sdBox(x, h - 3.25, 0.12, 0.18);
  if (lantern < 0) emit = [200, 150, 90];
  else if (sdBox(x, h - 3.5, 0.18, 0.04) < 0 || sdBox(x, h - 3.0, 0.025, 0.3) < 0) albedo = [30, 30, 30];
  const glow = Math.exp(-(x * x + (h - 3.25) ** 2) / 2.5) * 0.6;
  const c = light(ctx, albedo, skyLight(ctx, h, BACK) * 0.5, 0.22);
  const w: RGB = [255, 180, 110];
  const out: RGB = [c[0] + (albedo[0] * w[0] * glow) / 255, c[1] + (albedo[1] * w[1] * glow) / 255, c[2] + (albedo[2] * w[2] * glow) / 255];
  return emit ? emit : out;
}

function lerpK(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}
