/** Colours (RGB 0..255) and paints (a colour at a coverage): mixing, scaling, parsing, compositing. */
import type { Paint, RGB } from './panorama';

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
