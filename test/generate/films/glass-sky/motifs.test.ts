import { describe, expect, it } from 'vitest';
import type { Element, SceneBrief } from '../../../../src/generate/pipeline';
import { MOTIFS } from '../../../../src/generate/films/glass-sky/motifs';
import { paintElements } from '../../../../src/generate/pipeline/panorama-assets';
import { type Panorama, createPanorama } from '../../../../src/generate/paint';
import { angleBetween, equirectYawPitch } from '../../../../src/story';

const W = 256;
const H = 128;
const GREY = 128;

/** Where the contract places each motif, and its scene's tone and key light. */
const PLACES: Record<string, { yaw: number; pitch: number; radius: number; tone: 'warm' | 'cool'; key: [number, number] }> = {
  'street-lamp-dark': { yaw: -35, pitch: 8, radius: 9, tone: 'warm', key: [-20, 10] },
  'poster-eyes-down': { yaw: 60, pitch: 2, radius: 9, tone: 'warm', key: [-20, 10] },
  'light-crack': { yaw: 15, pitch: 55, radius: 10, tone: 'warm', key: [-20, 10] },
  'glass-shard': { yaw: -10, pitch: -35, radius: 10, tone: 'cool', key: [0, 60] },
  'eye-graffiti': { yaw: 80, pitch: 5, radius: 10, tone: 'cool', key: [0, 60] },
  'fountain-reflection': { yaw: 0, pitch: -20, radius: 12, tone: 'cool', key: [95, 25] },
  'warden-tower': { yaw: 95, pitch: 20, radius: 9, tone: 'cool', key: [95, 25] },
  'child-looking-up': { yaw: -70, pitch: 0, radius: 8, tone: 'cool', key: [95, 25] },
  'pipe-inflow': { yaw: 40, pitch: 10, radius: 10, tone: 'cool', key: [40, 10] },
  'tally-marks': { yaw: -60, pitch: 0, radius: 9, tone: 'cool', key: [40, 10] },
  'star-chart': { yaw: 0, pitch: 25, radius: 12, tone: 'warm', key: [-90, -5] },
  ledger: { yaw: -90, pitch: -15, radius: 9, tone: 'warm', key: [-90, -5] },
  furnace: { yaw: -45, pitch: 0, radius: 11, tone: 'warm', key: [-45, 0] },
  'dome-seam': { yaw: 0, pitch: 40, radius: 12, tone: 'cool', key: [0, 40] },
  'city-lights': { yaw: 150, pitch: -40, radius: 15, tone: 'cool', key: [0, 40] },
};

function briefFor(motif: string, elements: Element[] = []): SceneBrief {
  const p = PLACES[motif] ?? PLACES.furnace!;
  return {
    scene: 'test-scene',
    seed: 4242,
    setting: 'street',
    emotion: 'calm',
    elements,
    lighting: { tone: p.tone, coolShare: 0.5, key: { yaw: p.key[0], pitch: p.key[1] }, intensity: 0.5, haze: 0.2, motionBlur: 0 },
  };
}

function elementFor(motif: string): Element {
  const p = PLACES[motif]!;
  return { motif, yaw: p.yaw, pitch: p.pitch, radius: p.radius };
}

function paintOne(motif: string): Panorama {
  const pano = createPanorama(W, H, [GREY, GREY, GREY]);
  const el = elementFor(motif);
  MOTIFS[motif]!(pano, el, briefFor(motif));
  return pano;
}

/** Largest channel change per pixel, grouped by angular distance from the element (in radii). */
function changes(pano: Panorama, el: Element): { inside: number[]; far: number[] } {
  const inside: number[] = [];
  const far: number[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const d = angleBetween(equirectYawPitch(x + 0.5, y + 0.5, W, H), el) / el.radius;
      const i = (y * W + x) * 4;
      const delta = Math.max(Math.abs(pano.data[i]! - GREY), Math.abs(pano.data[i + 1]! - GREY), Math.abs(pano.data[i + 2]! - GREY));
      if (d < 0.8) inside.push(delta);
      else if (d > 2.5) far.push(delta);
    }
  }
  return { inside, far };
}

describe('film motifs', () => {
  it('has every motif the contract names', () => {
    expect(Object.keys(MOTIFS).sort()).toEqual(Object.keys(PLACES).sort());
  });

  for (const motif of Object.keys(PLACES)) {
    it(`${motif} paints a subject inside its radius and nothing far away`, () => {
      const el = elementFor(motif);
      const { inside, far } = changes(paintOne(motif), el);
      expect(inside.length).toBeGreaterThan(20);
      const changed = inside.filter((d) => d > 12).length / inside.length;
      const mean = inside.reduce((a, b) => a + b, 0) / inside.length;
      expect(changed).toBeGreaterThan(0.35);
      expect(mean).toBeGreaterThan(15);
      expect(far.every((d) => d === 0)).toBe(true);
    });

    it(`${motif} is deterministic`, () => {
      expect(Buffer.from(paintOne(motif).data).equals(Buffer.from(paintOne(motif).data))).toBe(true);
    });
  }

  it('paints a brief’s elements in order', () => {
    const els = [elementFor('furnace'), elementFor('ledger')];
    const a = createPanorama(W, H, [GREY, GREY, GREY]);
    paintElements(a, briefFor('furnace', els), MOTIFS);
    const b = createPanorama(W, H, [GREY, GREY, GREY]);
    MOTIFS.furnace!(b, els[0]!, briefFor('furnace'));
    MOTIFS.ledger!(b, els[1]!, briefFor('furnace'));
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
  });

  it('rejects an unknown motif, naming the scene and the motifs it has', () => {
    const pano = createPanorama(W, H, [GREY, GREY, GREY]);
    const brief = briefFor('furnace', [{ motif: 'dragon', yaw: 0, pitch: 0, radius: 5 }]);
    expect(() => paintElements(pano, brief, MOTIFS)).toThrow(
      `film generator: scene "test-scene" names motif "dragon", which the generator does not have; use one of: ${Object.keys(MOTIFS).join(', ')}`,
    );
    expect(() => paintElements(pano, { ...brief, elements: [{ motif: 'toString', yaw: 0, pitch: 0, radius: 5 }] }, MOTIFS)).toThrow(/names motif "toString"/);
  });
});
