import { describe, expect, it } from 'vitest';
import type { Element, Emotion, Lighting, SceneBrief, Setting } from '../../../../src/generate/pipeline';
import { paintAlley } from '../../../../src/generate/films/glass-sky/settings/alley';
import { paintArchive } from '../../../../src/generate/films/glass-sky/settings/archive';
import { paintCistern } from '../../../../src/generate/films/glass-sky/settings/cistern';
import { paintSquare } from '../../../../src/generate/films/glass-sky/settings/square';
import { paintStreet } from '../../../../src/generate/films/glass-sky/settings/street';
import type { Panorama } from '../../../../src/generate/paint';
import { angleBetween, equirectYawPitch, wrapYaw } from '../../../../src/story';

const W = 256;
const H = 128;
const L = (tone: 'warm' | 'cool', coolShare: number, yaw: number, pitch: number, intensity: number, haze: number, motionBlur = 0): Lighting => ({
  tone, coolShare, key: { yaw, pitch }, intensity, haze, motionBlur,
});
const E = (motif: string, yaw: number, pitch: number, radius: number): Element => ({ motif, yaw, pitch, radius });
const brief = (scene: string, setting: string, lighting: Lighting, emotion: Emotion, elements: Element[]): SceneBrief => ({ scene, setting, seed: 7, lighting, emotion, elements });

const CASES: Array<[string, Setting, SceneBrief]> = [
  ['street', paintStreet, brief('lamplight', 'street', L('warm', 0.3, -20, 10, 0.45, 0.25), 'calm', [E('street-lamp-dark', -35, 8, 9), E('poster-eyes-down', 60, 2, 9), E('light-crack', 15, 55, 10)])],
  ['alley', paintAlley, brief('alley', 'alley', L('cool', 0.6, 0, 60, 0.4, 0.15), 'wonder', [E('glass-shard', -10, -35, 10), E('eye-graffiti', 80, 5, 10)])],
  ['square', paintSquare, brief('square', 'square', L('cool', 0.75, 95, 25, 0.35, 0.3, 0.3), 'suspense', [E('fountain-reflection', 0, -20, 12), E('warden-tower', 95, 20, 9), E('child-looking-up', -70, 0, 8)])],
  ['cistern', paintCistern, brief('cistern', 'cistern', L('cool', 0.85, 40, 10, 0.25, 0.5), 'dread', [E('pipe-inflow', 40, 10, 10), E('tally-marks', -60, 0, 9)])],
  ['archive', paintArchive, brief('archive', 'archive', L('warm', 0.4, -90, -5, 0.4, 0.2), 'melancholy', [E('star-chart', 0, 25, 12), E('ledger', -90, -15, 9)])],
];

function lum(p: Panorama, i: number): number {
  return 0.2126 * p.data[i]! + 0.7152 * p.data[i + 1]! + 0.0722 * p.data[i + 2]!;
}

function capLuminance(p: Panorama, yaw: number, pitch: number, radius: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const d = equirectYawPitch(x + 0.5, y + 0.5, p.width, p.height);
      if (angleBetween(d, { yaw, pitch }) > radius) continue;
      sum += lum(p, (y * p.width + x) * 4);
      n++;
    }
  }
  return sum / Math.max(1, n);
}

describe.each(CASES)('film setting %s', (_name, paintSetting, b) => {
  const first = paintSetting(b, W, H);

  it('paints the requested size, identically every time', () => {
    expect(first.width).toBe(W);
    expect(first.height).toBe(H);
    expect(Buffer.from(paintSetting(b, W, H).data).equals(Buffer.from(first.data))).toBe(true);
  });

  it('changes with the seed', () => {
    const other = paintSetting({ ...b, seed: b.seed + 1 }, W, H);
    expect(Buffer.from(other.data).equals(Buffer.from(first.data))).toBe(false);
  });

  it('is brightest towards the key light', () => {
    const { yaw, pitch } = b.lighting.key;
    const key = capLuminance(first, yaw, pitch, 6);
    const anti = capLuminance(first, wrapYaw(yaw + 180), -pitch, 6);
    expect(key).toBeGreaterThan(anti * 1.2);
  });

  it('leaves no large black voids', () => {
    let dark = 0;
    for (let i = 0; i < first.data.length; i += 4) if (lum(first, i) < 8) dark++;
    expect(dark / (W * H)).toBeLessThan(0.03);
  });
});
