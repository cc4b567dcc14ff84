import { DEG, type UnitVector, unitVectorOf, wrapYaw } from '../story';
import type { GazeSample } from './schema';

/** Bins of an equirectangular grid: `cols` across 360° of yaw, `rows` across 180° of pitch. */
export interface GazeGrid {
  readonly cols: number;
  readonly rows: number;
  /** Row-major counts, row 0 at the top (pitch +90), column 0 at yaw -180 (the panorama's left edge). */
  readonly counts: number[];
  /** Samples binned. */
  readonly total: number;
}

/** The studio's default: 5° bins. */
export const GAZE_COLS = 72;
export const GAZE_ROWS = 36;

/**
 * The bin of a gaze direction, in the layout of an equirectangular panorama: column from yaw
 * wrapped as the story wraps it (-180, the seam, at the left edge: column 0; 180 and 540 are the
 * same seam), row from pitch (+90 at the top row, -90 in the bottom row). The station's SQL bins
 * the same way (`gazeBinSql` in src/station/figures.ts).
 */
export function gazeBin(yaw: number, pitch: number, cols = GAZE_COLS, rows = GAZE_ROWS): { col: number; row: number } {
  const u = (wrapYaw(yaw) + 180) / 360;
  const v = (90 - Math.max(-90, Math.min(90, pitch))) / 180;
  return { col: Math.min(cols - 1, Math.floor(u * cols)), row: Math.min(rows - 1, Math.floor(v * rows)) };
}

/** Counts gaze samples into a grid. */
export function gazeGrid(samples: Iterable<GazeSample>, cols = GAZE_COLS, rows = GAZE_ROWS): GazeGrid {
  const counts = new Array<number>(cols * rows).fill(0);
  let total = 0;
  for (const [, yaw, pitch] of samples) {
    const { col, row } = gazeBin(yaw, pitch, cols, rows);
    counts[row * cols + col]!++;
    total++;
  }
  return { cols, rows, counts, total };
}

/**
 * A smoothed density over the grid, for drawing: each bin spreads over its neighbours by great-circle
 * distance (a Gaussian of `sigmaDeg`), so a hot spot wraps across the ±180° seam and spreads over
 * the whole width of a row near the poles, as it does on the sphere. Values are scaled to a peak of 1.
 */
export function gazeDensity(grid: GazeGrid, sigmaDeg = 6): Float32Array {
  const { cols, rows, counts } = grid;
  const centres: UnitVector[] = Array.from({ length: rows * cols }, (_, i) => unitVectorOf(((i % cols) + 0.5) * (360 / cols) - 180, 90 - (Math.floor(i / cols) + 0.5) * (180 / rows)));
  const density = new Float32Array(rows * cols);
  const cosCut = Math.cos(3 * sigmaDeg * DEG);
  const twoSigma2 = 2 * (sigmaDeg * DEG) ** 2;
  for (let s = 0; s < counts.length; s++) {
    const n = counts[s]!;
    if (n === 0) continue;
    const a = centres[s]!;
    for (let t = 0; t < density.length; t++) {
      const b = centres[t]!;
      const cos = a.x * b.x + a.y * b.y + a.z * b.z;
      if (cos < cosCut) continue;
      const angle = Math.acos(Math.min(1, cos));
      density[t]! += n * Math.exp(-(angle * angle) / twoSigma2);
    }
  }
  let peak = 0;
  for (const d of density) peak = Math.max(peak, d);
  if (peak > 0) for (let i = 0; i < density.length; i++) density[i]! /= peak;
  return density;
}
