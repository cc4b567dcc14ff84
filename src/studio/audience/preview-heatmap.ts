import type { HeatmapImage } from './heatmap-pixels';

/**
 * The studio's side of the preview's heatmap messages (the player's side: src/app/preview-heatmap.ts;
 * a test holds the two names equal). The player listens in author previews only, and only to its
 * own origin, so the preview frame must show the player from the studio's origin.
 */
export const PREVIEW_HEATMAP_MESSAGE = 'sightline.preview.heatmap';
/** The player posts this to its parent once it listens: send (again) then. */
export const PREVIEW_READY_MESSAGE = 'sightline.preview.ready';

/**
 * Shows `heatmap` over `scene` in the preview frame whenever that scene plays (null: stop);
 * `scene` null with `heatmap` null clears every scene. The pixels are copied, not transferred, so
 * the studio keeps its own.
 */
export function postPreviewHeatmap(frame: Window, scene: string | null, heatmap: HeatmapImage | null, origin = window.location.origin): void {
  if (scene === null && heatmap !== null) throw new Error('postPreviewHeatmap: a heatmap belongs to one scene');
  frame.postMessage({ type: PREVIEW_HEATMAP_MESSAGE, scene, heatmap }, origin);
}

/** Whether a message event is the player in the preview frame saying it listens. */
export const isPreviewReady = (event: MessageEvent, frame: Window | null): boolean =>
  event.source === frame && event.origin === window.location.origin && (event.data as { type?: unknown } | null)?.type === PREVIEW_READY_MESSAGE;
