import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANGULAR_RADIUS,
  DEFAULT_METRIC_RADIUS,
  SCREEN_EYE_HEIGHT,
  angleBetween,
  equirectPixel,
  equirectYawPitch,
  hotspotAim,
  horizontalFov,
  unitVectorOf,
  wrapYaw,
  yawDelta,
  yawPitchOf,
} from '../../src/story';

const rounded = (v: { x: number; y: number; z: number }) => [v.x, v.y, v.z].map((c) => Math.round(c * 1e12) / 1e12 + 0);

describe('wrapping yaw', () => {
  it('spells the seam behind the viewer -180, never 180', () => {
    expect(wrapYaw(180)).toBe(-180);
    expect(wrapYaw(-180)).toBe(-180);
    expect(wrapYaw(540)).toBe(-180);
    expect(wrapYaw(-540)).toBe(-180);
    expect(wrapYaw(900)).toBe(-180);
  });

  it('wraps whole turns away and keeps yaws already in [-180, 180)', () => {
    expect(wrapYaw(190)).toBe(-170);
    expect(wrapYaw(-190)).toBe(170);
    expect(wrapYaw(540 + 30)).toBe(-150);
    expect(wrapYaw(720)).toBe(0);
    expect(wrapYaw(-360)).toBe(0);
    expect(wrapYaw(179.5)).toBe(179.5);
    expect(wrapYaw(-179.5)).toBe(-179.5);
    expect(wrapYaw(0)).toBe(0);
    for (let yaw = -1000; yaw <= 1000; yaw += 7.25) {
      const w = wrapYaw(yaw);
      expect(w).toBeGreaterThanOrEqual(-180);
      expect(w).toBeLessThan(180);
      expect(Math.abs(((yaw - w) / 360) % 1)).toBeCloseTo(0, 9);
    }
  });

  it('turns the short way, exactly behind being a turn left', () => {
    expect(yawDelta(170, -170)).toBe(20);
    expect(yawDelta(-170, 170)).toBe(-20);
    expect(yawDelta(30, 30)).toBe(0);
    expect(yawDelta(0, 180)).toBe(-180);
    expect(yawDelta(90, -90)).toBe(-180);
  });
});

