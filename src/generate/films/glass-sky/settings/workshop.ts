/**
 * Workshop (scene "workshop"): a glassmaker's workshop under a sooty brick barrel vault. The
 * furnace's chimney breast stands where the script keys the light (the furnace element paints its
 * glowing mouth there) and lights the room: brick walls, workbenches along the walls with glass
 * blanks and tools, racks of bottles and lenses catching the glow, a flagstone floor, and a small
 * round window of cool dome-light opposite. All sizes in metres in a box room round the viewer.
 */
import { DEG, type Noise3, type Panorama, type RGB, clamp, coverage, createNoise3, createPanorama, hash01, mix, paint, shade } from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import { type LookB, addC, hazed, keyFall, litBy, lookB, mul, tone } from './common-b';

const ROOM = { x: 6, z: 4.5, floor: -1.6, spring: 1.5 };
const VAULT_R = ROOM.z;
const BENCH = { top: -0.7, depth: 0.8 };
const SHELVES = [-0.35, 0.25, 0.85];

interface Ctx {
  look: LookB;
  noise: Noise3;
  seed: number;
  /** Furnace light position (metres) and the wall it stands on. */
  fx: number;
  fy: number;
  fz: number;
  fire: RGB;
  cool: RGB;
  window: { x: number; y: number; z: number; r: number };
}

export const paintWorkshop: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const noise = createNoise3(seed ^ 0x61a5);
  const look = lookB(brief, { warm: [120, 86, 66], cool: [80, 86, 100] });
  const pano = createPanorama(width, height, [30, 20, 16]);
  const k = look.key;
  // Where the key direction meets the walls: the furnace stands there.
  const tw = Math.min(k[0] !== 0 ? ROOM.x / Math.abs(k[0]) : 1e9, k[2] !== 0 ? ROOM.z / Math.abs(k[2]) : 1e9, 6);
  const ctx: Ctx = {
    look,
    noise,
    seed,
    fx: k[0] * (tw - 0.6),
    fy: clamp(k[1] * tw, ROOM.floor + 0.5, ROOM.spring),
    fz: k[2] * (tw - 0.6),
    fire: tone(look, [255, 150, 70], [200, 220, 255]),
    cool: [120, 160, 230],
    // The window faces the furnace across the room, high on the wall.
    window: { x: 0, y: 0.9, z: 0, r: 0.5 },
  };
  const tb = Math.min(k[0] !== 0 ? ROOM.x / Math.abs(k[0]) : 1e9, k[2] !== 0 ? ROOM.z / Math.abs(k[2]) : 1e9);
  ctx.window.x = -k[0] * tb;
  ctx.window.z = -k[2] * tb;
  shade(pano, (s) => paint(trace(ctx, s.vx, s.vy, s.vz, s.px), 1));
  return pano;
};

