import { useEffect, useState } from 'react';
import type { PreviewHeatmap } from '../stage';

/** The message the studio posts to the player in its preview frame (same origin only). */
export const PREVIEW_HEATMAP_MESSAGE = 'sightline.preview.heatmap';

/**
 * `{ type: 'sightline.preview.heatmap', scene, heatmap }`: draw `heatmap` over `scene` whenever it
 * plays, or with `heatmap: null` stop; `scene: null` with `heatmap: null` clears every scene.
 */
export interface PreviewHeatmapMessage {
  readonly type: typeof PREVIEW_HEATMAP_MESSAGE;
  readonly scene: string | null;
  readonly heatmap: PreviewHeatmap | null;
}

/** Posted to the parent frame once the player listens, so the studio (re)sends its heatmaps then. */
export const PREVIEW_READY_MESSAGE = 'sightline.preview.ready';

/** Largest heatmap taken: a texture every device can hold, and no more bytes than it needs. */
const MAX_WIDTH = 4096;

/** A posted message as a heatmap message, or null for anything else (other messages, wrong shapes). */
export function readHeatmapMessage(data: unknown): PreviewHeatmapMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, scene, heatmap } = data as Record<string, unknown>;
  if (type !== PREVIEW_HEATMAP_MESSAGE) return null;
  if (scene !== null && typeof scene !== 'string') return null;
  if (heatmap === null) return { type, scene, heatmap: null };
  if (scene === null || typeof heatmap !== 'object' || heatmap === undefined) return null;
  const { width, height, pixels } = heatmap as Record<string, unknown>;
  if (!Number.isInteger(width) || !Number.isInteger(height)) return null;
  const w = width as number;
  const h = height as number;
  if (w < 1 || h < 1 || w > MAX_WIDTH || h > MAX_WIDTH) return null;
  if (!(pixels instanceof Uint8ClampedArray) || !(pixels.buffer instanceof ArrayBuffer) || pixels.length !== w * h * 4) return null;
  return { type, scene, heatmap: { width: w, height: h, pixels: pixels as Uint8ClampedArray<ArrayBuffer> } };
}

/**
 * Heatmaps by scene, posted by the studio that shows this player in its preview. Listened for only
 * in author previews (`?scene=`, `?var.`, `?hotspots=1`), and only from the player's own origin.
 */
export function usePreviewHeatmaps(enabled: boolean): ReadonlyMap<string, PreviewHeatmap> {
  const [heatmaps, setHeatmaps] = useState<ReadonlyMap<string, PreviewHeatmap>>(() => new Map());
  useEffect(() => {
    if (!enabled) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return;
      const message = readHeatmapMessage(event.data);
      if (!message) return;
      setHeatmaps((before) => {
        if (message.scene === null) return new Map();
        const next = new Map(before);
        if (message.heatmap) next.set(message.scene, message.heatmap);
        else next.delete(message.scene);
        return next;
      });
    };
    window.addEventListener('message', onMessage);
    if (window.parent !== window) window.parent.postMessage({ type: PREVIEW_READY_MESSAGE }, window.location.origin);
    return () => window.removeEventListener('message', onMessage);
  }, [enabled]);
  return heatmaps;
}
