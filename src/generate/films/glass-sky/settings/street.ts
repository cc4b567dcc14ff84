/**
 * Street (scene "lamplight"): a narrow stone street at dusk under the dome. House fronts of
 * plaster, brick and stone on both sides, shuttered windows and a few lit ones, doors, cobbles
 * and pavements, a row of iron lamps on each side receding into the haze both ways, and the
 * dome's painted lattice far overhead. The street runs along yaw 0 / 180; the key lamp stands
 * where the script puts the key light.
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
  paintSubject,
  scale,
  sdBox,
  sdCircle,
  shade,
  smoothstep,
  tangentFrame,
  painterYawPitch,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import { type DomeLook, type Look, bloom, bricks, domeColour, hazeAmount, lookOf, setts } from './common-a';

const EYE = 1.6;
/** Facades stand at x = ±HALF (metres); the kerb at ±KERB. */
const HALF = 5.2;
const KERB = 3.6;
/** Height of a lamp's lantern above the eye, and the spacing of lamps along each side. */
const LAMP_UP = 2.0;
const SPACING = 12;
const ZMAX = 170;
const GROUND_FLOOR = 3.6;
const STOREY = 3.1;

interface House {
  z0: number;
  z1: number;
  top: number;
  storeys: number;
  wall: RGB;
  brick: boolean;
  shutter: RGB;
  bays: number;
  doorBay: number;
  chimney: number;
  id: number;
}

interface Lamp {
  x: number;
  z: number;
}

const WALLS: readonly RGB[] = [
  [176, 150, 112],
  [150, 132, 112],
  [168, 122, 92],
  [128, 120, 110],
  [184, 164, 130],
  [142, 104, 84],
];
const SHUTTERS: readonly RGB[] = [
  [58, 84, 70],
  [60, 72, 92],
  [104, 46, 40],
  [82, 70, 58],
  [70, 92, 96],
];

export const paintStreet: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const rng = mulberry32(seed);
  const noise = createNoise3(seed ^ 0x51);
  const look = lookOf(brief, { hazeWarm: [118, 96, 100], hazeCool: [84, 98, 126] });
  const pano = createPanorama(width, height, [40, 36, 44]);

  // The key lamp stands where the script's key light is; its row runs along that side.
  const keyPitch = clamp(look.keyPitch, 4, 40);
  const r = LAMP_UP / Math.tan(keyPitch * DEG);
  const keyX = clamp(r * Math.sin(look.keyYaw * DEG), -HALF + 0.9, HALF - 0.9);
  const keyZ = r * Math.cos(look.keyYaw * DEG);
  const sideX = Math.abs(keyX) < 0.5 ? KERB + 0.3 : Math.abs(keyX);
  const keySide = keyX < 0 ? -1 : 1;
  const lamps: Lamp[] = [];
  for (let k = -14; k <= 14; k++) {
    lamps.push({ x: keySide * sideX, z: keyZ + k * SPACING });
    lamps.push({ x: -keySide * sideX, z: keyZ + (k + 0.5) * SPACING });
  }
  const houses = [buildHouses(-1, rng), buildHouses(1, rng)] as const;
  const reserved = reservedPatches(brief);

  const dome: DomeLook = {
    low: [78, 66, 104],
    high: [18, 24, 56],
    metal: [84, 72, 70],
    panes: 72,
    glowColour: look.warm ? [255, 150, 80] : [120, 150, 220],
    glow: 0.22,
    seed,
  };
  const ctx: StreetCtx = { look, houses, lamps, noise, seed, dome, reserved };
  shade(pano, (s) => paint(streetRay(ctx, s.vx, s.vy, s.vz, s.px), 1));
  paintLamps(pano, ctx);
  return pano;
};

interface StreetCtx {
  look: Look;
  houses: readonly [House[], House[]];
  lamps: readonly Lamp[];
  noise: Noise3;
  seed: number;
  dome: DomeLook;
  /** Facade patches kept plain for subjects painted on top: side, z range, height range. */
  reserved: ReadonlyArray<{ side: number; z0: number; z1: number; h0: number; h1: number }>;
}

