/**
 * Square (scene "square"): a wide round plaza at night, paved in rings about the fountain's
 * place, a ring of stone citizens on pedestals with bowed heads, two-storey arcades all round,
 * and the dome huge overhead with its painted stars. The warden's lamp (the key light) stands
 * over a taller block where the script puts it; moonish blue fills everything else.
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
  wrapYaw,
} from '../../../paint';
import type { SceneBrief, Setting } from '../../../pipeline';
import { type DomeLook, type Look, bloom, bricks, domeColour, hazeAmount, lookOf } from './common-a';

const EYE = 1.6;
const RADIUS = 30;
const STATUE_RING = 11;
const BAY = 4.3;
const ARCADE_TOP = 5.4;

interface Ctx {
  look: Look;
  noise: Noise3;
  seed: number;
  dome: DomeLook;
  /** Plaza centre (the fountain), metres from the eye. */
  cx: number;
  cz: number;
  /** Point light of the warden's lamp. */
  lx: number;
  ly: number;
  lz: number;
  keyAz: number;
}

export const paintSquare: Setting = (brief: SceneBrief, width: number, height: number): Panorama => {
  const seed = brief.seed >>> 0;
  const rng = mulberry32(seed);
  const noise = createNoise3(seed ^ 0x5a);
  const look = lookOf(brief, { hazeWarm: [110, 96, 96], hazeCool: [70, 84, 112] });
  const pano = createPanorama(width, height, [30, 36, 50]);
  // The plaza is centred on the fountain (the element below the horizon), else straight ahead.
  const fountain = brief.elements.find((e) => e.pitch < -5);
  const fd = fountain ? EYE / Math.tan(Math.max(6, -fountain.pitch) * DEG) : 4.5;
  const cx = fd * Math.sin((fountain?.yaw ?? 0) * DEG);
  const cz = fd * Math.cos((fountain?.yaw ?? 0) * DEG);
  // The warden's lamp: on the ring of houses in the key's direction, at the key's pitch.
  const kd = rayCircle(0, 0, Math.sin(look.keyYaw * DEG), Math.cos(look.keyYaw * DEG), cx, cz, RADIUS) + 3;
  const ly = kd * Math.tan(clamp(look.keyPitch, 0, 60) * DEG);
  const lx = kd * Math.sin(look.keyYaw * DEG);
  const lz = kd * Math.cos(look.keyYaw * DEG);
  const dome: DomeLook = {
    low: [58, 72, 118],
    high: [16, 24, 60],
    metal: [92, 98, 116],
    panes: 56,
    glowColour: [120, 140, 200],
    glow: 0.12,
    seed,
  };
  const ctx: Ctx = { look, noise, seed, dome, cx, cz, lx, ly, lz, keyAz: Math.atan2(lx - cx, lz - cz) };
  shade(pano, (s) => paint(squareRay(ctx, s.vx, s.vy, s.vz, s.px), 1));
  bloom(pano, look.keyYaw, look.keyPitch, 2.5, look.keyColour, 0.6);
  bloom(pano, look.keyYaw, look.keyPitch, 10, look.keyColour, 0.22 + 0.25 * look.haze);
  paintStatues(pano, ctx, brief, rng);
  return pano;
};

/** Distance along a horizontal ray from (ox, oz) to the circle round (cx, cz) from inside. */
function rayCircle(ox: number, oz: number, dx: number, dz: number, cx: number, cz: number, r: number): number {
  const len = Math.hypot(dx, dz);
  if (len < 1e-9) return Infinity;
  const ux = dx / len;
  const uz = dz / len;
  const px = ox - cx;
  const pz = oz - cz;
  const b = px * ux + pz * uz;
  const c = px * px + pz * pz - r * r;
  return (-b + Math.sqrt(Math.max(0, b * b - c))) / len;
}

function soft(c: RGB): RGB {
  return [roll(c[0]), roll(c[1]), roll(c[2])];
}
function roll(v: number): number {
  return v < 200 ? v : 200 + 55 * (1 - Math.exp(-(v - 200) / 55));
}

function blockTop(ctx: Ctx, az: number): number {
  const block = Math.floor(((az / (2 * Math.PI)) * 24 + 48) % 24);
  const d = Math.abs(wrapYaw((az - ctx.keyAz) / DEG));
  // A taller hall under the warden's lamp, so the tower has something to stand on.
  if (d < 9) return 19;
  return 12.4 + 3.1 * Math.floor(hash01(block, 3, 0, ctx.seed) * 2.2);
}