function trace(ctx: Ctx, vx: number, vy: number, vz: number, px: number): RGB {
  // Nearest of the walls, the vault, the floor and the benches.
  const tx = Math.abs(vx) > 1e-6 ? ROOM.x / Math.abs(vx) : 1e9;
  const tz = Math.abs(vz) > 1e-6 ? ROOM.z / Math.abs(vz) : 1e9;
  let t = Math.min(tx, tz);
  let surf = tx < tz ? 'wx' : 'wz';
  if (vy * t + 0 > ROOM.spring) {
    // Barrel vault along x: z^2 + (y - spring)^2 = r^2.
    const a = vy * vy + vz * vz;
    const b = -2 * vy * ROOM.spring;
    const c = ROOM.spring * ROOM.spring - VAULT_R * VAULT_R;
    const tv = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
    if (tv < t) {
      t = tv;
      surf = 'vault';
    }
  }
  if (vy < 0) {
    const tb = (BENCH.top - 0) / vy;
    const bx = vx * tb;
    const bz = vz * tb;
    const onBench = tb < t && (ROOM.x - Math.abs(bx) < BENCH.depth || ROOM.z - Math.abs(bz) < BENCH.depth) && !nearFurnace(ctx, bx, bz, 1.8);
    const tf = ROOM.floor / vy;
    if (onBench) {
      t = tb;
      surf = 'bench';
    } else if (tf < t) {
      t = tf;
      surf = 'floor';
    } else if (vy * t < BENCH.top && !nearFurnace(ctx, vx * t, vz * t, 1.8)) {
      surf = 'under';
    }
  }
  const x = vx * t;
  const y = vy * t;
  const z = vz * t;
  const fp = t * px * DEG;
  let nx = 0;
  let ny = 0;
  let nz = 0;
  let base: RGB;
  const { seed, noise } = ctx;
  if (surf === 'floor') {
    ny = 1;
    base = flags(x, z, fp / Math.max(0.1, -vy), seed);
  } else if (surf === 'bench') {
    ny = 1;
    base = benchTop(x, z, fp / Math.max(0.1, -vy), seed);
  } else if (surf === 'under') {
    base = [26, 20, 18];
    if (surf === 'under') nx = tx < tz ? -Math.sign(vx) : 0;
    nz = tx < tz ? 0 : -Math.sign(vz);
  } else if (surf === 'vault') {
    ny = -(y - ROOM.spring) / VAULT_R;
    nz = -z / VAULT_R;
    const along = x;
    const around = Math.atan2(z, y - ROOM.spring) * VAULT_R;
    base = brick(along, around, fp, seed, [150, 84, 60]);
    // Soot: the vault blackened, most over the furnace and along the crown.
    const soot = 0.45 + 0.35 * noise(x * 0.7, y * 0.7, z * 0.7) + 0.3 * Math.exp(-((x - ctx.fx) ** 2 + (z - ctx.fz) ** 2) / 6);
    base = mul(base, clamp(1 - soot * 0.7, 0.18, 1));
  } else {
    // Walls.
    const onX = surf === 'wx';
    nx = onX ? -Math.sign(vx) : 0;
    nz = onX ? 0 : -Math.sign(vz);
    const along = onX ? z * Math.sign(vx) : -x * Math.sign(vz);
    base = wall(ctx, x, y, z, along, fp, onX);
  }
  // Light: the furnace (a point light, inverse square, with a soft flicker-free falloff) plus fill.
  const lx = ctx.fx - x;
  const ly = ctx.fy - y;
  const lz = ctx.fz - z;
  const d2 = lx * lx + ly * ly + lz * lz;
  const d = Math.sqrt(d2);
  const lam = nx === 0 && ny === 0 && nz === 0 ? 0.5 : Math.max(0, (lx * nx + ly * ny + lz * nz) / d);
  const g = ctx.look.gain;
  const fireK = (lam * 0.85 + 0.15) * (14 / (d2 + 4));
  let c = litBy(base, ctx.fire, fireK * g * 1.3);
  c = addC(c, litBy(base, [170, 140, 130], 1), 0.5 * g);
  // Cool window light on the walls round it.
  const w = ctx.window;
  const wd2 = (x - w.x) ** 2 + (y - w.y) ** 2 + (z - w.z) ** 2;
  c = addC(c, litBy(base, ctx.cool, 1), (0.5 * g) / (1 + wd2 / 2.5));
  // Heat glow in the air round the furnace mouth, so the key direction is the brightest.
  c = addC(c, ctx.fire, 0.35 * g * keyFall(ctx.look, vx, vy, vz, 14));
  return hazed(ctx.look, c, t, 40, mul(ctx.look.hazeColour, 0.6 + 0.6 * keyFall(ctx.look, vx, vy, vz, 60)));
}

function nearFurnace(ctx: Ctx, x: number, z: number, r: number): boolean {
  return (x - ctx.fx) ** 2 + (z - ctx.fz) ** 2 < r * r;
}

function brick(a: number, h: number, fp: number, seed: number, colour: RGB): RGB {
  const course = 0.075;
  const w = 0.23;
  const row = Math.floor(h / course);
  const along = a / w + (row & 1) * 0.5;
  const col = Math.floor(along);
  const fa = along - col;
  const fh = h / course - row;
  const fade = clamp(1 - fp / 0.03);
  const joint = Math.max(coverage(Math.min(fa, 1 - fa) * w - 0.006, fp), coverage(Math.min(fh, 1 - fh) * course - 0.006, fp)) * fade;
  const tone = 0.72 + 0.45 * hash01(col, row, 11, seed);
  const c = mul(colour, 1 + (tone - 1) * (0.3 + 0.7 * fade));
  return mix(c, [70, 60, 54], joint * 0.7 + (1 - fade) * 0.12);
}

function wall(ctx: Ctx, x: number, y: number, z: number, along: number, fp: number, onX: boolean): RGB {
  const { seed } = ctx;
  let c = brick(along, y, fp, seed, [146, 82, 58]);
  // Soot climbing the walls, heaviest round the furnace.
  const fd = Math.hypot(x - ctx.fx, z - ctx.fz);
  const soot = clamp(0.25 * (y + 1.6) / 3 + 0.6 * Math.exp(-fd / 1.4) * clamp((y - ctx.fy + 0.6) / 1.5) + 0.2 * (ctx.noise(x, y * 2, z) - 0.5));
  c = mul(c, 1 - soot * 0.75);
  // The chimney breast: a projecting mass of darker, heat-scorched brick round the furnace.
  if (fd < 1.6) {
    const edge = coverage(fd - 1.5, fp);
    c = mix(c, mul(brick(along + 0.11, y, fp, seed + 7, [120, 62, 44]), 0.7), edge);
    // A dark recess where the furnace mouth sits (the element paints the fire in it).
    const mouth = Math.hypot((fd) / 0.9, (y - ctx.fy) / 0.7);
    c = mix(c, [40, 20, 14], coverage(mouth - 1, fp) * 0.85);
  }
  // The round window of dome-light.
  const w = ctx.window;
  const wd = Math.hypot(x - w.x, y - w.y, z - w.z);
  if (wd < w.r + 0.12) {
    const frame = coverage(wd - w.r - 0.1, fp);
    const glass = coverage(wd - w.r, fp);
    const bars = Math.min(Math.abs(y - w.y), Math.abs(onX ? z - w.z : x - w.x));
    const pane: RGB = mix([90, 130, 200], [170, 200, 255], clamp(1 - wd / w.r));
    const lead = coverage(bars - 0.015, fp);
    c = mix(c, [40, 34, 30], frame);
    c = mix(c, mix(mul(pane, 2.2), [30, 30, 36], lead), glass);
  }
  // Racks of bottles and lenses above the benches, away from the furnace and the window.
  if (fd > 2.2 && wd > 0.8 && y > -0.7 && y < 1.45) c = rack(ctx, along, y, fp, c, onX);
  return c;
}