function buildHouses(side: number, rng: () => number): House[] {
  const out: House[] = [];
  let z = -ZMAX - 10;
  let id = side > 0 ? 1000 : 0;
  while (z < ZMAX + 10) {
    const w = 5 + rng() * 4.5;
    const storeys = 2 + Math.floor(rng() * 3);
    const bays = Math.max(2, Math.round(w / 2.1));
    out.push({
      z0: z,
      z1: z + w,
      top: GROUND_FLOOR + storeys * STOREY + 0.6,
      storeys,
      wall: WALLS[Math.floor(rng() * WALLS.length)]!,
      brick: rng() < 0.3,
      shutter: SHUTTERS[Math.floor(rng() * SHUTTERS.length)]!,
      bays,
      doorBay: Math.floor(rng() * bays),
      chimney: rng() < 0.7 ? 0.15 + rng() * 0.7 : -1,
      id: id++,
    });
    z += w;
  }
  return out;
}

/** Plain wall where the poster (or any element at eye level on a facade) will be painted. */
function reservedPatches(brief: SceneBrief): StreetCtx['reserved'] {
  const out: Array<{ side: number; z0: number; z1: number; h0: number; h1: number }> = [];
  for (const e of brief.elements) {
    if (e.pitch > 30 || e.pitch < -20) continue;
    const sx = Math.sin(e.yaw * DEG);
    if (Math.abs(sx) < 0.25) continue;
    const t = HALF / Math.abs(sx);
    const z = t * Math.cos(e.yaw * DEG);
    const h = EYE + t * Math.tan(e.pitch * DEG);
    const half = t * Math.tan(e.radius * DEG) * 1.25;
    // Lamps are not painted as facades; a dark lamp motif needs no wall.
    if (e.motif.includes('lamp')) continue;
    out.push({ side: Math.sign(sx), z0: z - half, z1: z + half, h0: h - half, h1: h + half });
  }
  return out;
}

function houseAt(list: readonly House[], z: number): House | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = list[mid]!;
    if (z < h.z0) hi = mid - 1;
    else if (z >= h.z1) lo = mid + 1;
    else return h;
  }
  return undefined;
}

/** Light from the lamps at a point (eye-relative metres) with normal n; returns a level. */
function lampLight(ctx: StreetCtx, px: number, py: number, pz: number, nx: number, ny: number, nz: number): number {
  let sum = 0;
  for (const l of ctx.lamps) {
    const dz = l.z - pz;
    if (dz > 45 || dz < -45) continue;
    const dx = l.x - px;
    const dy = LAMP_UP - py;
    const d2 = dx * dx + dy * dy + dz * dz;
    const d = Math.sqrt(d2);
    const lam = (dx * nx + dy * ny + dz * nz) / d;
    if (lam <= 0) continue;
    sum += (lam * 10) / (d2 + 1.5);
  }
  return sum;
}

function streetRay(ctx: StreetCtx, vx: number, vy: number, vz: number, px: number): RGB {
  const { look } = ctx;
  const tWall = Math.abs(vx) > 1e-6 ? HALF / Math.abs(vx) : Infinity;
  const tGround = vy < -1e-6 ? EYE / -vy : Infinity;
  const tEnd = Math.abs(vz) > 1e-6 ? ZMAX / Math.abs(vz) : Infinity;
  const pxr = px * DEG;
  let c: RGB;
  let dist: number;
  if (tGround < tWall && tGround < tEnd) {
    dist = tGround;
    const x = vx * dist;
    const z = vz * dist;
    const fp = (dist * pxr) / Math.max(0.04, -vy);
    c = ground(ctx, x, z, fp, dist);
  } else if (tWall < tEnd) {
    dist = tWall;
    const side = vx > 0 ? 1 : 0;
    const z = vz * dist;
    const h = EYE + vy * dist;
    const fp = (dist * pxr) / Math.max(0.05, Math.abs(vx));
    const house = houseAt(ctx.houses[side]!, z);
    const chimneyTop = house && house.chimney >= 0 && Math.abs(z - lerpZ(house)) < 0.45 ? house.top + 1.6 : 0;
    if (house && (h < house.top || h < chimneyTop)) {
      c = facade(ctx, house, side ? 1 : -1, z, h, fp, dist);
    } else {
      c = sky(ctx, vx, vy, vz, px);
      dist = 400;
    }
  } else {
    dist = tEnd;
    c = farEnd(ctx, vx * dist, EYE + vy * dist, vz > 0 ? 1 : -1, (dist * pxr) / Math.abs(vz));
    if (EYE + vy * dist > 30) {
      c = sky(ctx, vx, vy, vz, px);
      dist = 400;
    }
  }
  const hz = hazeAmount(look, dist, 140);
  const out = mix(c, look.hazeColour, hz);
  return soft(scale(out, look.gain));
}

