/**
 * Procedural painting of equirectangular panoramas in angular space.
 *
 * Conventions:
 * - Yaw and pitch are the film's (`src/story/directions.ts`): degrees, yaw 0 at the centre column,
 *   positive to the right, pitch positive up; pixel (x, y) (continuous, from the top-left) is
 *   `equirectYawPitch(x, y, W, H)`, and painters sample each pixel at its centre (x + 0.5, y + 0.5).
 * - Vectors (`Vec3`, a `Sample`'s vx, vy, vz, a `Frame`, `paintPlane`'s coordinates) are in the
 *   **painters' space**: x right of yaw 0, y up and **+z toward yaw 0**, the film space mirrored
 *   front to back. Every set was modelled in it (and the committed pictures are its bytes), so it
 *   stays; `painterVector` and `painterYawPitch` convert, through the film's own conversions.
 *
 * The module is pure: no IO, no sharp, and every random choice comes from a seeded PRNG so a
 * recipe always produces the same bytes.
 */
import { DEG, type UnitVector, type YawPitch, unitVectorOf, wrapYaw, yawPitchOf } from '../story';

export { DEG, type YawPitch, wrapYaw };

/** An RGBA image, 8 bits per channel, rows top to bottom. */
export interface Panorama {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** A vector in the painters' space: x to the right of yaw 0, y up, z towards yaw 0 (the film's -z). */
export type Vec3 = readonly [number, number, number];
/** Colour channels 0..255. */
export type RGB = readonly [number, number, number];
/** Straight colour 0..255 plus coverage 0..1; null leaves the pixel untouched. */
export type Paint = readonly [number, number, number, number] | null;
export type BlendMode = 'normal' | 'add' | 'screen' | 'multiply';

/**
 * What a shader sees for one pixel. The object is reused between pixels (painting millions of
 * pixels would otherwise allocate millions of objects), so copy fields rather than keep it.
 */
export interface Sample {
  x: number;
  y: number;
  yaw: number;
  pitch: number;
  /** Unit vector of the pixel's direction, in the painters' space (+z toward yaw 0). */
  vx: number;
  vy: number;
  vz: number;
  /** Angular size of one pixel in degrees: the anti-aliasing width for edges. */
  px: number;
}

export type Shader = (s: Sample) => Paint;

// ---------------------------------------------------------------------------------------------
// Image and coordinates

