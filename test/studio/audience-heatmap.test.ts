import { describe, expect, it } from 'vitest';
import { GAZE_COLS, GAZE_ROWS, type GazeSample, gazeDensity, gazeGrid } from '../../src/records';
import { HEAT_STOPS, heatColour, heatLegendGradient, heatmapImage, heatmapPixels } from '../../src/studio/audience';

const W = 720;
const H = 360;
const alphaAt = (pixels: Uint8ClampedArray, x: number, y: number) => pixels[(y * W + x) * 4 + 3]!;

/** The pixel with the most opacity (opacity rises strictly with density): the hottest. */
function hottest(pixels: Uint8ClampedArray): { x: number; y: number; alpha: number } {
  let best = { x: -1, y: -1, alpha: -1 };
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (alphaAt(pixels, x, y) > best.alpha) best = { x, y, alpha: alphaAt(pixels, x, y) };
  return best;
}

/** Where a yaw and pitch fall on an equirectangular image W × H: yaw -180 at the left edge, pitch +90 at the top. */
const pixelOf = (yaw: number, pitch: number) => ({ x: ((yaw + 180) / 360) * W, y: ((90 - pitch) / 180) * H });

const samplesAt = (yaw: number, pitch: number, n = 40): GazeSample[] => Array.from({ length: n }, (_, i) => [i * 250, yaw, pitch]);
const pixelsOf = (samples: GazeSample[]) => heatmapPixels(gazeDensity(gazeGrid(samples)), GAZE_COLS, GAZE_ROWS, W, H);

describe('heatmap pixels over an equirectangular panorama', () => {
  it('puts the hottest pixel where viewers looked', () => {
    for (const [yaw, pitch] of [
      [42.5, 12.5],
      [-97.5, -32.5],
      [2.5, 2.5],
    ] as const) {
      const hot = hottest(pixelsOf(samplesAt(yaw, pitch)));
      const expected = pixelOf(yaw, pitch);
      // Within a pixel of the bin centre the samples fall in (these directions are bin centres).
      expect(Math.abs(hot.x + 0.5 - expected.x), `yaw ${yaw}`).toBeLessThanOrEqual(1);
      expect(Math.abs(hot.y + 0.5 - expected.y), `pitch ${pitch}`).toBeLessThanOrEqual(1);
    }
  });

  it('wraps a hot spot at yaw 179° to both edges of the picture, and nowhere in between', () => {
    const pixels = pixelsOf(samplesAt(179, 0));
    const hot = hottest(pixels);
    const y = Math.floor(pixelOf(179, 0).y);
    // The hottest pixel lies within a bin (5°) of yaw 179, on the right.
    expect(Math.abs(hot.x - pixelOf(179, 0).x)).toBeLessThanOrEqual(W / GAZE_COLS);
    expect(Math.abs(hot.y - y)).toBeLessThanOrEqual(H / GAZE_ROWS);
    // Both edge columns are hot: the left edge is yaw -180, one degree past the spot across the seam.
    expect(alphaAt(pixels, W - 1, y)).toBeGreaterThan(0.8 * hot.alpha);
    expect(alphaAt(pixels, 0, y)).toBeGreaterThan(0.8 * hot.alpha);
    // Ahead, and a quarter turn away, nothing.
    expect(alphaAt(pixels, W / 2, y)).toBe(0);
    expect(alphaAt(pixels, W / 4, y)).toBe(0);
  });

  it('interpolates across the seam, not up to it: a single hot bin in the last column warms the first pixels', () => {
    const density = new Float32Array(GAZE_COLS * GAZE_ROWS);
    density[18 * GAZE_COLS + GAZE_COLS - 1] = 1;
    const pixels = heatmapPixels(density, GAZE_COLS, GAZE_ROWS, W, H);
    const y = Math.floor(18.5 * (H / GAZE_ROWS));
    expect(alphaAt(pixels, 0, y)).toBeGreaterThan(0);
    expect(alphaAt(pixels, W - 1, y)).toBeGreaterThan(alphaAt(pixels, 0, y));
    // The left edge is as far from the bin's centre as the pixel the same distance inside it on the right.
    const binPixels = W / GAZE_COLS;
    expect(alphaAt(pixels, 0, y)).toBe(alphaAt(pixels, W - 1 - binPixels, y));
    expect(alphaAt(pixels, binPixels, y)).toBe(0);
  });

  it('spreads a hot spot near the pole over the whole top of the picture', () => {
    const pixels = pixelsOf(samplesAt(30, 88));
    const hot = hottest(pixels);
    expect(hot.y).toBeLessThan(H / GAZE_ROWS);
    const top = Array.from({ length: W }, (_, x) => alphaAt(pixels, x, 0));
    expect(Math.min(...top)).toBeGreaterThan(0.5 * hot.alpha);
    // The opposite pole and the horizon are clear.
    expect(alphaAt(pixels, W / 2, H - 1)).toBe(0);
    expect(alphaAt(pixels, W / 2, H / 2)).toBe(0);
  });

  it('leaves the picture clear where nobody looked, and for no samples at all', () => {
    expect(pixelsOf([]).every((v) => v === 0)).toBe(true);
    expect(heatmapImage(gazeGrid([]), { width: 64 })).toMatchObject({ width: 64, height: 32 });
  });

  it('colours density from blue to red with opacity rising strictly', () => {
    const out = new Uint8ClampedArray(4);
    let before = 0;
    for (let t = 0.05; t <= 1.0001; t += 0.05) {
      heatColour(t, out, 0);
      expect(out[3]).toBeGreaterThan(before);
      before = out[3]!;
    }
    heatColour(1, out, 0);
    expect([...out.slice(0, 3)]).toEqual([...HEAT_STOPS.at(-1)!.rgb]);
    heatColour(0.3, out, 0);
    expect(out[2]).toBeGreaterThan(out[0]!);
    heatColour(0, out, 0);
    expect([...out]).toEqual([0, 0, 0, 0]);
    expect(heatLegendGradient()).toMatch(/^linear-gradient\(to right, rgba\(40, 40, 200, [\d.]+\) 0%, .* 100%\)$/);
  });

  it('refuses a density of the wrong size', () => {
    expect(() => heatmapPixels(new Float32Array(10), GAZE_COLS, GAZE_ROWS, W, H)).toThrow(/10 densities for a grid of 72×36/);
  });
});