function lerpZ(h: House): number {
  return h.z0 + (h.z1 - h.z0) * h.chimney;
}

/** Rolls highlights off instead of clipping them flat. */
function soft(c: RGB): RGB {
  return [roll(c[0]), roll(c[1]), roll(c[2])];
}
function roll(v: number): number {
  return v < 200 ? v : 200 + 55 * (1 - Math.exp(-(v - 200) / 55));
}

function sky(ctx: StreetCtx, vx: number, vy: number, vz: number, px: number): RGB {
  return domeColour(vx, vy, vz, px, ctx.dome, ctx.noise);
}

function ground(ctx: StreetCtx, x: number, z: number, fp: number, dist: number): RGB {
  const ax = Math.abs(x);
  const { look } = ctx;
  let albedo: RGB;
  let wet = 0;
  if (ax < KERB - 0.25) {
    // Setts laid across the street, dished slightly to a gutter on each side.
    const st = setts(x, z, fp, 0.19, 0.12, ctx.seed);
    const patch = fbm(ctx.noise, x * 0.35, 3.7, z * 0.35, 2);
    albedo = scale(mix([92, 84, 76], [118, 104, 90], patch), st.tone * st.dome * (1 - 0.42 * st.joint));
    wet = 0.35 + 0.5 * smoothstep(0.45, 0.7, patch);
  } else if (ax < KERB) {
    // Gutter of long granite kerbstones.
    const seg = Math.floor(z / 1.1);
    const j = coverage(Math.min(z / 1.1 - seg, 1 - z / 1.1 + seg) * 1.1 - 0.01, fp);
    albedo = scale([128, 122, 114], (0.85 + 0.25 * hash01(seg, 2, 0, ctx.seed)) * (1 - 0.5 * j) * (ax > KERB - 0.06 ? 1.25 : 1));
    wet = 0.5;
  } else {
    // Pavement flags.
    const st = setts(z, ax, fp, 0.9, 0.6, ctx.seed + 7);
    albedo = scale([120, 112, 104], st.tone * (1 - 0.5 * st.joint));
    wet = 0.15;
  }
  const l = lampLight(ctx, x, -EYE, z, 0, 1, 0);
  const dusk = 0.32;
  const k = 1 - 0.4 * wet;
  return [
    (albedo[0] * (look.keyColour[0] * l + look.fill[0] * dusk) * k) / 255,
    (albedo[1] * (look.keyColour[1] * l + look.fill[1] * dusk) * k) / 255,
    (albedo[2] * (look.keyColour[2] * l + look.fill[2] * dusk) * k) / 255 + 6 * wet * clamp(1 - dist / 80),
  ];
}

