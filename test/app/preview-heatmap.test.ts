import { describe, expect, it } from 'vitest';
import { PREVIEW_HEATMAP_MESSAGE, readHeatmapMessage } from '../../src/app/preview-heatmap';

const pixels = (w: number, h: number) => new Uint8ClampedArray(w * h * 4);

describe('the studio preview’s heatmap message', () => {
  it('takes a heatmap for a scene, a scene’s removal, and a clearing of all', () => {
    const heatmap = { width: 8, height: 4, pixels: pixels(8, 4) };
    expect(readHeatmapMessage({ type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap })).toEqual({ type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap });
    expect(readHeatmapMessage({ type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap: null })).toEqual({ type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap: null });
    expect(readHeatmapMessage({ type: PREVIEW_HEATMAP_MESSAGE, scene: null, heatmap: null })).toEqual({ type: PREVIEW_HEATMAP_MESSAGE, scene: null, heatmap: null });
  });

  it('ignores other messages and heatmaps of the wrong shape', () => {
    for (const data of [
      null,
      'sightline.preview.heatmap',
      { type: 'other', scene: 'hall', heatmap: null },
      { type: PREVIEW_HEATMAP_MESSAGE, scene: 3, heatmap: null },
      { type: PREVIEW_HEATMAP_MESSAGE, scene: null, heatmap: { width: 8, height: 4, pixels: pixels(8, 4) } },
      { type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap: { width: 8, height: 4, pixels: pixels(8, 3) } },
      { type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap: { width: 8, height: 4, pixels: new Uint8Array(128) } },
      { type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap: { width: 8.5, height: 4, pixels: pixels(8, 4) } },
      { type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap: { width: 8192, height: 1, pixels: pixels(8192, 1) } },
      { type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall' },
    ])
      expect(readHeatmapMessage(data), JSON.stringify(data)).toBeNull();
  });
});

describe('the studio and the player agree on the messages', () => {
  it('uses the same names on both sides, and the studio sends what the player reads', async () => {
    const studio = await import('../../src/studio/audience');
    const player = await import('../../src/app/preview-heatmap');
    expect(studio.PREVIEW_HEATMAP_MESSAGE).toBe(player.PREVIEW_HEATMAP_MESSAGE);
    expect(studio.PREVIEW_READY_MESSAGE).toBe(player.PREVIEW_READY_MESSAGE);
    const sent: unknown[] = [];
    const frame = { postMessage: (data: unknown, origin: string) => sent.push([data, origin]) } as unknown as Window;
    const heatmap = { width: 8, height: 4, pixels: pixels(8, 4) };
    studio.postPreviewHeatmap(frame, 'hall', heatmap, 'http://studio.local');
    studio.postPreviewHeatmap(frame, null, null, 'http://studio.local');
    expect(sent.map((s) => (s as [unknown, string])[1])).toEqual(['http://studio.local', 'http://studio.local']);
    expect(sent.map((s) => readHeatmapMessage((s as [unknown])[0]))).toEqual([
      { type: PREVIEW_HEATMAP_MESSAGE, scene: 'hall', heatmap },
      { type: PREVIEW_HEATMAP_MESSAGE, scene: null, heatmap: null },
    ]);
    expect(() => studio.postPreviewHeatmap(frame, null, heatmap, 'http://studio.local')).toThrow(/one scene/);
  });
});