describe('yaw/pitch and unit vectors in film space', () => {
  it('puts yaw 0 ahead (-z), yaw 90 to the right (+x), 180 behind (+z) and pitch 90 up (+y)', () => {
    expect(rounded(unitVectorOf(0, 0))).toEqual([0, 0, -1]);
    expect(rounded(unitVectorOf(90, 0))).toEqual([1, 0, 0]);
    expect(rounded(unitVectorOf(-90, 0))).toEqual([-1, 0, 0]);
    expect(rounded(unitVectorOf(180, 0))).toEqual([0, 0, 1]);
    expect(rounded(unitVectorOf(-180, 0))).toEqual([0, 0, 1]);
    expect(rounded(unitVectorOf(0, 90))).toEqual([0, 1, 0]);
    expect(rounded(unitVectorOf(0, -90))).toEqual([0, -1, 0]);
  });

  it('reaches the same pole whatever the yaw at pitch ±90', () => {
    for (const yaw of [-180, -135, -30, 0, 45, 179.9]) {
      expect(rounded(unitVectorOf(yaw, 90))).toEqual([0, 1, 0]);
      expect(rounded(unitVectorOf(yaw, -90))).toEqual([0, -1, 0]);
    }
  });

  it('writes into the object it is given', () => {
    const out = { x: 9, y: 9, z: 9 };
    expect(unitVectorOf(90, 0, out)).toBe(out);
    const look = { yaw: 1, pitch: 1 };
    expect(yawPitchOf(out, look)).toBe(look);
    expect(look.yaw).toBeCloseTo(90, 12);
  });

  it('makes unit vectors', () => {
    for (let yaw = -180; yaw < 180; yaw += 15)
      for (let pitch = -90; pitch <= 90; pitch += 15) {
        const v = unitVectorOf(yaw, pitch);
        expect(Math.hypot(v.x, v.y, v.z)).toBeCloseTo(1, 14);
      }
  });

  it('round-trips yaw/pitch through a vector, across the ±180 seam', () => {
    for (let yaw = -180; yaw < 180; yaw += 7.5)
      for (const pitch of [-89.999, -60, -5, 0, 5, 60, 89.999]) {
        const back = yawPitchOf(unitVectorOf(yaw, pitch));
        expect(back.yaw, `yaw of ${yaw}, ${pitch}`).toBeCloseTo(yaw, 8);
        expect(back.pitch, `pitch of ${yaw}, ${pitch}`).toBeCloseTo(pitch, 10);
      }
    for (const yaw of [179.999, -179.999]) expect(yawPitchOf(unitVectorOf(yaw, 10)).yaw).toBeCloseTo(yaw, 9);
  });

  it('spells the direction behind yaw -180, whichever way it was reached', () => {
    expect(yawPitchOf({ x: 0, y: 0, z: 1 }).yaw).toBe(-180);
    expect(yawPitchOf({ x: -0, y: 0, z: 1 }).yaw).toBe(-180);
    expect(yawPitchOf(unitVectorOf(180, 20)).yaw).toBeCloseTo(-180, 12);
    expect(yawPitchOf(unitVectorOf(-180, 20)).yaw).toBeCloseTo(-180, 12);
    expect(yawPitchOf(unitVectorOf(180, 20)).pitch).toBeCloseTo(20, 12);
  });

  it('reads the poles as pitch ±90 exactly, with yaw 0 when nothing is horizontal', () => {
    expect(yawPitchOf({ x: 0, y: 1, z: 0 })).toEqual({ yaw: 0, pitch: 90 });
    expect(yawPitchOf({ x: 0, y: -2, z: 0 })).toEqual({ yaw: 0, pitch: -90 });
    expect(yawPitchOf({ x: 0, y: 1, z: -0 })).toEqual({ yaw: 0, pitch: 90 });
    expect(yawPitchOf(unitVectorOf(0, 90)).pitch).toBe(90);
    expect(yawPitchOf(unitVectorOf(0, -90)).pitch).toBe(-90);
    expect(yawPitchOf(unitVectorOf(0, 90)).yaw).toBe(0);
  });

  it('reads vectors of any length', () => {
    const back = yawPitchOf({ x: 3, y: 3 * Math.SQRT2, z: -3 });
    expect(back.yaw).toBeCloseTo(45, 12);
    expect(back.pitch).toBeCloseTo(45, 12);
  });

  it('measures great-circle angles, across the seam and over the poles', () => {
    expect(angleBetween({ yaw: 0, pitch: 0 }, { yaw: 90, pitch: 0 })).toBeCloseTo(90, 10);
    expect(angleBetween({ yaw: 170, pitch: 0 }, { yaw: -170, pitch: 0 })).toBeCloseTo(20, 10);
    expect(angleBetween({ yaw: 180, pitch: 0 }, { yaw: -180, pitch: 0 })).toBeLessThan(1e-6);
    expect(angleBetween({ yaw: 0, pitch: 80 }, { yaw: 180, pitch: 80 })).toBeCloseTo(20, 10);
    expect(angleBetween({ yaw: 30, pitch: 90 }, { yaw: -120, pitch: 90 })).toBeCloseTo(0, 6);
    expect(angleBetween({ yaw: 0, pitch: 90 }, { yaw: 0, pitch: -90 })).toBeCloseTo(180, 6);
  });
});

describe('field of view', () => {
  it('turns a vertical field of view into the horizontal one at an aspect ratio', () => {
    expect(horizontalFov(90, 1)).toBeCloseTo(90, 12);
    expect(horizontalFov(60, 1)).toBeCloseTo(60, 12);
    // tan(h/2) = aspect · tan(v/2)
    expect(horizontalFov(90, 2)).toBeCloseTo((2 * Math.atan(2) * 180) / Math.PI, 12);
    expect(horizontalFov(75, 16 / 9)).toBeCloseTo(107.51, 1);
    // A phone in portrait sees less across than up.
    expect(horizontalFov(75, 9 / 16)).toBeCloseTo(46.69, 1);
    expect(horizontalFov(75, 9 / 16)).toBeLessThan(75);
    expect(horizontalFov(75, 0)).toBe(0);
  });
});