function facade(ctx: StreetCtx, house: House, side: number, z: number, h: number, fp: number, dist: number): RGB {
  const { look, noise } = ctx;
  const a = (z - house.z0) * -side;
  const width = house.z1 - house.z0;
  const along = side > 0 ? house.z1 - z : z - house.z0;
  let albedo: RGB = house.wall;
  let emit: RGB | null = null;
  let k = 1;
  const stain = fbm(noise, z * 0.4, h * 0.4, side * 13 + house.id, 3);
  const reserved = ctx.reserved.some((p) => p.side === side && z > p.z0 && z < p.z1 && h > p.h0 && h < p.h1);

  // Party-wall pilaster between houses.
  const edge = Math.min(along, width - along);
  if (h > house.top) {
    // Chimney stack.
    const b = bricks(z, h, fp, 0.23, 0.075, 0.01, house.id);
    albedo = scale([120, 76, 58], b.tone * (1 - 0.4 * b.joint));
    k = 0.8;
  } else if (h > house.top - 0.6) {
    // Cornice: a moulded band with dentils, its underside in shadow.
    const t = (house.top - h) / 0.6;
    const dent = t > 0.55 && t < 0.8 && Math.sin(z * 2 * Math.PI * 5) > 0 ? 0.6 : 1;
    albedo = scale(mix(house.wall, [200, 190, 170], 0.4), (t > 0.8 ? 0.55 : 0.95 + 0.15 * Math.sin(t * 9)) * dent);
  } else if (edge < 0.22) {
    albedo = scale(mix(house.wall, [170, 160, 146], 0.5), 0.9);
    if (h < GROUND_FLOOR) {
      const b = bricks(z, h, fp, 0.6, 0.45, 0.012, house.id + 3);
      k = b.tone * (1 - 0.45 * b.joint);
    }
  } else if (h < GROUND_FLOOR) {
    // Ground floor: rusticated stone, a door, and a shop or shuttered window per bay.
    const b = bricks(z, h, fp, 0.9, 0.45, 0.016, house.id + 5);
    albedo = scale(mix([136, 126, 112], house.wall, 0.35), b.tone * (1 - 0.55 * b.joint));
    if (h < 0.35) albedo = scale(albedo, 0.6);
    const bayW = width / house.bays;
    const bay = Math.min(house.bays - 1, Math.floor(along / bayW));
    const bu = along - (bay + 0.5) * bayW;
    if (!reserved) {
      if (bay === house.doorBay) {
        const d = door(bu, h, fp, house);
        if (d) {
          albedo = d.c;
          emit = d.e;
          k = d.k;
        }
      } else {
        const w = groundWindow(bu, h, fp, house, bay);
        if (w) {
          albedo = w.c;
          emit = w.e;
          k = w.k;
        }
      }
    }
  } else {
    // Upper storeys: plaster or brick, a string course, one window per bay.
    if (house.brick) {
      const b = bricks(z, h, fp, 0.23, 0.075, 0.009, house.id);
      albedo = scale(house.wall, b.tone * (1 - 0.35 * b.joint));
    } else {
      albedo = scale(house.wall, 0.85 + 0.25 * stain);
    }
    const sh = h - GROUND_FLOOR;
    const storey = Math.floor(sh / STOREY);
    const fh = sh - storey * STOREY;
    if (fh < 0.22 && storey === 0) albedo = scale(mix(house.wall, [205, 196, 180], 0.5), fh < 0.06 ? 0.6 : 1.08);
    const bayW = width / house.bays;
    const bay = Math.min(house.bays - 1, Math.floor(along / bayW));
    const bu = along - (bay + 0.5) * bayW;
    if (!reserved && storey < house.storeys) {
      const w = upperWindow(bu, fh, fp, house, bay, storey, ctx.seed);
      if (w) {
        albedo = w.c;
        emit = w.e;
        k = w.k;
      }
    }
  }
  // Soot and damp streaks running down from the cornice and up from the pavement.
  const damp = 1 - 0.25 * smoothstep(0.55, 0.8, stain) - 0.2 * smoothstep(1.2, 0, h);
  const px = side * HALF;
  const py = h - EYE;
  const l = lampLight(ctx, px, py, z, -side, 0, 0);
  const dusk = 0.26 + 0.1 * smoothstep(0, 14, h);
  const kk = k * damp;
  let c: RGB = [
    (albedo[0] * (look.keyColour[0] * l + look.fill[0] * dusk) * kk) / 255,
    (albedo[1] * (look.keyColour[1] * l + look.fill[1] * dusk) * kk) / 255,
    (albedo[2] * (look.keyColour[2] * l + look.fill[2] * dusk) * kk) / 255,
  ];
  if (emit) c = [c[0] + emit[0], c[1] + emit[1], c[2] + emit[2]];
  void a;
  void dist;
  return c;
}

type Surf = { c: RGB; e: RGB | null; k: number } | null;

function door(u: number, h: number, fp: number, house: House): Surf {
  const hw = 0.6;
  const spring = 2.3;
  const open = Math.min(sdBox(u, h - spring / 2, hw, spring / 2), sdCircle(u, h - spring, hw));
  if (open > 0.18) return null;
  if (open > 0) {
    // Stone surround with a keystone.
    const key = sdBox(u, h - (spring + hw + 0.05), 0.12, 0.16) < 0;
    return { c: [176, 166, 150], e: null, k: key ? 1.15 : 0.95 };
  }
  if (h > spring) {
    // Fanlight: radiating glazing bars over warm light from the hall.
    const ang = Math.atan2(h - spring, u);
    const bars = coverage(Math.abs(Math.sin(ang * 5)) * Math.hypot(u, h - spring) - 0.02, fp) > 0.5 ? 1 : 0;
    const on = hash01(house.id, 77) < 0.6;
    return { c: [30, 28, 30], e: bars ? null : on ? [150, 96, 44] : [10, 12, 20], k: 1 };
  }
  const plank = Math.abs(u) < 0.015 ? 0.5 : 1;
  const panel = Math.max(Math.abs(Math.abs(u) - 0.3) - 0.2, Math.abs(((h - 0.2) % 0.7) - 0.35) - 0.25) < 0 ? 1.1 : 0.9;
  const knob = sdCircle(u - 0.42, h - 1.05, 0.04) < 0;
  return { c: knob ? [170, 130, 60] : scale(house.shutter, 0.7), e: null, k: plank * panel };
}