function squareRay(ctx: Ctx, vx: number, vy: number, vz: number, px: number): RGB {
  const { look } = ctx;
  const pxr = px * DEG;
  const tWall = rayCircle(0, 0, vx, vz, ctx.cx, ctx.cz, RADIUS);
  const tGround = vy < -1e-6 ? EYE / -vy : Infinity;
  let c: RGB;
  let dist: number;
  if (tGround < tWall) {
    dist = tGround;
    c = ground(ctx, vx * dist, vz * dist, (dist * pxr) / Math.max(0.04, -vy));
  } else {
    const x = vx * tWall;
    const z = vz * tWall;
    const h = EYE + vy * tWall;
    const az = Math.atan2(x - ctx.cx, z - ctx.cz);
    const top = blockTop(ctx, az);
    if (h < top) {
      dist = tWall;
      const horiz = Math.hypot(vx, vz);
      // Grazing angle between the ray and the wall's normal, to size a pixel on the wall.
      const nx = -(x - ctx.cx) / RADIUS;
      const nz = -(z - ctx.cz) / RADIUS;
      const cosI = Math.max(0.08, -(vx * nx + vz * nz) / Math.max(horiz, 1e-6));
      c = facade(ctx, az, h, top, x, z, (dist * pxr) / cosI);
    } else {
      dist = 500;
      c = domeColour(vx, vy, vz, px, ctx.dome, ctx.noise);
    }
  }
  const hz = hazeAmount(look, dist, 110);
  return soft(scale(mix(c, look.hazeColour, hz), look.gain));
}

/** Warden's lamp light at a point with a normal, plus the night fill. */
function lightAt(ctx: Ctx, x: number, y: number, z: number, nx: number, ny: number, nz: number, albedo: RGB, fill: number): RGB {
  const dx = ctx.lx - x;
  const dy = ctx.ly - y;
  const dz = ctx.lz - z;
  const d2 = dx * dx + dy * dy + dz * dz;
  const lam = Math.max(0, (dx * nx + dy * ny + dz * nz) / Math.sqrt(d2));
  const k = (lam * 1100) / (d2 + 60);
  const { keyColour: kc, fill: f } = ctx.look;
  return [
    (albedo[0] * (kc[0] * k + f[0] * fill)) / 255,
    (albedo[1] * (kc[1] * k + f[1] * fill)) / 255,
    (albedo[2] * (kc[2] * k + f[2] * fill)) / 255,
  ];
}

function ground(ctx: Ctx, x: number, z: number, fp: number): RGB {
  const rx = x - ctx.cx;
  const rz = z - ctx.cz;
  const r = Math.hypot(rx, rz);
  const ang = Math.atan2(rx, rz);
  let albedo: RGB;
  if (r < 1.7) {
    // Dark granite apron where the fountain stands.
    const ring = coverage(Math.abs(r - 1.6) - 0.04, fp);
    albedo = mix([70, 72, 78], [120, 120, 124], ring);
  } else {
    // Flags laid in rings; every third ring a darker band, and radial lines to the arcades.
    const ringW = 1.15;
    const ri = Math.floor((r - 1.7) / ringW);
    const fr = (r - 1.7) / ringW - ri;
    const n = Math.max(8, Math.round((2 * Math.PI * (1.7 + (ri + 0.5) * ringW)) / 1.3));
    const a = ((ang / (2 * Math.PI) + 1) * n + (ri & 1) * 0.5) % n;
    const ai = Math.floor(a);
    const fa = a - ai;
    const segLen = (2 * Math.PI * r) / n;
    const fade = clamp(1 - fp / 0.06);
    const joint = Math.max(coverage(Math.min(fr, 1 - fr) * ringW - 0.012, fp), coverage(Math.min(fa, 1 - fa) * segLen - 0.012, fp)) * fade;
    const band = ri % 3 === 2;
    const tone = 0.8 + 0.35 * hash01(ri, ai, 1, ctx.seed);
    albedo = scale(band ? [84, 86, 96] : [140, 138, 134], tone * (1 - 0.45 * joint) + 0.1 * (1 - fade));
    // Twelve radial lines of pale stone, like a compass, from the fountain to the arcades.
    const spoke = Math.abs(((ang / (2 * Math.PI)) * 12 + 12.5) % 1 - 0.5) * ((2 * Math.PI * r) / 12);
    albedo = mix(albedo, [176, 170, 158], coverage(spoke - 0.18, fp) * 0.8);
  }
  const wear = fbm(ctx.noise, x * 0.2, 0.5, z * 0.2, 3);
  albedo = scale(albedo, 0.8 + 0.35 * wear);
  return lightAt(ctx, x, -EYE, z, 0, 1, 0, albedo, 0.5);
}

