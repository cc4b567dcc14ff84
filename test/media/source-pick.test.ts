import { describe, expect, it } from 'vitest';
import { type SourceSupport, pickSource, sourceFits } from '../../src/media/source-pick';

const everything: SourceSupport = { ktx2: true, avif: true, maxWidth: 8192, canPlay: () => true };
const panorama = {
  src: 'assets/hall.jpg',
  sources: [
    { src: 'assets/hall-16k.ktx2', width: 16384 },
    { src: 'assets/hall-8k.ktx2', width: 8192 },
    { src: 'assets/hall-8k.avif', width: 8192, type: 'image/avif' },
    { src: 'assets/hall-4k.webp', width: 4096 },
  ],
};

describe('pickSource', () => {
  it('takes the first source the device supports, in the order listed', () => {
    expect(pickSource(panorama, everything)).toBe('assets/hall-8k.ktx2');
  });

  it('skips sources wider than the device holds', () => {
    expect(pickSource(panorama, { ...everything, maxWidth: 4096 })).toBe('assets/hall-4k.webp');
    expect(pickSource(panorama, { ...everything, maxWidth: 2048 })).toBe('assets/hall.jpg');
  });

  it('skips KTX2 without a compressed GPU format and AVIF the browser cannot decode', () => {
    expect(pickSource(panorama, { ...everything, ktx2: false })).toBe('assets/hall-8k.avif');
    expect(pickSource(panorama, { ...everything, ktx2: false, avif: false })).toBe('assets/hall-4k.webp');
  });

  it('waits for the AVIF probe only when the pick reaches an AVIF source the device could take', () => {
    const probing = { ...everything, avif: null };
    // A KTX2 source ahead of it decides without the probe.
    expect(pickSource(panorama, probing)).toBe('assets/hall-8k.ktx2');
    // Without KTX2 the AVIF source is next: undecided until the probe answers.
    expect(pickSource(panorama, { ...probing, ktx2: false })).toBeNull();
    // Too wide for the device, the AVIF source is passed over whatever the probe says.
    expect(pickSource(panorama, { ...probing, ktx2: false, maxWidth: 4096 })).toBe('assets/hall-4k.webp');
    // An entry with no AVIF source never waits.
    expect(pickSource({ src: 'assets/a.jpg', sources: [{ src: 'assets/a.webp' }] }, probing)).toBe('assets/a.webp');
    // Known by its declared type, whatever the file is called.
    expect(pickSource({ src: 'assets/a.jpg', sources: [{ src: 'assets/a.img', type: 'image/avif' }] }, probing)).toBeNull();
  });

  it('skips a source whose declared type the browser cannot play (videos alike)', () => {
    const video = {
      src: 'assets/orbit.mp4',
      sources: [
        { src: 'assets/orbit-av1.webm', type: 'video/webm; codecs="av01.0.05M.08"' },
        { src: 'assets/orbit-vp9.webm', type: 'video/webm; codecs="vp9"' },
      ],
    };
    const vp9Only = { ...everything, canPlay: (type: string) => type.includes('vp9') };
    expect(pickSource(video, vp9Only)).toBe('assets/orbit-vp9.webm');
    expect(pickSource(video, { ...everything, canPlay: () => false })).toBe('assets/orbit.mp4');
  });

  it('passes over a source that failed to load, down to src', () => {
    const video = {
      src: 'assets/orbit.mp4',
      sources: [
        { src: 'assets/orbit-av1.webm', type: 'video/webm; codecs="av01.0.05M.08"' },
        { src: 'assets/orbit-vp9.webm', type: 'video/webm; codecs="vp9"' },
      ],
    };
    expect(pickSource(video, everything, (src) => src === 'assets/orbit-av1.webm')).toBe('assets/orbit-vp9.webm');
    expect(pickSource(video, everything, (src) => src !== 'assets/orbit.mp4')).toBe('assets/orbit.mp4');
    // src is the last resort: returned even when it failed, so the entry's own failure shows.
    expect(pickSource(video, everything, () => true)).toBe('assets/orbit.mp4');
  });

  it('falls back to src when there are no sources', () => {
    expect(pickSource({ src: 'assets/a.png' }, everything)).toBe('assets/a.png');
    expect(pickSource({ src: 'assets/a.png', sources: [] }, { ...everything, maxWidth: 1 })).toBe('assets/a.png');
  });

  it('judges a source without width or type by its format alone', () => {
    expect(sourceFits({ src: 'x.webp' }, { ...everything, maxWidth: 1, canPlay: () => false })).toBe(true);
    expect(sourceFits({ src: 'x.KTX2' }, { ...everything, ktx2: false })).toBe(false);
  });
});