function groundWindow(u: number, h: number, fp: number, house: House, bay: number): Surf {
  const d = sdBox(u, h - 1.75, 0.62, 0.85);
  if (d > 0.14) return null;
  if (d > 0) return { c: [180, 172, 158], e: null, k: 0.95 };
  const v = hash01(house.id, bay, 4);
  if (v < 0.45) {
    // Lit shop window: warm glass behind a mullion grid, goods as dark shapes.
    const grid = Math.min(Math.abs(u), Math.abs(((h - 0.9) % 0.55) - 0.275) * 3) < 0.03;
    const goods = h < 1.3 && Math.sin(u * 17 + bay) > 0.2;
    return { c: [40, 30, 24], e: grid ? null : goods ? [60, 34, 18] : scale([255, 176, 96], 0.45 + 0.2 * smoothstep(2.6, 1.2, h)), k: 1 };
  }
  // Rolled iron shutter.
  const ridge = 0.75 + 0.25 * Math.sin(h * 2 * Math.PI * 12) * clamp(1 - fp / 0.03);
  return { c: [76, 78, 80], e: null, k: ridge };
}

function upperWindow(u: number, fh: number, fp: number, house: House, bay: number, storey: number, seed: number): Surf {
  const cy = 1.55;
  const d = sdBox(u, fh - cy, 0.45, 0.75);
  const sill = sdBox(u, fh - 0.74, 0.58, 0.06);
  if (sill < 0) return { c: [196, 188, 172], e: null, k: 1.1 };
  if (d > 0.12) {
    // The shadow a sill casts.
    if (Math.abs(u) < 0.58 && fh < 0.68 && fh > 0.52) return { c: house.wall, e: null, k: 0.7 };
    return null;
  }
  if (d > 0) return { c: mix(house.wall, [214, 206, 190], 0.6), e: null, k: 1 };
  const state = hash01(house.id, bay, storey + 20, seed);
  if (state < 0.62) {
    // Closed louvred shutters: two leaves, slats catching light from below.
    const slat = (fh - cy) * 14;
    const f = slat - Math.floor(slat);
    const fade = clamp(1 - fp / 0.02);
    const k = 0.75 + 0.35 * (f < 0.5 ? f * 2 : 0.6) * fade + 0.15 * (1 - fade);
    const split = Math.abs(u) < 0.015 || Math.abs(Math.abs(u) - 0.45) < 0.03 ? 0.5 : 1;
    return { c: house.shutter, e: null, k: k * split };
  }
  const mullion = Math.abs(u) < 0.025 || Math.abs(fh - cy - 0.25) < 0.025;
  if (state < 0.8) {
    // Lit window with a curtain half drawn.
    const curtain = Math.abs(u) > 0.2 + 0.1 * Math.sin(fh * 7) ? 0.55 : 1;
    return { c: [30, 26, 24], e: mullion ? null : scale([255, 180, 100], 0.62 * curtain), k: 1 };
  }
  // Dark glass with a faint reflection of the painted sky.
  return { c: mullion ? [60, 50, 44] : [40, 48, 70], e: null, k: mullion ? 1 : 0.5 + 0.5 * smoothstep(cy - 0.75, cy + 0.75, fh) };
}

/** The street's far ends: more houses and roofs, mostly haze. */
function farEnd(ctx: StreetCtx, x: number, h: number, dir: number, fp: number): RGB {
  const col = Math.floor((x + 40) / 4.5);
  const top = 9 + 9 * hash01(col, dir, 3, ctx.seed);
  if (h > top) return ctx.look.hazeColour;
  const win = Math.abs(((h % 3) + 3) % 3 - 1.6) < 0.5 && Math.abs((((x % 1.8) + 1.8) % 1.8) - 0.9) < 0.3;
  const on = win && hash01(Math.floor(x / 1.8), Math.floor(h / 3), dir, ctx.seed) < 0.3;
  void fp;
  return on ? [220, 150, 80] : scale(ctx.look.hazeColour, 0.7);
}

