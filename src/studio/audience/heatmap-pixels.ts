/**
 * Gaze density as colours over an equirectangular picture. The density grid comes from
 * `gazeDensity` (src/records/heatmap.ts), which already spreads each bin over the sphere; here
 * bins become pixels in the same layout: column 0 at yaw -180 (the picture's left edge, the seam),
 * row 0 at pitch +90 (the top row), pixel centres sampled between bin centres bilinearly, wrapping
 * across the seam horizontally and held at the top and bottom rows.
 */

/** A colour ramp stop: density 0–1 → red, green, blue (0–255). */
interface Stop {
  readonly at: number;
  readonly rgb: readonly [number, number, number];
}

/** Cold to hot: deep blue, cyan, green, yellow, red (the ramp the legend shows). */
export const HEAT_STOPS: readonly Stop[] = [
  { at: 0, rgb: [40, 40, 200] },
  { at: 0.25, rgb: [0, 170, 230] },
  { at: 0.5, rgb: [40, 210, 80] },
  { at: 0.75, rgb: [250, 220, 30] },
  { at: 1, rgb: [240, 40, 30] },
];

/** Density below this is left clear, so the picture shows where nobody looked. */
export const HEAT_FLOOR = 0.02;
/** Opacity at the floor and at the peak: the picture stays readable under the hottest spot. */
const ALPHA_LOW = 0.2;
const ALPHA_HIGH = 0.8;

/** The colour and opacity of a density (0–1), into `out` at `offset` (RGBA bytes). Opacity rises strictly with density above the floor. */
export function heatColour(t: number, out: Uint8ClampedArray, offset: number): void {
  if (!(t > HEAT_FLOOR)) {
    out[offset] = out[offset + 1] = out[offset + 2] = out[offset + 3] = 0;
    return;
  }
  const d = Math.min(1, t);
  let i = 1;
  while (i < HEAT_STOPS.length - 1 && HEAT_STOPS[i]!.at < d) i++;
  const a = HEAT_STOPS[i - 1]!;
  const b = HEAT_STOPS[i]!;
  const f = (d - a.at) / (b.at - a.at);
  out[offset] = a.rgb[0] + (b.rgb[0] - a.rgb[0]) * f;
  out[offset + 1] = a.rgb[1] + (b.rgb[1] - a.rgb[1]) * f;
  out[offset + 2] = a.rgb[2] + (b.rgb[2] - a.rgb[2]) * f;
  out[offset + 3] = 255 * (ALPHA_LOW + (ALPHA_HIGH - ALPHA_LOW) * ((d - HEAT_FLOOR) / (1 - HEAT_FLOOR)));
}

/**
 * The density grid (`cols` × `rows`, row-major, row 0 at the top) as RGBA pixels of an
 * equirectangular image `width` × `height`, row 0 at the top: the overlay of a panorama.
 */
export function heatmapPixels(density: ArrayLike<number>, cols: number, rows: number, width: number, height: number): Uint8ClampedArray<ArrayBuffer> {
  if (density.length !== cols * rows) throw new Error(`heatmapPixels: ${density.length} densities for a grid of ${cols}×${rows}`);
  const out = new Uint8ClampedArray(width * height * 4);
  // Where each pixel column falls between bin centres, computed once per column.
  const left = new Int32Array(width);
  const right = new Int32Array(width);
  const across = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const u = ((x + 0.5) / width) * cols - 0.5;
    const c = Math.floor(u);
    across[x] = u - c;
    left[x] = ((c % cols) + cols) % cols;
    right[x] = (c + 1) % cols;
  }
  for (let y = 0; y < height; y++) {
    // Rows do not wrap: above the top bin centre the top row holds (it is one point of the sphere, spread already).
    const v = Math.min(rows - 1, Math.max(0, ((y + 0.5) / height) * rows - 0.5));
    const r0 = Math.min(rows - 2, Math.floor(v));
    const top = Math.max(0, r0) * cols;
    const bottom = Math.min(rows - 1, r0 + 1) * cols;
    const down = rows === 1 ? 0 : v - Math.max(0, r0);
    for (let x = 0; x < width; x++) {
      const f = across[x]!;
      const upper = density[top + left[x]!]! * (1 - f) + density[top + right[x]!]! * f;
      const lower = density[bottom + left[x]!]! * (1 - f) + density[bottom + right[x]!]! * f;
      heatColour(upper * (1 - down) + lower * down, out, (y * width + x) * 4);
    }
  }
  return out;
}

/** The ramp as a CSS gradient, left cold to right hot, for the legend. */
export function heatLegendGradient(): string {
  const scratch = new Uint8ClampedArray(4);
  const stops = HEAT_STOPS.map((s) => {
    // The stop's own colour, at the opacity its density is drawn with (the floor's at 0).
    heatColour(Math.max(s.at, HEAT_FLOOR + 1e-6), scratch, 0);
    return `rgba(${s.rgb.join(', ')}, ${(scratch[3]! / 255).toFixed(2)}) ${Math.round(s.at * 100)}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** A heatmap ready to draw or send: RGBA pixels of an equirectangular image, row 0 at the top. */
export interface HeatmapImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
}