describe('equirectangular pixels', () => {
  const W = 512;
  const H = 256;
  it('puts yaw 0 on the centre column, yaw -180 on the left edge and the top row straight up', () => {
    expect(equirectYawPitch(W / 2, H / 2, W, H)).toEqual({ yaw: 0, pitch: 0 });
    expect(equirectYawPitch(0, 0, W, H)).toEqual({ yaw: -180, pitch: 90 });
    expect(equirectYawPitch(W * 0.75, H, W, H)).toEqual({ yaw: 90, pitch: -90 });
    expect(equirectPixel(0, 0, W, H)).toEqual({ x: W / 2, y: H / 2 });
  });

  it('puts the seam behind on the left edge, from either side', () => {
    expect(equirectPixel(180, 0, W, H).x).toBe(0);
    expect(equirectPixel(-180, 0, W, H).x).toBe(0);
    expect(equirectPixel(540, 0, W, H).x).toBe(0);
    expect(equirectPixel(179.999, 0, W, H).x).toBeCloseTo(W, 1);
  });

  it('round-trips pixels and directions', () => {
    for (let i = 0; i < 200; i++) {
      const x = ((i * 37) % W) + 0.25;
      const y = ((i * 11) % H) + 0.75;
      const d = equirectYawPitch(x, y, W, H);
      const back = equirectPixel(d.yaw, d.pitch, W, H);
      expect(back.x).toBeCloseTo(x, 9);
      expect(back.y).toBeCloseTo(y, 9);
    }
    for (const [yaw, pitch] of [[0, 0], [90, 30], [-70, 5], [179.5, -89], [-180, 45], [180, 45], [12, 90], [12, -90]] as const) {
      const px = equirectPixel(yaw, pitch, W, H);
      expect(angleBetween(equirectYawPitch(px.x, px.y, W, H), { yaw, pitch })).toBeLessThan(1e-9);
    }
  });
});

describe('hotspot aim', () => {
  it('takes an angular hotspot where it says, 10° wide by default', () => {
    expect(hotspotAim({ yaw: -120, pitch: 15 })).toEqual({ yaw: -120, pitch: 15, radius: DEFAULT_ANGULAR_RADIUS });
    expect(hotspotAim({ yaw: 30, pitch: -5, radius: 4 }, { x: 5, y: 0, z: 5 })).toEqual({ yaw: 30, pitch: -5, radius: 4 });
    expect(DEFAULT_ANGULAR_RADIUS).toBe(10);
  });

  it('sees a 3D hotspot from a screen eye 1.6 m above the centre, its metres as the angle they cover', () => {
    expect(SCREEN_EYE_HEIGHT).toBe(1.6);
    const ahead = hotspotAim({ position: [0, 1.6, -2] });
    expect(ahead.yaw).toBeCloseTo(0, 12);
    expect(ahead.pitch).toBeCloseTo(0, 12);
    expect(ahead.radius).toBeCloseTo((Math.atan2(DEFAULT_METRIC_RADIUS, 2) * 180) / Math.PI, 12);
    const right = hotspotAim({ position: [3, 1.6, 0], radius: 0.5 });
    expect(right.yaw).toBeCloseTo(90, 12);
    expect(right.radius).toBeCloseTo((Math.atan2(0.5, 3) * 180) / Math.PI, 12);
    const behindBelow = hotspotAim({ position: [0, 0, 1.6] });
    expect(behindBelow.yaw).toBe(-180);
    expect(behindBelow.pitch).toBeCloseTo(-45, 12);
  });

  it('aims from the eye it is given; an eye at the hotspot sees it all around', () => {
    const aim = hotspotAim({ position: [2, 1.6, 2] }, { x: 1, y: 1.6, z: 1 });
    expect(aim.yaw).toBeCloseTo(135, 12);
    expect(aim.pitch).toBeCloseTo(0, 12);
    expect(hotspotAim({ position: [0, 1.6, 0], radius: 0.3 }).radius).toBeGreaterThan(89.8);
  });
});