/** Iron lamp posts with glowing lanterns, drawn far to near as cut-outs in their own plane. */
function paintLamps(pano: Panorama, ctx: StreetCtx): void {
  const { look } = ctx;
  const list = ctx.lamps
    .map((l) => ({ ...l, d: Math.hypot(l.x, l.z) }))
    .filter((l) => l.d < 130 && l.d > 0.8)
    .sort((a, b) => b.d - a.d);
  const glass: RGB = look.warm ? [255, 214, 150] : [200, 228, 255];
  for (const l of list) {
    const dir = painterYawPitch([l.x, 0, l.z]);
    const frame = tangentFrame(dir.yaw, 0);
    const m = DEG * l.d;
    // Local degrees to metres in the lamp's plane; y measured from the ground.
    const hazeK = 1 - hazeAmount(look, l.d, 140);
    const topV = Math.atan((LAMP_UP + 0.55) / l.d) / DEG;
    const botV = Math.atan(-EYE / l.d) / DEG;
    const extent = Math.max(Math.abs(topV), Math.abs(botV)) * 1.15 + 1;
    paintSubject(pano, frame, extent, (u, v, s) => {
      const x = u * m;
      const y = v * m + EYE;
      const fp = s.px * m;
      const sh = lampShape(x, y, fp);
      if (!sh) return null;
      const c = sh.glass ? glass : scale([34, 30, 30], 0.8 + 0.9 * clamp((y - 2.8) / 1.2) + 0.2 * sh.rim);
      return paint(soft(scale(mix(c, look.hazeColour, 1 - hazeK), sh.glass ? 1 : look.gain)), sh.a);
    });
    const head = painterYawPitch([l.x, LAMP_UP, l.z]);
    const size = clamp(Math.atan(0.5 / l.d) / DEG, 0.15, 6);
    bloom(pano, head.yaw, head.pitch, size * 1.6, look.keyColour, 0.55 * hazeK);
    bloom(pano, head.yaw, head.pitch, size * 5, look.keyColour, 0.16 * hazeK);
    // Its wavering reflection in the damp setts.
    if (Math.abs(l.x) < HALF) {
      const mirror = painterYawPitch([l.x, -EYE - (LAMP_UP + EYE), l.z]);
      bloom(pano, mirror.yaw, mirror.pitch, size * 0.9, look.keyColour, 0.18 * hazeK, 3.5);
    }
  }
  // The key light: the lamp the script names burns brightest, with a wide halo in the haze.
  bloom(pano, look.keyYaw, look.keyPitch, 2.2, look.keyColour, 0.55);
  bloom(pano, look.keyYaw, look.keyPitch, 9, look.keyColour, 0.22 + 0.3 * look.haze);
}

/** A street lamp in metres, x across, y up from the ground: coverage, glass or iron, and a rim term. */
function lampShape(x: number, y: number, fp: number): { a: number; glass: boolean; rim: number } | null {
  const ax = Math.abs(x);
  if (ax > 0.35 || y > 4.2 || y < -0.05) return null;
  const aa = Math.max(fp, 0.004);
  // Lantern: glass tapering down, a pyramid cap and a finial.
  const gy = y - 3.58;
  const glassHalf = 0.11 + 0.05 * clamp((gy + 0.22) / 0.44);
  const glassD = Math.max(ax - glassHalf, Math.abs(gy) - 0.22);
  const frameBars = Math.abs(ax - glassHalf * 0.05) < 0.012 || Math.abs(gy - 0.22) < 0.02;
  if (glassD < 0) return { a: coverage(glassD, aa), glass: !frameBars, rim: 0 };
  const cap = Math.max(ax - (0.2 - (y - 3.8) * 0.9), 3.8 - y, y - 4.0);
  const finial = Math.hypot(x, y - 4.05) - 0.04;
  const collarBottom = sdBox(x, y - 3.33, 0.1, 0.03);
  // Post: a plinth, a fluted shaft with collars, and the lamplighter's ladder bar.
  const plinth = sdBox(x, y - 0.3, 0.15 - y * 0.05, 0.3);
  const shaft = sdBox(x, y - 1.9, 0.045 + 0.015 * clamp((1.3 - y) / 0.8), 1.4);
  const collars = Math.min(sdBox(x, y - 1.2, 0.07, 0.04), sdBox(x, y - 3.1, 0.07, 0.04));
  const bar = sdBox(x, y - 3.05, 0.28, 0.015);
  const d = Math.min(cap, finial, collarBottom, plinth, shaft, collars, bar);
  const a = coverage(d, aa);
  if (a <= 0) return null;
  return { a, glass: false, rim: x < 0 ? 1 : 0 };
}
