import { describe, expect, it } from 'vitest';
import { GAZE_COLS, GAZE_ROWS, gazeBin, gazeDensity, gazeGrid } from '../../src/records';

describe('gaze heatmap bins, laid out like an equirectangular panorama', () => {
  it('puts yaw -180 (the seam, as the story wraps it) at the left edge and 180 on the same seam, pitch +90 on the top row', () => {
    expect(gazeBin(-180, 0)).toEqual({ col: 0, row: 18 });
    expect(gazeBin(180, 0)).toEqual({ col: 0, row: 18 });
    expect(gazeBin(179.9, 0)).toEqual({ col: GAZE_COLS - 1, row: 18 });
    expect(gazeBin(0, 0)).toEqual({ col: 36, row: 18 });
    expect(gazeBin(0, 90)).toEqual({ col: 36, row: 0 });
    expect(gazeBin(0, -90)).toEqual({ col: 36, row: GAZE_ROWS - 1 });
    expect(gazeBin(540, 0)).toEqual(gazeBin(180, 0));
    expect(gazeBin(-540, 0)).toEqual({ col: 0, row: 18 });
    expect(gazeBin(-175, 0)).toEqual({ col: 1, row: 18 });
  });

  it('counts samples into their bins', () => {
    const grid = gazeGrid([
      [0, 42, 12],
      [250, 43, 13],
      [500, -100, -20],
    ]);
    expect(grid.total).toBe(3);
    const { col, row } = gazeBin(42, 12);
    expect(grid.counts[row * GAZE_COLS + col]).toBe(2);
  });

  it('spreads a hot spot on the seam to both edges of the picture', () => {
    const density = gazeDensity(gazeGrid(Array.from({ length: 50 }, (_, i) => [i, i % 2 ? 179 : -179, 0] as [number, number, number])));
    const row = 18;
    expect(density[row * GAZE_COLS]).toBeGreaterThan(0.9);
    expect(density[row * GAZE_COLS + GAZE_COLS - 1]).toBeGreaterThan(0.9);
    expect(density[row * GAZE_COLS + 36]).toBe(0);
  });

  it('spreads a hot spot near the pole over the whole top row, as on the sphere', () => {
    const density = gazeDensity(gazeGrid(Array.from({ length: 20 }, (_, i) => [i, 0, 89] as [number, number, number])));
    const top = Array.from({ length: GAZE_COLS }, (_, c) => density[c]!);
    expect(Math.min(...top)).toBeGreaterThan(0.5);
    expect(density[10 * GAZE_COLS + 36]).toBe(0);
  });
});
