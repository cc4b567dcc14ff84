/** Whole-image grading operations: split toning, grain, gamma. */
import { scale } from './colour';
import { hash01 } from './noise';
import type { Panorama, RGB } from './panorama';

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
