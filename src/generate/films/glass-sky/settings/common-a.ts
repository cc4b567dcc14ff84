/**
 * Shared pieces of the street, alley, square, cistern and archive painters: the script's light
 * turned into colours, distance haze, the crystal dome seen far overhead, and stone surfaces laid
 * out in metres (so they look the same at every panorama size).
 */
import {
  DEG,
  type Noise3,
  type Panorama,
  type RGB,
  type Vec3,
  clamp,
  coverage,
  painterVector,
  hash01,
  mix,
  paint,
  paintSubject,
  scale,
  tangentFrame,
} from '../../../paint';
import type { SceneBrief } from '../../../pipeline';

/** The script's lighting, resolved into what the painters multiply and mix with. */
export interface Look {
  /** Unit vector towards the key light. */
  readonly key: Vec3;
  readonly keyYaw: number;
  readonly keyPitch: number;
  /** Colour of the key light (lamplight when warm, glass-filtered daylight when cool). */
  readonly keyColour: RGB;
  /** Colour of the soft light everything else gets. */
  readonly fill: RGB;
  /** What distance fades into. */
  readonly hazeColour: RGB;
  readonly haze: number;
  /** Overall brightness multiplier from intensity. */
  readonly gain: number;
  readonly warm: boolean;
}

export function lookOf(brief: SceneBrief, o: { hazeWarm: RGB; hazeCool: RGB }): Look {
  const l = brief.lighting;
  const warm = l.tone === 'warm';
  return {
    key: painterVector(l.key.yaw, l.key.pitch),
    keyYaw: l.key.yaw,
    keyPitch: l.key.pitch,
    keyColour: warm ? [255, 184, 112] : [168, 206, 255],
    fill: warm ? [150, 136, 140] : [112, 132, 168],
    hazeColour: warm ? o.hazeWarm : o.hazeCool,
    haze: clamp(l.haze),
    gain: 0.55 + 0.95 * clamp(l.intensity),
    warm,
  };
}

/** Share of a colour lost to haze over a distance (metres); `metres` is where a haze of 1 reaches ~63%. */
export function hazeAmount(look: Look, dist: number, metres: number): number {
  return 1 - Math.exp((-dist * look.haze) / metres);
}

/** Cosine between a unit vector and a direction given by components. */
export function cosBetween(v: Vec3, x: number, y: number, z: number): number {
  return v[0] * x + v[1] * y + v[2] * z;
}

/** Angular falloff: 1 at the centre, 1/e at `width` degrees. */
export function angularFalloff(cos: number, width: number): number {
  const a = Math.acos(cos < -1 ? -1 : cos > 1 ? 1 : cos) / DEG / width;
  return Math.exp(-a * a);
}