function facade(ctx: Ctx, az: number, h: number, top: number, x: number, z: number, fp: number): RGB {
  const arc = az * RADIUS;
  const bayF = arc / BAY;
  const bay = Math.floor(bayF);
  const u = (bayF - bay - 0.5) * BAY;
  const { noise, seed } = ctx;
  let albedo: RGB = [150, 142, 128];
  let emit: RGB | null = null;
  let k = 1;
  const stain = fbm(noise, x * 0.3, h * 0.3, z * 0.3, 3);
  if (h > top - 0.7) {
    // Balustraded parapet.
    const t = (top - h) / 0.7;
    const post = Math.abs(((arc / 0.3) % 1 + 1) % 1 - 0.5) < 0.22;
    albedo = t < 0.18 || t > 0.82 ? [176, 168, 152] : post ? [150, 144, 132] : [28, 34, 52];
    if (!(t < 0.18 || t > 0.82) && !post) return domeColour(0, 0.2, 1, 0.1, ctx.dome, noise);
  } else if (h < ARCADE_TOP) {
    // Arcade: round arches on square piers, deep shadow behind, some shopfronts lit within.
    const d = Math.min(sdBox(u, h - 1.7, 1.65, 1.7), sdCircle(u, h - 3.4, 1.65));
    if (d < 0) {
      const inner = Math.min(sdBox(u, h - 1.3, 0.9, 1.3), sdCircle(u, h - 2.6, 0.9));
      const lit = hash01(bay, 2, 0, seed) < 0.25;
      albedo = [26, 26, 32];
      k = 0.5 + 0.5 * smoothstep(-1.6, 0, d);
      if (inner < 0) {
        if (lit) emit = scale([255, 180, 110], 0.5 + 0.2 * smoothstep(2.5, 0.5, h));
        else albedo = [40, 38, 42];
      }
    } else {
      const b = bricks(arc, h, fp, 0.8, 0.4, 0.014, seed);
      albedo = scale([160, 150, 134], b.tone * (1 - 0.4 * b.joint));
      if (d < 0.22) albedo = scale([186, 178, 162], 1.05);
    }
    if (h < 0.3) albedo = scale(albedo, 0.7);
  } else if (h < ARCADE_TOP + 0.5) {
    albedo = scale([188, 180, 164], h < ARCADE_TOP + 0.1 ? 0.6 : 1);
  } else {
    albedo = scale([142, 134, 124], 0.85 + 0.25 * stain);
    const fh = (h - ARCADE_TOP - 0.5) % 3.1;
    const storey = Math.floor((h - ARCADE_TOP - 0.5) / 3.1);
    const w = sdBox(u, fh - 1.55, 0.55, 0.95);
    if (w < 0.14 && h < top - 1) {
      if (w > 0) albedo = [182, 174, 160];
      else {
        const state = hash01(bay, storey, 5, seed);
        const mull = Math.abs(u) < 0.03 || Math.abs(fh - 1.9) < 0.03;
        if (state < 0.12 && !mull) emit = [200, 140, 80];
        albedo = mull ? [60, 60, 64] : state < 0.55 ? [40, 54, 70] : [34, 36, 40];
        // Closed shutters on most windows.
        if (state > 0.55 && !mull) {
          albedo = [52, 64, 70];
          k = 0.8 + 0.2 * Math.sin(fh * 80) * clamp(1 - fp / 0.02);
        }
      }
    }
    // Pilasters between bays.
    if (Math.abs(Math.abs(u) - BAY / 2) < 0.22) albedo = [160, 152, 140];
  }
  const nx = -(x - ctx.cx) / RADIUS;
  const nz = -(z - ctx.cz) / RADIUS;
  let c = lightAt(ctx, x, h - EYE, z, nx, 0, nz, scale(albedo, k), 0.36 + 0.1 * smoothstep(0, 16, h));
  if (emit) c = [c[0] + emit[0], c[1] + emit[1], c[2] + emit[2]];
  return c;
}

