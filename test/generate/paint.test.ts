import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type Panorama,
  coverage,
  createNoise3,
  createPanorama,
  fbm,
  fromLocal,
  glow,
  localOf,
  mulberry32,
  paint,
  paintSubject,
  painterVector,
  painterYawPitch,
  sdCircle,
  shade,
  stars,
  tangentFrame,
} from '../../src/generate/paint';
import { angleBetween, equirectPixel, unitVectorOf } from '../../src/story';

const W = 512;
const H = 256;

function pixelAt(p: Panorama, yaw: number, pitch: number): number[] {
  const { x, y } = equirectPixel(yaw, pitch, p.width, p.height);
  const i = (Math.min(p.height - 1, Math.floor(y)) * p.width + (Math.floor(x) % p.width)) * 4;
  return Array.from(p.data.subarray(i, i + 4));
}

function sha(p: Panorama): string {
  return createHash('sha256').update(p.data).digest('hex');
}

/** A small scene touching every kind of randomness and geometry the painters use. */
function paintSample(seed: number): Panorama {
  const p = createPanorama(W, H, [10, 20, 30]);
  const noise = createNoise3(seed);
  shade(p, (s) => paint([s.vx * 127 + 128, s.vy * 127 + 128, fbm(noise, s.vx * 4, s.vy * 4, s.vz * 4) * 255], 1));
  stars(p, mulberry32(seed), { count: 200, minPitch: 10 });
  glow(p, { yaw: 40, pitch: 10, radius: 8, colour: [255, 200, 120] });
  return p;
}

describe("the painters' space", () => {
  it('is the film space mirrored front to back: +z toward yaw 0', () => {
    for (const [yaw, pitch] of [[0, 0], [90, 30], [-70, 5], [179.5, -89], [-180, 45], [12, 90]] as const) {
      const u = unitVectorOf(yaw, pitch);
      expect(painterVector(yaw, pitch)).toEqual([u.x, u.y, -u.z]);
    }
    expect(painterVector(0, 0).map((c) => Math.round(c * 1e12) / 1e12 + 0)).toEqual([0, 0, 1]);
    expect(painterVector(90, 0).map((c) => Math.round(c * 1e12) / 1e12 + 0)).toEqual([1, 0, 0]);
  });

  it('round-trips yaw and pitch, the seam behind spelled -180', () => {
    for (const [yaw, pitch] of [[0, 0], [90, 30], [-70, 5], [179.5, -89], [-180, 45], [180, 45], [0, 90], [0, -90]] as const) {
      const back = painterYawPitch(painterVector(yaw, pitch));
      expect(angleBetween(back, { yaw, pitch })).toBeLessThan(1e-9);
      expect(back.yaw).toBeGreaterThanOrEqual(-180);
      expect(back.yaw).toBeLessThan(180);
    }
    expect(painterYawPitch([0, 0, -1])).toEqual({ yaw: -180, pitch: 0 });
  });
});

describe('tangent frames', () => {
  it('centres local (0, 0) on the frame direction and inverts with fromLocal', () => {
    const f = tangentFrame(30, -20);
    const c = localOf(f, 30, -20);
    expect(c?.[0]).toBeCloseTo(0, 9);
    expect(c?.[1]).toBeCloseTo(0, 9);
    const d = fromLocal(f, 5, -3);
    const l = localOf(f, d.yaw, d.pitch);
    expect(l?.[0]).toBeCloseTo(5, 9);
    expect(l?.[1]).toBeCloseTo(-3, 9);
    // Positive u is towards positive yaw, positive v is up.
    expect(fromLocal(f, 2, 0).yaw).toBeGreaterThan(30);
    expect(fromLocal(f, 0, 2).pitch).toBeGreaterThan(-20);
  });
});

describe('paintSubject', () => {
  const cases = [
    { yaw: 90, pitch: 30 },
    { yaw: -70, pitch: 5 },
    { yaw: 30, pitch: -20 },
    { yaw: 178, pitch: 0 },
    { yaw: 0, pitch: 80 },
  ];
  it.each(cases)('paints at yaw $yaw pitch $pitch and not at the antipode', ({ yaw, pitch }) => {
    const p = createPanorama(W, H, [0, 0, 0]);
    paintSubject(p, tangentFrame(yaw, pitch), 6, (u, v, s) => paint([255, 255, 255], coverage(sdCircle(u, v, 5), s.px)));
    expect(pixelAt(p, yaw, pitch)).toEqual([255, 255, 255, 255]);
    expect(pixelAt(p, yaw + 180, -pitch)).toEqual([0, 0, 0, 255]);
    // The disc is round on the sphere: painted 4 degrees away in every direction, not at 7.
    for (const [du, dv] of [[4, 0], [-4, 0], [0, 4], [0, -4]] as const) {
      const near = fromLocal(tangentFrame(yaw, pitch), du, dv);
      expect(pixelAt(p, near.yaw, near.pitch)[0]).toBe(255);
      const far = fromLocal(tangentFrame(yaw, pitch), du * 1.75, dv * 1.75);
      expect(pixelAt(p, far.yaw, far.pitch)[0]).toBe(0);
    }
  });
});

describe('determinism', () => {
  it('produces identical bytes for the same seed', () => {
    expect(sha(paintSample(7))).toBe(sha(paintSample(7)));
  });

  it('produces different bytes for a different seed', () => {
    expect(sha(paintSample(7))).not.toBe(sha(paintSample(8)));
  });

  it('mulberry32 is a pure function of its seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});