export function createPanorama(width: number, height: number, fill: RGB = [0, 0, 0]): Panorama {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`panorama size must be positive integers, got ${width}x${height}`);
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = fill[0];
    data[i + 1] = fill[1];
    data[i + 2] = fill[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

const _unit: UnitVector = { x: 0, y: 0, z: -1 };

/** The unit vector along a yaw/pitch, in the painters' space (the film's `unitVectorOf`, mirrored). */
export function painterVector(yaw: number, pitch: number): Vec3 {
  const u = unitVectorOf(yaw, pitch, _unit);
  return [u.x, u.y, -u.z];
}

/** The yaw/pitch of a vector in the painters' space, of any length (the film's `yawPitchOf`, mirrored). */
export function painterYawPitch(v: Vec3): YawPitch {
  return yawPitchOf({ x: v[0], y: v[1], z: -v[2] });
}

// ---------------------------------------------------------------------------------------------
// Small maths

export function clamp(v: number, lo = 0, hi = 1): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function smoothstep(e0: number, e1: number, v: number): number {
  const t = clamp((v - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function mix(a: RGB, b: RGB, t: number): RGB {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function scale(c: RGB, k: number): RGB {
  return [c[0] * k, c[1] * k, c[2] * k];
}

export function add(a: RGB, b: RGB, k = 1): RGB {
  return [a[0] + b[0] * k, a[1] + b[1] * k, a[2] + b[2] * k];
}

export function hex(code: string): RGB {
  const m = /^#?([0-9a-f]{6})$/i.exec(code);
  if (!m?.[1]) throw new Error(`not a #rrggbb colour: ${code}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** Paint helper: colour at a coverage, or null when nothing is covered. */
export function paint(c: RGB, alpha: number): Paint {
  return alpha > 0.001 ? [c[0], c[1], c[2], alpha > 1 ? 1 : alpha] : null;
}

/** Composites paints front to back ("over"), so one shader can draw several layered parts. */
export function over(...layers: Paint[]): Paint {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (const p of layers) {
    if (!p || a >= 0.999) continue;
    const w = p[3] * (1 - a);
    r += p[0] * w;
    g += p[1] * w;
    b += p[2] * w;
    a += w;
  }
  return a > 0.001 ? [r / a, g / a, b / a, a] : null;
}

// ---------------------------------------------------------------------------------------------
// 2D shapes in local (tangent) units. Signed distances: negative inside.

export function sdBox(u: number, v: number, halfW: number, halfH: number): number {
  const dx = Math.abs(u) - halfW;
  const dy = Math.abs(v) - halfH;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0);
}

export function sdCircle(u: number, v: number, r: number): number {
  return Math.hypot(u, v) - r;
}

/** Distance to segment a-b (unsigned). */
export function sdSegment(u: number, v: number, ax: number, ay: number, bx: number, by: number): number {
  const px = u - ax;
  const py = v - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp((px * dx + py * dy) / (dx * dx + dy * dy || 1));
  return Math.hypot(px - dx * t, py - dy * t);
}

/** Distance to an open polyline given as flat [x0, y0, x1, y1, ...]. */
export function sdPolyline(u: number, v: number, pts: readonly number[]): number {
  let d = Infinity;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    d = Math.min(d, sdSegment(u, v, pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!));
  }
  return d;
}

/** Anti-aliased coverage of a shape from its signed distance; aa is one pixel in the same units. */
export function coverage(sd: number, aa: number): number {
  return clamp(0.5 - sd / aa);
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, good enough for art, and fully determined by its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stateless hash of integers to 0..1, for per-cell variation that must not depend on paint order. */
export function hash01(a: number, b = 0, c = 0, seed = 0): number {
  let h = Math.imul(a | 0, 0x27d4eb2d) ^ Math.imul(b | 0, 0x165667b1) ^ Math.imul(c | 0, 0x1b873593) ^ Math.imul(seed | 0, 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export type Noise3 = (x: number, y: number, z: number) => number;

/**
 * Seeded 3D value noise in 0..1. Sampling it on direction vectors (not on yaw/pitch) keeps textures
 * seamless across the yaw ±180 edge and free of pinching at the poles.
 */
export function createNoise3(seed: number): Noise3 {
  return (x, y, z) => {
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const iz = Math.floor(z);
    const fx = smoothstep(0, 1, x - ix);
    const fy = smoothstep(0, 1, y - iy);
    const fz = smoothstep(0, 1, z - iz);
    // No closures in here: this runs millions of times and tsx wraps every closure it creates.
    const x00 = lerp(hash01(ix, iy, iz, seed), hash01(ix + 1, iy, iz, seed), fx);
    const x10 = lerp(hash01(ix, iy + 1, iz, seed), hash01(ix + 1, iy + 1, iz, seed), fx);
    const x01 = lerp(hash01(ix, iy, iz + 1, seed), hash01(ix + 1, iy, iz + 1, seed), fx);
    const x11 = lerp(hash01(ix, iy + 1, iz + 1, seed), hash01(ix + 1, iy + 1, iz + 1, seed), fx);
    return lerp(lerp(x00, x10, fy), lerp(x01, x11, fy), fz);
  };
}

/** Fractal sum of octaves, normalised to 0..1. */
export function fbm(noise: Noise3, x: number, y: number, z: number, octaves = 4): number {
  let sum = 0;
  let amp = 0.5;
  let norm = 0;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amp * noise(x * f, y * f, z * f);
    norm += amp;
    amp *= 0.5;
    f *= 2.03;
  }
  return sum / norm;
}

// ---------------------------------------------------------------------------------------------
// Blending and pixel iteration

function blendPixel(d: Uint8ClampedArray, i: number, p: readonly [number, number, number, number], mode: BlendMode): void {
  const a = p[3] > 1 ? 1 : p[3];
  if (!(a > 0)) return;
  for (let k = 0; k < 3; k++) {
    const dst = d[i + k]!;
    const src = p[k]!;
    switch (mode) {
      case 'normal':
        d[i + k] = dst + (src - dst) * a;
        break;
      case 'add':
        d[i + k] = dst + src * a;
        break;
      case 'screen':
        d[i + k] = 255 - ((255 - dst) * (255 - src * a)) / 255;
        break;
      case 'multiply':
        d[i + k] = dst * (1 - a + (a * src) / 255);
        break;
    }
  }
}

/** Per-width yaw trig tables: every full-image pass needs them and they never change. */
const yawTables = new Map<number, { sin: Float64Array; cos: Float64Array; yaw: Float64Array }>();
function yawTable(width: number) {
  let t = yawTables.get(width);
  if (!t) {
    t = { sin: new Float64Array(width), cos: new Float64Array(width), yaw: new Float64Array(width) };
    for (let x = 0; x < width; x++) {
      const yaw = ((x + 0.5) / width - 0.5) * 360;
      t.yaw[x] = yaw;
      t.sin[x] = Math.sin(yaw * DEG);
      t.cos[x] = Math.cos(yaw * DEG);
    }
    yawTables.set(width, t);
  }
  return t;
}

/** Column span of one row to visit: start column (may be negative, wraps) and count. */
type RowSpan = (y: number, pitch: number) => readonly [number, number] | null;

function shadeRows(pano: Panorama, y0: number, y1: number, span: RowSpan, fn: Shader, mode: BlendMode): void {
  const { width: W, height: H, data } = pano;
  const table = yawTable(W);
  const s: Sample = { x: 0, y: 0, yaw: 0, pitch: 0, vx: 0, vy: 0, vz: 1, px: 360 / W };
  for (let y = Math.max(0, y0); y < Math.min(H, y1); y++) {
    const pitch = (0.5 - (y + 0.5) / H) * 180;
    const range = span(y, pitch);
    if (!range) continue;
    const cp = Math.cos(pitch * DEG);
    const sp = Math.sin(pitch * DEG);
    const count = Math.min(W, range[1]);
    for (let k = 0; k < count; k++) {
      const x = (((range[0] + k) % W) + W) % W;
      s.x = x;
      s.y = y;
      s.yaw = table.yaw[x]!;
      s.pitch = pitch;
      s.vx = cp * table.sin[x]!;
      s.vy = sp;
      s.vz = cp * table.cos[x]!;
      const p = fn(s);
      if (p) blendPixel(data, (y * W + x) * 4, p, mode);
    }
  }
}

/** Runs a shader over every pixel. */
export function shade(pano: Panorama, fn: Shader, mode: BlendMode = 'normal'): void {
  const all = [0, pano.width] as const;
  shadeRows(pano, 0, pano.height, () => all, fn, mode);
}

/** Runs a shader over a pitch band only (cheap for floors, skies, walls). */
export function shadeBand(pano: Panorama, pitchLo: number, pitchHi: number, fn: Shader, mode: BlendMode = 'normal'): void {
  const H = pano.height;
  const all = [0, pano.width] as const;
  const y0 = Math.floor((0.5 - Math.min(90, pitchHi) / 180) * H);
  const y1 = Math.ceil((0.5 - Math.max(-90, pitchLo) / 180) * H);
  shadeRows(pano, y0, y1, () => all, fn, mode);
}

/** Runs a shader over a yaw/pitch rectangle (yaw may cross ±180). */
export function shadeRect(
  pano: Panorama,
  yawLo: number,
  yawHi: number,
  pitchLo: number,
  pitchHi: number,
  fn: Shader,
  mode: BlendMode = 'normal',
): void {
  const { width: W, height: H } = pano;
  const x0 = Math.floor((yawLo / 360 + 0.5) * W);
  const x1 = Math.ceil((yawHi / 360 + 0.5) * W);
  const span = [x0, x1 - x0] as const;
  const y0 = Math.floor((0.5 - Math.min(90, pitchHi) / 180) * H);
  const y1 = Math.ceil((0.5 - Math.max(-90, pitchLo) / 180) * H);
  shadeRows(pano, y0, y1, () => span, fn, mode);
}

/** Runs a shader over the pixels within an angular radius (degrees) of a direction. */
export function shadeCap(pano: Panorama, centre: YawPitch, radius: number, fn: Shader, mode: BlendMode = 'normal'): void {
  if (radius >= 180) return shade(pano, fn, mode);
  const { width: W, height: H } = pano;
  // One pixel of slack so edges computed at pixel centres are never clipped.
  const r = radius + 360 / W;
  const P = centre.pitch * DEG;
  const cosR = Math.cos(r * DEG);
  const y0 = Math.floor((0.5 - Math.min(90, centre.pitch + r) / 180) * H);
  const y1 = Math.ceil((0.5 - Math.max(-90, centre.pitch - r) / 180) * H);
  const full = [0, W] as const;
  // Exact yaw half-width of a spherical cap on this row, from the spherical law of cosines.
  const span: RowSpan = (_y, pitch) => {
    const phi = pitch * DEG;
    const denom = Math.cos(phi) * Math.cos(P);
    if (denom < 1e-9) return full;
    const c = (cosR - Math.sin(phi) * Math.sin(P)) / denom;
    if (c <= -1) return full;
    if (c > 1) return null;
    const half = Math.acos(c) / DEG;
    const start = Math.floor(((centre.yaw - half) / 360 + 0.5) * W);
    return [start, Math.ceil((2 * half * W) / 360) + 2];
  };
  shadeRows(pano, y0, y1, span, fn, mode);
}

// ---------------------------------------------------------------------------------------------
// Local tangent frames: draw flat shapes facing the viewer, undistorted in any perspective view

export interface Frame {
  readonly f: Vec3;
  readonly r: Vec3;
  readonly u: Vec3;
}

/** Frame centred on yaw/pitch: r points to increasing yaw, u to increasing pitch; roll turns it clockwise. */
export function tangentFrame(yaw: number, pitch: number, roll = 0): Frame {
  const Y = yaw * DEG;
  const P = pitch * DEG;
  const f = painterVector(yaw, pitch);
  const r0: Vec3 = [Math.cos(Y), 0, -Math.sin(Y)];
  const u0: Vec3 = [-Math.sin(P) * Math.sin(Y), Math.cos(P), -Math.sin(P) * Math.cos(Y)];
  if (roll === 0) return { f, r: r0, u: u0 };
  const c = Math.cos(roll * DEG);
  const s = Math.sin(roll * DEG);
  return {
    f,
    r: [r0[0] * c - u0[0] * s, r0[1] * c - u0[1] * s, r0[2] * c - u0[2] * s],
    u: [u0[0] * c + r0[0] * s, u0[1] * c + r0[1] * s, u0[2] * c + r0[2] * s],
  };
}

/**
 * Gnomonic (rectilinear) coordinates of a direction in a frame, scaled so one unit is one degree
 * at the centre. Straight lines in 3D stay straight, which is what a headset view shows.
 */
export function toLocal(frame: Frame, vx: number, vy: number, vz: number): readonly [number, number] | null {
  const { f, r, u } = frame;
  const df = vx * f[0] + vy * f[1] + vz * f[2];
  if (df <= 1e-6) return null;
  return [(vx * r[0] + vy * r[1] + vz * r[2]) / df / DEG, (vx * u[0] + vy * u[1] + vz * u[2]) / df / DEG];
}

export function localOf(frame: Frame, yaw: number, pitch: number): readonly [number, number] | null {
  const v = painterVector(yaw, pitch);
  return toLocal(frame, v[0], v[1], v[2]);
}

/** Yaw/pitch of local coordinates (inverse of toLocal). */
export function fromLocal(frame: Frame, lu: number, lv: number): YawPitch {
  const { f, r, u } = frame;
  const a = lu * DEG;
  const b = lv * DEG;
  return painterYawPitch([f[0] + r[0] * a + u[0] * b, f[1] + r[1] * a + u[1] * b, f[2] + r[2] * a + u[2] * b]);
}

export type LocalShader = (u: number, v: number, s: Sample) => Paint;

/**
 * Paints a subject in the tangent frame centred at (yaw, pitch): the shader gets local (u, v) with
 * v up; extent bounds the largest |(u, v)| the shader can draw, so only nearby pixels are visited.
 */
export function paintSubject(
  pano: Panorama,
  frame: Frame,
  extent: number,
  fn: LocalShader,
  mode: BlendMode = 'normal',
): void {
  const centre = painterYawPitch(frame.f);
  const radius = Math.atan(extent * DEG) / DEG;
  shadeCap(
    pano,
    centre,
    radius,
    (s) => {
      const l = toLocal(frame, s.vx, s.vy, s.vz);
      return l ? fn(l[0], l[1], s) : null;
    },
    mode,
  );
}

// ---------------------------------------------------------------------------------------------
// Composable painters

export type GradientStops = ReadonlyArray<readonly [pitch: number, colour: RGB]>;

/** Colour of a pitch-keyed gradient (stops sorted by ascending pitch). */
export function gradientAt(stops: GradientStops, pitch: number): RGB {
  const first = stops[0];
  if (!first) return [0, 0, 0];
  if (pitch <= first[0]) return first[1];
  for (let i = 1; i < stops.length; i++) {
    const b = stops[i]!;
    if (pitch <= b[0]) {
      const a = stops[i - 1]!;
      return mix(a[1], b[1], smoothstep(0, 1, (pitch - a[0]) / (b[0] - a[0])));
    }
  }
  return stops[stops.length - 1]![1];
}

/** Fills the image (or a pitch band) with a vertical gradient: sky, walls, floor washes. */
export function verticalGradient(pano: Panorama, stops: GradientStops, pitchLo = -90, pitchHi = 90): void {
  let row = -1;
  let colour: Paint = null;
  shadeBand(pano, pitchLo, pitchHi, (s) => {
    if (s.y !== row) {
      row = s.y;
      const c = gradientAt(stops, s.pitch);
      colour = [c[0], c[1], c[2], 1];
    }
    return colour;
  });
}

/** A soft band along a constant pitch: haze on the horizon, light along a cornice. */
export function horizonBand(
  pano: Panorama,
  opts: { pitch?: number; halfWidth: number; colour: RGB; alpha: number; mode?: BlendMode },
): void {
  const pitch = opts.pitch ?? 0;
  shadeBand(
    pano,
    pitch - opts.halfWidth * 3,
    pitch + opts.halfWidth * 3,
    (s) => paint(opts.colour, opts.alpha * Math.exp(-(((s.pitch - pitch) / opts.halfWidth) ** 2))),
    opts.mode ?? 'normal',
  );
}

/** A round light falloff around a direction; additive by default so it brightens what is below. */
export function glow(
  pano: Panorama,
  opts: { yaw: number; pitch: number; radius: number; colour: RGB; intensity?: number; mode?: BlendMode },
): void {
  const c = painterVector(opts.yaw, opts.pitch);
  const k = opts.intensity ?? 1;
  shadeCap(
    pano,
    opts,
    opts.radius * 3,
    (s) => {
      const d = Math.acos(clamp(s.vx * c[0] + s.vy * c[1] + s.vz * c[2], -1, 1)) / DEG / opts.radius;
      return paint(opts.colour, k * Math.exp(-d * d));
    },
    opts.mode ?? 'add',
  );
}

/**
 * Scatters stars uniformly on the sphere within a pitch range. visibility(yaw, pitch) fades them,
 * e.g. into a brightening dawn sky.
 */
export function stars(
  pano: Panorama,
  rng: () => number,
  opts: {
    count: number;
    minPitch?: number;
    maxPitch?: number;
    size?: number;
    brightness?: number;
    visibility?: (yaw: number, pitch: number) => number;
  },
): void {
  const lo = Math.sin((opts.minPitch ?? 0) * DEG);
  const hi = Math.sin((opts.maxPitch ?? 90) * DEG);
  const size = opts.size ?? 0.12;
  for (let i = 0; i < opts.count; i++) {
    // Uniform in sin(pitch) gives uniform density on the sphere, not bunching at the zenith.
    const pitch = Math.asin(lerp(lo, hi, rng())) / DEG;
    const yaw = rng() * 360 - 180;
    const mag = rng() ** 3;
    const temp = rng();
    const vis = (opts.visibility?.(yaw, pitch) ?? 1) * (opts.brightness ?? 1);
    if (vis <= 0.01) continue;
    const colour = temp < 0.3 ? mix([255, 255, 255], [170, 200, 255], temp / 0.3) : mix([255, 255, 255], [255, 225, 180], (temp - 0.3) / 0.7);
    const r = size * (0.7 + 1.8 * mag);
    const alpha = (0.35 + 0.65 * mag) * vis;
    paintSubject(pano, tangentFrame(yaw, pitch), r * 3, (u, v) => paint(colour, alpha * Math.exp(-(u * u + v * v) / (r * r))), 'add');
  }
}

/**
 * Round columns standing in a circle around the viewer. Seen from the centre a column is a
 * vertical strip of constant yaw width, shaded as a cylinder with a lit side.
 */
export function columns(
  pano: Panorama,
  opts: {
    yaws: readonly number[];
    width: number;
    bottomPitch: number;
    topPitch: number;
    colour: RGB;
    /** Brightness multiplier at a direction, so columns share the scene's lighting. */
    light?: (yaw: number, pitch: number) => number;
    /** Yaw of the key light, to decide which side of each column is lit. */
    lightYaw?: number;
  },
): void {
  const half = opts.width / 2;
  const capH = opts.width * 0.55;
  for (const cy of opts.yaws) {
    const side = Math.sign(Math.sin(((opts.lightYaw ?? cy + 90) - cy) * DEG)) || 1;
    shadeRect(pano, cy - half * 1.5, cy + half * 1.5, opts.bottomPitch, opts.topPitch, (s) => {
      const inCap = s.pitch > opts.topPitch - capH || s.pitch < opts.bottomPitch + capH * 0.8;
      const hw = inCap ? half * 1.4 : half;
      const dyaw = wrapYaw(s.yaw - cy);
      const alpha = clamp((hw - Math.abs(dyaw)) / s.px + 0.5);
      if (alpha <= 0) return null;
      const t = clamp(dyaw / hw, -1, 1);
      const nz = Math.sqrt(1 - t * t);
      // Lambert on a cylinder, plus shallow fluting so the shaft reads as carved stone.
      let k = 0.35 + 0.65 * clamp(nz * 0.7 + t * side * 0.45);
      if (!inCap) k *= 0.93 + 0.07 * Math.cos(t * Math.PI * 7);
      else k *= 1.08;
      const l = opts.light?.(s.yaw, s.pitch) ?? 1;
      return paint(scale(opts.colour, k * l), alpha);
    });
  }
}

export interface ShelfOptions {
  /** Pitch of the bottom board and of the top of the case. */
  bottomPitch: number;
  topPitch: number;
  rows: number;
  /** Approximate yaw width of one bookcase; rounded so a whole number fits around the room. */
  bayWidth: number;
  yawOffset?: number;
  /** Yaw ranges left empty, e.g. for doors. */
  gaps?: ReadonlyArray<readonly [number, number]>;
  palette: readonly RGB[];
  wood: RGB;
  back: RGB;
  light?: (yaw: number, pitch: number) => number;
}

interface Book {
  start: number;
  end: number;
  height: number;
  colour: RGB;
  band: number;
}

/**
 * Bookcases lining a round room. Boards sit at equal heights on the wall, which on a cylinder
 * means equal steps of tan(pitch); books are generated per bay so none crosses an upright.
 */
export function bookshelves(pano: Panorama, rng: () => number, opts: ShelfOptions): void {
  const bays = Math.max(1, Math.round(360 / opts.bayWidth));
  const bay = 360 / bays;
  const offset = opts.yawOffset ?? 0;
  const upright = Math.min(1.2, bay * 0.05);
  const board = 0.1;
  const rows: Book[][] = [];
  for (let r = 0; r < opts.rows; r++) {
    const books: Book[] = [];
    for (let b = 0; b < bays; b++) {
      let at = b * bay + upright;
      const end = (b + 1) * bay - upright;
      while (at < end) {
        const w = lerp(0.55, 1.5, rng() ** 1.5);
        // Occasional gaps and leaning-free short runs keep the rows from looking printed.
        if (rng() < 0.05) {
          at += w * 1.5;
          continue;
        }
        const colour = opts.palette[Math.floor(rng() * opts.palette.length)] ?? opts.wood;
        books.push({ start: at, end: Math.min(end, at + w), height: lerp(0.55, 0.9, rng()), colour: scale(colour, lerp(0.75, 1.1, rng())), band: rng() });
        at += w + (rng() < 0.15 ? 0.12 : 0.02);
      }
    }
    rows.push(books);
  }
  const hb = Math.tan(opts.bottomPitch * DEG);
  const ht = Math.tan(opts.topPitch * DEG);
  const gaps = opts.gaps ?? [];
  shadeBand(pano, opts.bottomPitch, opts.topPitch, (s) => {
    if (inGaps(gaps, s.yaw)) return null;
    const light = opts.light?.(s.yaw, s.pitch) ?? 1;
    const pos = ((Math.tan(s.pitch * DEG) - hb) / (ht - hb)) * opts.rows;
    const row = Math.floor(pos);
    const f = pos - row;
    const a = (((s.yaw - offset) % 360) + 360) % 360;
    const inBay = a % bay;
    if (inBay < upright || inBay > bay - upright || row < 0 || row >= opts.rows) {
      const edge = Math.min(inBay, bay - inBay) / upright;
      return paint(scale(opts.wood, light * (0.8 + 0.25 * edge)), 1);
    }
    if (f < board) return paint(scale(opts.wood, light * (f > board * 0.6 ? 1.25 : 0.95)), 1);
    const fb = (f - board) / (1 - board);
    const book = findBook(rows[row]!, a);
    // Shadow of the board above falls on the back and the book tops.
    const shadow = 0.55 + 0.45 * smoothstep(1, 0.6, fb);
    if (!book || fb > book.height) return paint(scale(opts.back, light * shadow * (0.7 + 0.3 * fb)), 1);
    const t = (a - book.start) / (book.end - book.start);
    let k = 0.6 + 0.4 * Math.sin(t * Math.PI);
    const rel = fb / book.height;
    // Gilt bands on some spines: the detail that makes a coloured stripe read as a book.
    const gilt = book.band > 0.45 && (Math.abs(rel - 0.82) < 0.025 || Math.abs(rel - 0.2) < 0.025);
    const c = gilt ? mix(book.colour, [235, 190, 110], 0.75) : book.colour;
    k *= shadow;
    return paint(scale(c, k * light), 1);
  });
}

function inGaps(gaps: ReadonlyArray<readonly [number, number]>, yaw: number): boolean {
  for (const [a, b] of gaps) {
    const d = wrapYaw(yaw - a);
    if (d >= 0 && d <= wrapYaw(b - a)) return true;
  }
  return false;
}

function findBook(books: readonly Book[], yaw: number): Book | undefined {
  let lo = 0;
  let hi = books.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = books[mid]!;
    if (yaw < b.start) hi = mid - 1;
    else if (yaw >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

export interface DomeOptions {
  basePitch: number;
  ribs: number;
  yawOffset?: number;
  /** Ring pitches, ascending; ribs stop at the last one (the oculus). */
  rings: readonly number[];
  /** Lattice bar width in degrees. */
  lineWidth: number;
  /** Bar colour, fixed or per pixel (to light the lattice like the panes). */
  colour: RGB | ((s: Sample) => RGB);
  /** Colour of the glass in a cell; cell is a stable id for per-pane variation, (cu, cv) in 0..1 inside it. */
  pane: (s: Sample, cell: number, cu: number, cv: number) => RGB;
}

/** A ribbed glass dome above the viewer: meridian ribs, horizontal rings, glass panes between. */
export function domeLattice(pano: Panorama, opts: DomeOptions): void {
  const step = 360 / opts.ribs;
  const offset = opts.yawOffset ?? 0;
  const rings = opts.rings;
  const top = rings[rings.length - 1] ?? 90;
  const hw = opts.lineWidth / 2;
  shadeBand(pano, opts.basePitch, 90, (s) => {
    const a = (((s.yaw - offset) % 360) + 360) % 360;
    const rib = Math.floor(a / step);
    const inRib = a / step - rib;
    // Ribs converge towards the zenith, so measure their distance on the sphere, not in yaw.
    const ribDist = Math.min(inRib, 1 - inRib) * step * Math.cos(s.pitch * DEG);
    let ring = 0;
    let ringDist = Infinity;
    let nearestRing = 0;
    for (let i = 0; i < rings.length; i++) {
      const rd = Math.abs(s.pitch - rings[i]!);
      if (rd < ringDist) {
        ringDist = rd;
        nearestRing = rings[i]!;
      }
      if (s.pitch >= rings[i]!) ring = i;
    }
    const lo = rings[ring] ?? opts.basePitch;
    const hi = rings[ring + 1] ?? 90;
    const cv = clamp((s.pitch - lo) / (hi - lo));
    const glass = opts.pane(s, ring * 1009 + rib, inRib, cv);
    const d = s.pitch > top ? ringDist : Math.min(ribDist, ringDist);
    const bar = coverage(d - hw, s.px);
    if (bar <= 0) return paint(glass, 1);
    // A lighter lip on the bar's lower edge makes the lattice read as metal, not drawn lines.
    const lip = ringDist < hw && s.pitch < nearestRing ? 1.5 : 1;
    const metal = typeof opts.colour === 'function' ? opts.colour(s) : opts.colour;
    return paint(mix(glass, scale(metal, lip), bar), 1);
  });
}

/**
 * Paints a horizontal plane below (height < 0) or above the eye. The shader gets plane coordinates
 * in metres (x right of yaw 0, z towards yaw 0), the distance along the ray, and the size of one
 * pixel on the plane so patterns can fade out before they alias.
 */
export function paintPlane(
  pano: Panorama,
  height: number,
  fn: (px: number, pz: number, dist: number, footprint: number, s: Sample) => Paint,
  opts: { pitchLimit?: number; mode?: BlendMode } = {},
): void {
  const below = height < 0;
  const limit = opts.pitchLimit ?? 0;
  const [lo, hi] = below ? [-90, limit] : [limit, 90];
  shadeBand(
    pano,
    lo,
    hi,
    (s) => {
      if (below ? s.vy >= -1e-4 : s.vy <= 1e-4) return null;
      const t = height / s.vy;
      const footprint = (t * s.px * DEG) / Math.max(0.05, Math.abs(s.vy));
      return fn(s.vx * t, s.vz * t, t, footprint, s);
    },
    opts.mode ?? 'normal',
  );
}

/**
 * Split toning: recolours shadows towards one hue and highlights towards another while keeping
 * luminance. balance is the share given to the shadow hue (a scene's coolShare).
 */
export function splitTone(pano: Panorama, opts: { shadows: RGB; highlights: RGB; balance: number; amount: number }): void {
  const lum = (c: RGB) => (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255 || 1;
  const sh = scale(opts.shadows, 1 / lum(opts.shadows));
  const hi = scale(opts.highlights, 1 / lum(opts.highlights));
  const d = pano.data;
  for (let i = 0; i < d.length; i += 4) {
    const l = (0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!) / 255;
    const ws = opts.amount * opts.balance * (1 - l) * (1 - l);
    const wh = opts.amount * (1 - opts.balance) * l * l;
    for (let k = 0; k < 3; k++) {
      const c = d[i + k]!;
      d[i + k] = c + (sh[k]! * l - c) * ws + (hi[k]! * l - c) * wh;
    }
  }
}

/** Fine luminance grain: hides banding in dark gradients once the image is compressed. */
export function grain(pano: Panorama, seed: number, amount: number): void {
  const d = pano.data;
  for (let p = 0, i = 0; i < d.length; p++, i += 4) {
    const n = (hash01(p, 0, 0, seed) - 0.5) * 2 * amount;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n;
  }
}

/** Gamma on all channels: below 1 lifts mid-tones (wonder), above 1 sinks them (suspense). */
export function adjustGamma(pano: Panorama, gamma: number): void {
  const lut = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) lut[v] = 255 * (v / 255) ** gamma;
  const d = pano.data;
  for (let i = 0; i < d.length; i += 4) {
    d[i] = lut[d[i]!]!;
    d[i + 1] = lut[d[i + 1]!]!;
    d[i + 2] = lut[d[i + 2]!]!;
  }
}
