import { describe, expect, it } from 'vitest';
import { estimateBytes, governMemory, textureBytes } from '../../src/media/memory-governor';

const MiB = 1024 * 1024;

describe('textureBytes', () => {
  it('counts RGBA at 4 bytes a pixel, and a third more for the mip chain', () => {
    expect(textureBytes(1024, 512, 'rgba8', false)).toBe(2 * MiB);
    // 1024×512 down to 1×1: the sum of a geometric series with ratio 1/4, plus the 1-wide tail.
    const withMips = textureBytes(1024, 512, 'rgba8', true);
    expect(withMips).toBeGreaterThan(2 * MiB * 1.33);
    expect(withMips).toBeLessThan(2 * MiB * 1.34);
    expect(textureBytes(1, 1, 'rgba8', true)).toBe(4);
  });

  it('counts compressed formats in whole 4×4 blocks at every level', () => {
    expect(textureBytes(1024, 512, 'compressed-4bpp', false)).toBe(256 * 128 * 8);
    expect(textureBytes(1024, 512, 'compressed-8bpp', false)).toBe(256 * 128 * 16);
    // A 2×1 level still takes one whole block.
    expect(textureBytes(2, 1, 'compressed-4bpp', false)).toBe(8);
    expect(textureBytes(8, 4, 'compressed-4bpp', true)).toBe(2 * 8 + 8 + 8 + 8);
  });

  it('estimates an undecoded 2:1 panorama from its declared width, or a fallback', () => {
    expect(estimateBytes(2048, 4096)).toBe(textureBytes(2048, 1024, 'rgba8', true));
    expect(estimateBytes(undefined, 4096)).toBe(textureBytes(4096, 2048, 'rgba8', true));
  });
});

describe('governMemory', () => {
  const pic = (url: string, mib: number) => ({ url, bytes: mib * MiB });

  it('keeps the current scene even over budget, then nearer scenes first while they fit', () => {
    expect([...governMemory([pic('now', 300), pic('a', 10)], 256 * MiB)]).toEqual(['now']);
    expect([...governMemory([pic('now', 100), pic('a', 100), pic('b', 100)], 256 * MiB)]).toEqual(['now', 'a']);
  });

  it('stops at the first scene that does not fit, so a farther small one never crowds out a nearer one', () => {
    expect([...governMemory([pic('now', 100), pic('big', 200), pic('small', 1)], 256 * MiB)]).toEqual(['now']);
  });

  it('always keeps the required entries (a picture and its poster) and counts repeated URLs once', () => {
    expect([...governMemory([pic('now', 200), pic('poster', 100), pic('a', 1)], 256 * MiB, 2)]).toEqual(['now', 'poster']);
    expect([...governMemory([pic('now', 100), pic('a', 100), pic('a', 100), pic('b', 50)], 256 * MiB)]).toEqual(['now', 'a', 'b']);
  });

  it('keeps nothing when nothing is wanted', () => {
    expect(governMemory([], 256 * MiB, 0).size).toBe(0);
  });
});