/** Three shelves of bottles and lens blanks; every slot its own shape, glass colour and glint. */
function rack(ctx: Ctx, a: number, y: number, fp: number, under: RGB, onX: boolean): RGB {
  const { seed } = ctx;
  let c = under;
  for (let i = 0; i < SHELVES.length; i++) {
    const sy = SHELVES[i]!;
    // Board.
    const board = coverage(Math.abs(y - sy) - 0.018, fp);
    if (board > 0) return mix(c, [92, 62, 40], board);
    if (y < sy || y > sy + 0.55) continue;
    const slot = 0.24;
    const j = Math.floor(a / slot);
    const h = hash01(j, i, onX ? 51 : 52, seed);
    if (h < 0.2) continue;
    const cx = (j + 0.5) * slot;
    const u = a - cx;
    const v = y - sy;
    const glassC: RGB = h < 0.45 ? [60, 130, 90] : h < 0.65 ? [150, 90, 40] : h < 0.8 ? [70, 100, 170] : [200, 200, 190];
    let d: number;
    if (h > 0.88) {
      // A lens blank on edge: a disc.
      d = Math.hypot(u, v - 0.1) - 0.095;
    } else {
      const bh = 0.2 + 0.3 * hash01(j, i, 53, seed);
      const bw = 0.05 + 0.035 * hash01(j, i, 54, seed);
      const neck = v > bh * 0.65 ? 0.018 : bw;
      d = Math.max(Math.abs(u) - neck, v - bh, -v);
    }
    const cov = coverage(d, fp);
    if (cov <= 0) continue;
    // Glass: dark body, bright glint on the side facing the furnace.
    const glint = Math.exp(-(((u + 0.02) / 0.012) ** 2)) * clamp(0.03 / fp);
    const body = addC(mul(glassC, 0.55), [255, 220, 170], glint * 0.9);
    c = mix(c, body, cov * 0.92);
  }
  return c;
}

function flags(x: number, z: number, fp: number, seed: number): RGB {
  const s = 0.6;
  const row = Math.floor(z / s);
  const along = x / 0.8 + hash01(row, 0, 61, seed);
  const col = Math.floor(along);
  const fa = along - col;
  const fz = z / s - row;
  const fade = clamp(1 - fp / 0.05);
  const joint = Math.max(coverage(Math.min(fa, 1 - fa) * 0.8 - 0.01, fp), coverage(Math.min(fz, 1 - fz) * s - 0.01, fp)) * fade;
  let c: RGB = mul([112, 100, 90], 0.75 + 0.4 * hash01(col, row, 62, seed));
  // Soot and ash scuffs.
  c = mul(c, 0.8 + 0.2 * hash01(Math.floor(x * 4), Math.floor(z * 4), 63, seed));
  return mix(c, [40, 34, 30], joint);
}

/** Worn oak bench tops with glass gathers, shears and a blowpipe laid on them. */
function benchTop(x: number, z: number, fp: number, seed: number): RGB {
  const plank = 0.2;
  const along = Math.abs(x) > ROOM.x - BENCH.depth ? z : x;
  const across = Math.abs(x) > ROOM.x - BENCH.depth ? x : z;
  const p = Math.floor(across / plank);
  const fa = across / plank - p;
  let c: RGB = mul([120, 82, 52], 0.8 + 0.3 * hash01(p, 0, 71, seed));
  c = mix(c, [50, 34, 24], coverage(Math.min(fa, 1 - fa) * plank - 0.004, fp) * clamp(1 - fp / 0.02));
  // Objects on the bench: a blob of glass or a tool every half metre or so.
  const cell = 0.5;
  const i = Math.floor(along / cell);
  const h = hash01(i, Math.sign(across) + 3, 72, seed);
  const u = along - (i + 0.5) * cell;
  const v = Math.abs(across) - (ROOM.x - BENCH.depth * 0.5);
  if (h < 0.35) {
    const blob = Math.hypot(u, v) - 0.07;
    c = mix(c, [200, 150, 90], coverage(blob, fp) * 0.8);
  } else if (h < 0.55) {
    const pipe = Math.abs(v - u * 0.3) - 0.012;
    c = mix(c, [60, 56, 56], coverage(Math.max(pipe, Math.abs(u) - 0.22), fp));
  }
  return c;
}