export function luminance(c: RGB): number {
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/** Multiplies a colour by a light colour (0..255 each) and a level. */
export function lit(c: RGB, light: RGB, k: number): RGB {
  const f = k / 255;
  return [c[0] * light[0] * f, c[1] * light[1] * f, c[2] * light[2] * f];
}

// ---------------------------------------------------------------------------------------------
// The crystal dome, far overhead

export interface DomeLook {
  /** Painted sky near the dome's foot and at its crown. */
  readonly low: RGB;
  readonly high: RGB;
  /** Lattice metal. */
  readonly metal: RGB;
  /** Diamond panes round the dome (more = smaller panes). */
  readonly panes: number;
  /** Light from the city below on the dome's lower courses. */
  readonly glowColour: RGB;
  readonly glow: number;
  readonly seed: number;
}

/**
 * The inner face of the dome in a direction: a lattice of diamond glass panes (loxodromic ribs,
 * so panes stay diamond-shaped and shrink towards the crown), painted night-blue with painted
 * gilt stars, a few panes clearer or cracked. px is the pixel size in degrees.
 */
export function domeColour(vx: number, vy: number, vz: number, px: number, d: DomeLook, noise: Noise3): RGB {
  const el = Math.asin(clamp(vy, -1, 1));
  const elDeg = el / DEG;
  const t = clamp(elDeg / 90);
  let c = mix(d.low, d.high, Math.sqrt(t));
  // Brush texture of the painted sky: broad, soft.
  const brush = noise(vx * 3.1 + 11, vy * 3.1, vz * 3.1);
  c = scale(c, 0.86 + 0.28 * brush);
  const ce = Math.cos(el);
  if (elDeg > 84) {
    // The crown: an iron boss where the ribs meet.
    const r = 90 - elDeg;
    const ring = coverage(Math.abs(r - 4.6) - 0.35, px) + coverage(Math.abs(r - 2.2) - 0.25, px);
    return mix(scale(d.metal, 0.55 + 0.1 * brush), scale(d.metal, 1.3), clamp(ring));
  }
  const az = Math.atan2(vx, vz);
  const m = Math.log(Math.tan(Math.PI / 4 + Math.max(el, 0.02) / 2));
  const n = d.panes / (2 * Math.PI);
  const u = (az + m) * n;
  const v = (az - m) * n;
  const iu = Math.floor(u);
  const iv = Math.floor(v);
  const fu = u - iu;
  const fv = v - iv;
  // One unit of u (or v) measured on the sphere, in degrees.
  const unit = (ce * Math.SQRT2) / (n * 2 * DEG);
  const cell = (((iu % 100000) + 100000) % 100000) * 7919 + iv;
  // Pane tone: each pane its own pigment density; a few clearer panes let the dark through.
  const h = hash01(iu, iv, 1, d.seed);
  c = scale(c, 0.82 + 0.3 * h);
  // A soft sheen across each pane reads as glass.
  const sheen = Math.max(0, 1 - Math.abs(fu - fv) * 2.2) ** 2 * 0.18 * smoothFade(unit, px, 3);
  c = [c[0] + 70 * sheen, c[1] + 90 * sheen, c[2] + 120 * sheen];
  // Painted stars: up to two per pane, four-pointed, pale gold.
  const stars = hash01(iu, iv, 2, d.seed);
  if (stars > 0.25) {
    for (let k = 0; k < (stars > 0.7 ? 2 : 1); k++) {
      const su = 0.2 + 0.6 * hash01(iu, iv, 3 + k, d.seed);
      const sv = 0.2 + 0.6 * hash01(iu, iv, 5 + k, d.seed);
      const size = (0.05 + 0.07 * hash01(iu, iv, 7 + k, d.seed) ** 2) * unit;
      const du = Math.abs(fu - su) * unit;
      const dv = Math.abs(fv - sv) * unit;
      // Rotate the star so its points are upright (u, v run diagonally).
      const a = Math.abs(du - dv) * 0.7071;
      const b = (du + dv) * 0.7071;
      const spikes = Math.min(a / size + b / (size * 0.22), b / size + a / (size * 0.22));
      const k2 = clamp((1 - spikes) * 2) + 0.6 * Math.exp(-(a * a + b * b) / (size * size * 0.08));
      const vis = Math.min(1, size / (px * 0.8));
      if (k2 > 0) c = mix(c, [255, 236, 188], clamp(k2 * vis) * 0.9);
    }
  }
  // Lattice bars, and a heavier rib every sixth.
  const bu = Math.min(fu, 1 - fu);
  const bv = Math.min(fv, 1 - fv);
  const heavyU = iu % 6 === 0 || iu % 6 === 5 ? (iu % 6 === 0 ? fu : 1 - fu) : 1;
  const heavyV = iv % 6 === 0 || iv % 6 === 5 ? (iv % 6 === 0 ? fv : 1 - fv) : 1;
  const bar = Math.min(bu, bv) * unit - 0.045 * unit;
  const heavy = Math.min(heavyU, heavyV) * unit - 0.09 * unit;
  const cov = Math.max(coverage(bar, px), coverage(heavy, px));
  // Where bars get thinner than a pixel they blend into an average tone instead of shimmering.
  const barShare = clamp((0.09 * unit) / px);
  const metal = scale(d.metal, 0.8 + 0.4 * hash01(cell, 9));
  c = mix(c, metal, cov * barShare + (1 - barShare) * 0.35);
  // City light washing up over the dome's lower courses.
  const low = Math.exp(-elDeg / 14);
  return [c[0] + d.glowColour[0] * d.glow * low, c[1] + d.glowColour[1] * d.glow * low, c[2] + d.glowColour[2] * d.glow * low];
}

function smoothFade(size: number, px: number, pixels: number): number {
  return clamp(size / (px * pixels));
}

// ---------------------------------------------------------------------------------------------
// Surfaces in metres

/**
 * Stone setts on a plane at (a, b) metres, rows across b. Returns colour factor (around 1) and a
 * joint share; fp is a pixel's footprint in metres so joints fade before they alias.
 */
export function setts(a: number, b: number, fp: number, w: number, h: number, seed: number): { tone: number; joint: number; dome: number } {
  const row = Math.floor(b / h);
  const fb = b / h - row;
  const off = (row & 1) * 0.5 + hash01(row, 0, 3, seed) * 0.3;
  const col = Math.floor(a / w + off);
  const fa = a / w + off - col;
  const ja = Math.min(fa, 1 - fa) * w;
  const jb = Math.min(fb, 1 - fb) * h;
  const gap = 0.012 + 0.01 * hash01(col, row, 5, seed);
  const fade = clamp(1 - fp / (gap * 4));
  const joint = Math.max(coverage(ja - gap, fp), coverage(jb - gap, fp)) * fade;
  const tone = 0.75 + 0.45 * hash01(col, row, 1, seed);
  // Rounded tops: brighter in the middle of each stone.
  const dome = (1 - (2 * fa - 1) ** 2) * (1 - (2 * fb - 1) ** 2);
  return { tone, joint, dome: 0.8 + 0.25 * dome * fade + 0.2 * (1 - fade) };
}

/**
 * Brick (or ashlar) on a wall: (a, h) metres along and up. Returns tone and mortar share.
 */
export function bricks(a: number, h: number, fp: number, w: number, course: number, mortar: number, seed: number): { tone: number; joint: number } {
  const row = Math.floor(h / course);
  const fh = h / course - row;
  const along = a / w + (row & 1) * 0.5;
  const col = Math.floor(along);
  const fa = along - col;
  const fade = clamp(1 - fp / (mortar * 5));
  const joint = Math.max(coverage(Math.min(fa, 1 - fa) * w - mortar, fp), coverage(Math.min(fh, 1 - fh) * course - mortar, fp)) * fade;
  const tone = 0.78 + 0.4 * hash01(col, row, 11, seed);
  return { tone: lerpN(1, tone, 0.4 + 0.6 * fade), joint: joint + (1 - fade) * 0.15 };
}

function lerpN(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** A soft additive bloom round a direction, stretched `stretch` times vertically (reflections). */
export function bloom(
  pano: Panorama,
  yaw: number,
  pitch: number,
  radius: number,
  colour: RGB,
  intensity: number,
  stretch = 1,
): void {
  const frame = tangentFrame(yaw, pitch);
  const ext = radius * 3 * Math.max(1, stretch);
  paintSubject(
    pano,
    frame,
    ext,
    (u, v) => {
      const d2 = (u * u + (v * v) / (stretch * stretch)) / (radius * radius);
      if (d2 > 9) return null;
      return paint(colour, intensity * Math.exp(-d2));
    },
    'add',
  );
}
