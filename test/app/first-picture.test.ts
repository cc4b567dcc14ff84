import { describe, expect, it } from 'vitest';
import { openingPanorama } from '../../src/app/first-picture';

const story = (scenes: unknown, start: unknown = 'hall') => JSON.stringify({ start, scenes });

describe("the first picture's guess from the raw story", () => {
  it("reads the opening scene's panorama and its sources", () => {
    const media = { type: 'panorama', src: 'assets/hall-2048.jpg', sources: [{ src: 'assets/hall-4096.webp', width: 4096, type: 'image/webp' }, { src: 'assets/hall.avif' }] };
    expect(openingPanorama(story({ hall: { media } }), null)).toEqual({
      src: 'assets/hall-2048.jpg',
      sources: [
        { src: 'assets/hall-4096.webp', width: 4096, type: 'image/webp' },
        { src: 'assets/hall.avif', width: undefined, type: undefined },
      ],
    });
  });

  it('opens on the scene ?scene= names (an author preview)', () => {
    const scenes = { hall: { media: { type: 'panorama', src: 'a.jpg' } }, roof: { media: { type: 'panorama', src: 'b.jpg' } } };
    expect(openingPanorama(story(scenes), 'roof')?.src).toBe('b.jpg');
  });

  it('guesses nothing from a story it cannot read that far, or from a scene that shows no panorama', () => {
    expect(openingPanorama('{ not json', null)).toBeNull();
    expect(openingPanorama('[]', null)).toBeNull();
    expect(openingPanorama(story({ hall: { media: { type: 'video', src: 'v.mp4' } } }), null)).toBeNull();
    expect(openingPanorama(story({ hall: { media: { type: 'panorama', src: 7 } } }), null)).toBeNull();
    expect(openingPanorama(story({ hall: {} }), null)).toBeNull();
    expect(openingPanorama(story({}, 'hall'), null)).toBeNull();
    expect(openingPanorama(story({ hall: { media: { type: 'panorama', src: 'a.jpg' } } }, 42), null)).toBeNull();
    // Names inherited by every object are not scenes.
    expect(openingPanorama(story({}, 'constructor'), null)).toBeNull();
    expect(openingPanorama(story({ hall: { media: { type: 'panorama', src: 'a.jpg' } } }), '__proto__')).toBeNull();
  });

  it('skips sources without a path', () => {
    const media = { type: 'panorama', src: 'a.jpg', sources: [{ width: 4096 }, null, 'b.jpg', { src: 'c.webp', width: '4096' }] };
    expect(openingPanorama(story({ hall: { media } }), null)?.sources).toEqual([{ src: 'c.webp', width: undefined, type: undefined }]);
  });
});
