import { type GazeGrid, gazeDensity } from '../../records';
import { type HeatmapImage, heatmapPixels } from './heatmap-pixels';

export interface HeatmapImageOptions {
  /** Pixels across 360°; the image is half as tall. @default 1024 */
  readonly width?: number;
  /** Spread of each bin over the sphere, degrees. @default 6 */
  readonly sigmaDeg?: number;
}

/** A scene's gaze grid as an equirectangular heatmap image: for the studio's canvas and the preview's sphere. */
export function heatmapImage(grid: GazeGrid, { width = 1024, sigmaDeg = 6 }: HeatmapImageOptions = {}): HeatmapImage {
  const height = Math.max(1, Math.round(width / 2));
  return { width, height, pixels: heatmapPixels(gazeDensity(grid, sigmaDeg), grid.cols, grid.rows, width, height) };
}
