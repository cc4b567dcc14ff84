/** Blending and pixel iteration: running a shader over the whole image, a pitch band, a yaw/pitch rectangle or a spherical cap. */
import { type YawPitch, DEG } from '../../story';
import type { BlendMode, Panorama, Sample, Shader } from './panorama';

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