/** The ring of stone citizens, heads bowed towards the fountain, drawn far to near. */
function paintStatues(pano: Panorama, ctx: Ctx, brief: SceneBrief, rng: () => number): void {
  const n = 14;
  const offset = rng() * 360;
  const child = brief.elements.find((e) => e.motif.includes('child'));
  const list: Array<{ x: number; z: number; d: number; yaw: number; facing: number }> = [];
  for (let i = 0; i < n; i++) {
    const a = (offset + (i * 360) / n) * DEG;
    const x = ctx.cx + STATUE_RING * Math.sin(a);
    const z = ctx.cz + STATUE_RING * Math.cos(a);
    const yaw = Math.atan2(x, z) / DEG;
    // Leave the child's spot free, flanked by statues, and the view over the fountain open.
    if (child && Math.abs(wrapYaw(yaw - child.yaw)) < child.radius + 3) continue;
    if (Math.abs(wrapYaw(yaw)) < 8) continue;
    list.push({ x, z, d: Math.hypot(x, z), yaw, facing: a });
  }
  list.sort((p, q) => q.d - p.d);
  const { look } = ctx;
  for (const st of list) {
    const frame = tangentFrame(st.yaw, 0);
    const m = DEG * st.d;
    // Which way the statue faces on screen: towards the fountain, seen from the viewer.
    const fx = -Math.sin(st.facing);
    const fz = -Math.cos(st.facing);
    const rx = Math.cos(st.yaw * DEG);
    const rz = -Math.sin(st.yaw * DEG);
    const side = fx * rx + fz * rz;
    // Lit side: towards the warden's lamp.
    const lightSide = Math.sign((ctx.lx - st.x) * rx + (ctx.lz - st.z) * rz) || 1;
    const dl = Math.hypot(ctx.lx - st.x, ctx.ly, ctx.lz - st.z);
    const keyK = 1100 / (dl * dl + 60);
    const hazeK = 1 - hazeAmount(look, st.d, 110);
    const extent = (Math.atan(5.2 / st.d) / DEG) * 1.3 + 1;
    paintSubject(pano, frame, extent, (u, v, s) => {
      const x = u * m;
      const y = v * m + EYE;
      const aa = Math.max(s.px * m, 0.003);
      const sh = statueShape(x / 1.3, y / 1.3, side);
      const a = coverage(sh.d, aa);
      if (a <= 0) return null;
      const t = clamp(0.5 + (x * lightSide) / 0.7);
      const stone: RGB = sh.pedestal ? [150, 146, 138] : [184, 186, 182];
      const lam = 0.25 + 0.75 * t * t;
      const f = look.fill;
      const kc = look.keyColour;
      let c: RGB = [
        (stone[0] * (kc[0] * keyK * lam + f[0] * 0.38 * (0.6 + 0.4 * sh.up))) / 255,
        (stone[1] * (kc[1] * keyK * lam + f[1] * 0.38 * (0.6 + 0.4 * sh.up))) / 255,
        (stone[2] * (kc[2] * keyK * lam + f[2] * 0.38 * (0.6 + 0.4 * sh.up))) / 255,
      ];
      c = mix(c, look.hazeColour, 1 - hazeK);
      return paint(soft(scale(c, look.gain)), a);
    });
  }
}

/**
 * A robed citizen on a pedestal, metres, x across, y up from the ground; `side` is the screen
 * direction the figure faces (-1..1), so a profile shows the head bowed forward.
 */
function statueShape(x: number, y: number, side: number): { d: number; pedestal: boolean; up: number } {
  const ped = Math.min(sdBox(x, y - 0.65, 0.5, 0.65), sdBox(x, y - 1.34, 0.6, 0.06), sdBox(x, y - 0.06, 0.62, 0.06));
  if (ped < 0.01 && y < 1.4) return { d: ped, pedestal: true, up: 0.3 };
  const fy = y - 1.4;
  // Robe: a tapering column, hunched: its top leans towards the facing side.
  const lean = side * 0.12 * clamp(fy / 2);
  const half = 0.34 - 0.1 * clamp(fy / 1.8) + 0.04 * Math.sin(fy * 4);
  const body = Math.max(Math.abs(x - lean) - half, -fy, fy - 1.85);
  // Rounded, hunched shoulders.
  const shoulders = sdBox(x - lean * 1.2, fy - 1.8, 0.25, 0.1) - 0.08;
  // Head bowed: low and forward.
  const head = sdCircle(x - side * 0.2 - lean, fy - 1.97, 0.13);
  const hood = sdCircle(x - side * 0.12 - lean, fy - 2.0, 0.15);
  const d = Math.min(body, shoulders, head, hood);
  return { d, pedestal: false, up: clamp(fy / 2) };
}
