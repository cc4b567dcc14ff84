import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SceneBrief, Setting } from '../../../../src/generate/pipeline';
import { paintDawnSquare } from '../../../../src/generate/films/glass-sky/settings/dawn-square';
import { paintDomeEdge } from '../../../../src/generate/films/glass-sky/settings/dome-edge';
import { paintMendedDome } from '../../../../src/generate/films/glass-sky/settings/mended-dome';
import { paintShatteredSky } from '../../../../src/generate/films/glass-sky/settings/shattered-sky';
import { paintWorkshop } from '../../../../src/generate/films/glass-sky/settings/workshop';
import type { Panorama } from '../../../../src/generate/paint';
import { angleBetween, equirectYawPitch } from '../../../../src/story';

const W = 256;
const H = 128;

const L = (tone: 'warm' | 'cool', coolShare: number, yaw: number, pitch: number, intensity: number, haze: number, motionBlur = 0) => ({
  tone,
  coolShare,
  key: { yaw, pitch },
  intensity,
  haze,
  motionBlur,
});

/** The five scenes as the art contract scripts them. */
const CASES: ReadonlyArray<[string, Setting, SceneBrief]> = [
  ['workshop', paintWorkshop, { scene: 'workshop', seed: 11, setting: 'workshop', lighting: L('warm', 0.25, -45, 0, 0.55, 0.35), emotion: 'hope', elements: [{ motif: 'furnace', yaw: -45, pitch: 0, radius: 11 }] }],
  ['dome-edge', paintDomeEdge, { scene: 'rooftop', seed: 12, setting: 'dome-edge', lighting: L('cool', 0.5, 0, 40, 0.5, 0.4), emotion: 'wonder', elements: [] }],
  ['shattered-sky', paintShatteredSky, { scene: 'shatter', seed: 13, setting: 'shattered-sky', lighting: L('warm', 0.1, 0, 20, 0.8, 0.3, 0.5), emotion: 'elation', elements: [] }],
  ['mended-dome', paintMendedDome, { scene: 'mend', seed: 14, setting: 'mended-dome', lighting: L('cool', 0.85, 0, 60, 0.3, 0.2), emotion: 'calm', elements: [] }],
  ['dawn-square', paintDawnSquare, { scene: 'open-eyes', seed: 15, setting: 'dawn-square', lighting: L('warm', 0.35, 0, 15, 0.7, 0.35), emotion: 'hope', elements: [] }],
];

const sha = (p: Panorama) => createHash('sha256').update(p.data).digest('hex');
const lum = (d: Uint8ClampedArray, i: number) => 0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!;

/** Mean luminance of the pixels within `radius` degrees of a direction. */
function capLuminance(p: Panorama, yaw: number, pitch: number, radius: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const d = equirectYawPitch(x + 0.5, y + 0.5, p.width, p.height);
      if (angleBetween(d, { yaw, pitch }) > radius) continue;
      sum += lum(p.data, (y * p.width + x) * 4);
      n++;
    }
  }
  return sum / n;
}

function meanWarmth(p: Panorama): number {
  let s = 0;
  for (let i = 0; i < p.data.length; i += 4) s += p.data[i]! - p.data[i + 2]!;
  return s / (p.data.length / 4);
}

describe('film settings: workshop, dome-edge and the three endings', () => {
  const painted = new Map<string, Panorama>();
  for (const [name, setting, brief] of CASES) {
    describe(name, () => {
      const pano = () => {
        let p = painted.get(name);
        if (!p) painted.set(name, (p = setting(brief, W, H)));
        return p;
      };
      it('paints the same bytes twice, and other bytes for another seed', () => {
        const a = pano();
        expect(a.width).toBe(W);
        expect(a.height).toBe(H);
        expect(sha(setting(brief, W, H))).toBe(sha(a));
        expect(sha(setting({ ...brief, seed: brief.seed + 1 }, W, H))).not.toBe(sha(a));
      });
      it('is brightest towards the key light', () => {
        const { yaw, pitch } = brief.lighting.key;
        const key = capLuminance(pano(), yaw, pitch, 20);
        const anti = capLuminance(pano(), yaw > 0 ? yaw - 180 : yaw + 180, -pitch, 20);
        expect(key).toBeGreaterThan(anti * 1.2);
      });
      it('shows something in (almost) every direction', () => {
        const p = pano();
        let dark = 0;
        for (let i = 0; i < p.data.length; i += 4) if (lum(p.data, i) < 8) dark++;
        expect(dark / (p.width * p.height)).toBeLessThan(0.03);
      });
    });
  }
  it('the shattered sky is warmer than the mended dome', () => {
    const shatter = painted.get('shattered-sky') ?? paintShatteredSky(CASES[2]![2], W, H);
    const mend = painted.get('mended-dome') ?? paintMendedDome(CASES[3]![2], W, H);
    expect(meanWarmth(shatter)).toBeGreaterThan(meanWarmth(mend) + 30);
  });
});
