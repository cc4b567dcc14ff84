import { useEffect, useMemo, useRef, useState } from 'react';
import { GAZE_SAMPLES_PER_SECOND, type GazeGrid } from '../../records';
import { heatmapImage } from './heatmap-image';
import { heatLegendGradient } from './heatmap-pixels';
import './audience.css';

export interface GazeHeatmapProps {
  /** The scene's gaze grid (from `onAudience`'s `gaze(scene)`). */
  readonly grid: GazeGrid;
  /** URL of the scene's equirectangular panorama, or null for a scene without one (a plain colour, a splat). */
  readonly image: string | null;
  /** How the panorama holds its eyes: the left eye's part is drawn. @default 'mono' */
  readonly stereo?: 'mono' | 'top-bottom' | 'side-by-side' | undefined;
  /** Degrees the panorama spans: a 180° picture is drawn over the front half (yaw -90° to 90°), the rest left dark. @default 360 */
  readonly span?: 360 | 180 | undefined;
  /** Pixels across the canvas (360°); it is half as tall. @default 1024 */
  readonly width?: number | undefined;
  /** Spread of each gaze bin over the sphere, degrees. @default 6 */
  readonly sigmaDeg?: number | undefined;
  /** Names the picture for screen readers, for example the scene's title. @default 'Gaze heatmap' */
  readonly label?: string | undefined;
}

/**
 * Where viewers looked in a scene: its panorama with the gaze density over it (cold blue to hot
 * red, clear where nobody looked), wrapped across the ±180° seam and spread toward the poles as on
 * the sphere, with a legend and the number of samples it is made of.
 */
export function GazeHeatmap({ grid, image, stereo = 'mono', span = 360, width = 1024, sigmaDeg = 6, label = 'Gaze heatmap' }: GazeHeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const heat = useMemo(() => heatmapImage(grid, { width, sigmaDeg }), [grid, width, sigmaDeg]);
  const [picture, setPicture] = useState<HTMLImageElement | null>(null);
  const [pictureProblem, setPictureProblem] = useState(false);

  useEffect(() => {
    setPicture(null);
    setPictureProblem(false);
    if (image === null) return;
    let live = true;
    const img = new Image();
    img.decoding = 'async';
    img.onload = () => live && setPicture(img);
    img.onerror = () => live && setPictureProblem(true);
    img.src = image;
    return () => {
      live = false;
      img.onload = img.onerror = null;
    };
  }, [image]);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const { width: w, height: h } = heat;
    context.clearRect(0, 0, w, h);
    if (picture) {
      const sw = stereo === 'side-by-side' ? picture.naturalWidth / 2 : picture.naturalWidth;
      const sh = stereo === 'top-bottom' ? picture.naturalHeight / 2 : picture.naturalHeight;
      // The heatmap always spans 360°: a 180° picture covers its middle half, where it is in the scene.
      if (span === 180) context.drawImage(picture, 0, 0, sw, sh, w / 4, 0, w / 2, h);
      else context.drawImage(picture, 0, 0, sw, sh, 0, 0, w, h);
    }
    // putImageData replaces pixels; the overlay is blended on from a canvas of its own.
    const overlay = document.createElement('canvas');
    overlay.width = w;
    overlay.height = h;
    overlay.getContext('2d')?.putImageData(new ImageData(heat.pixels, w, h), 0, 0);
    context.drawImage(overlay, 0, 0);
  }, [heat, picture, stereo, span]);

  const seconds = grid.total / GAZE_SAMPLES_PER_SECOND;
  return (
    <figure className="gaze-heatmap" data-samples={grid.total}>
      <canvas ref={canvas} width={heat.width} height={heat.height} role="img" aria-label={`${label}: ${grid.total} gaze samples`} />
      <figcaption className="gaze-heatmap-legend">
        <span>looked at least</span>
        <span className="gaze-heatmap-ramp" style={{ background: heatLegendGradient() }} />
        <span>most</span>
        <span style={{ gridColumn: '1 / -1' }}>
          {grid.total === 0
            ? 'No gaze samples for this scene.'
            : `${grid.total.toLocaleString('en')} gaze samples (about ${Math.round(seconds).toLocaleString('en')} s of looking). Left edge and right edge are both behind (yaw ±180°), the centre is ahead.`}
          {span === 180 && grid.total > 0 && ' The picture spans the front 180°; looks beyond its edges fall on the background.'}
          {pictureProblem && ` The panorama ${image} could not be loaded.`}
        </span>
      </figcaption>
    </figure>
  );
}
