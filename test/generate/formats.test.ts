import { describe, expect, it } from 'vitest';
import { MARKS, paintFormatsPanorama } from '../../src/generate/formats';
import { equirectPixel } from '../../src/story';

describe('the image-format test panorama', () => {
  it('is flat in its mark colour around each known direction', () => {
    const pano = paintFormatsPanorama(256, 128);
    for (const mark of MARKS)
      for (const [dy, dp] of [[0, 0], [20, 0], [-20, 0], [0, 20 * Math.sign(-mark.pitch || 1)]]) {
        const { x, y } = equirectPixel(mark.yaw + (Math.abs(mark.pitch) === 90 ? 0 : dy!), mark.pitch + dp!, 256, 128);
        const i = (Math.min(127, Math.floor(y)) * 256 + (Math.floor(x) % 256)) * 4;
        expect([...pano.data.subarray(i, i + 3)], `${mark.name} ${dy},${dp}`).toEqual([...mark.colour]);
      }
  });

  it('gives the six directions six clearly different colours', () => {
    for (const a of MARKS)
      for (const b of MARKS) if (a !== b) expect(Math.max(...a.colour.map((v, k) => Math.abs(v - b.colour[k]!)))).toBeGreaterThan(60);
  });
});
