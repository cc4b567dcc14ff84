import { describe, expect, it } from 'vitest';
import {
  CRYSTAL_FOLLOW_BEYOND_DEG,
  CRYSTAL_LEFT_DEG,
  DESIRE_RED,
  type FollowState,
  REASON_BLUE,
  crystalColour,
  crystalMix,
  crystalPlacement,
  easeMix,
  followYaw,
} from '../../src/stage/crystal';

describe('the memory crystal', () => {
  const range = { blueAt: 0, redAt: 4 };

  it('is blue at blueAt, red at redAt, in between between, clamped outside', () => {
    expect(crystalMix(0, range)).toBe(0);
    expect(crystalMix(4, range)).toBe(1);
    expect(crystalMix(1, range)).toBeCloseTo(0.25);
    expect(crystalMix(-3, range)).toBe(0);
    expect(crystalMix(9, range)).toBe(1);
  });

  it('reads a reversed range (red below blue) the same way', () => {
    const reversed = { blueAt: 10, redAt: 0 };
    expect(crystalMix(10, reversed)).toBe(0);
    expect(crystalMix(2.5, reversed)).toBeCloseTo(0.75);
    expect(crystalMix(-1, reversed)).toBe(1);
  });

  it('shows blue for a value that is not a number', () => {
    for (const value of [undefined, 'high', true, Number.NaN]) expect(crystalMix(value, range)).toBe(0);
  });

  it('goes from reason blue to desire red, purple half-way', () => {
    const out = { r: 0, g: 0, b: 0 };
    expect(crystalColour(0, out)).toEqual({ ...REASON_BLUE });
    expect({ ...crystalColour(1, out) }).toEqual({ ...DESIRE_RED });
    const mid = crystalColour(0.5, out);
    expect(mid.r).toBeGreaterThan(REASON_BLUE.r);
    expect(mid.b).toBeGreaterThan(DESIRE_RED.b);
    expect(crystalColour(2, out)).toEqual({ ...DESIRE_RED });
  });

  it('eases its colour over about a second and a half, never overshooting', () => {
    let shown = 0;
    const seen: number[] = [];
    for (let frame = 0; frame < 90; frame++) seen.push((shown = easeMix(shown, 1, 1 / 60)));
    expect(seen[14]!).toBeGreaterThan(0.3); // a quarter second in: visibly on its way
    expect(seen[14]!).toBeLessThan(0.7);
    expect(shown).toBeGreaterThan(0.97); // 1.5 s: there
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
    expect(easeMix(0.4, 0.4, 1 / 60)).toBe(0.4);
    expect(easeMix(0.5, 0.2, 0)).toBe(0.5);
  });

  it('rests 25° left in a headset and follows beyond 35°', () => {
    expect(crystalPlacement(null)).toEqual({ leftDeg: CRYSTAL_LEFT_DEG, followBeyondDeg: CRYSTAL_FOLLOW_BEYOND_DEG });
  });

  it('stays inside a screen view, however narrow', () => {
    for (const fov of [101.6, 80, 39, 20]) {
      const { leftDeg, followBeyondDeg } = crystalPlacement(fov);
      expect(leftDeg).toBeGreaterThanOrEqual(0);
      expect(leftDeg).toBeLessThanOrEqual(CRYSTAL_LEFT_DEG);
      expect(leftDeg).toBeLessThan(fov / 2);
      expect(followBeyondDeg).toBeGreaterThan(0);
      expect(followBeyondDeg).toBeLessThanOrEqual(CRYSTAL_FOLLOW_BEYOND_DEG);
    }
    expect(crystalPlacement(101.6).leftDeg).toBe(CRYSTAL_LEFT_DEG);
    expect(crystalPlacement(39).leftDeg).toBeLessThan(CRYSTAL_LEFT_DEG);
  });

  it('stays put while the view turns a little', () => {
    const state: FollowState = { yaw: 10, following: false };
    for (let i = 0; i < 60; i++) followYaw(state, 40, 35, 1 / 60);
    expect(state).toEqual({ yaw: 10, following: false });
  });

  it('follows a view that turns far away, eases back in front, then stays put again', () => {
    const state: FollowState = { yaw: 0, following: false };
    followYaw(state, 50, 35, 1 / 60);
    expect(state.following).toBe(true);
    expect(state.yaw).toBeGreaterThan(0);
    expect(state.yaw).toBeLessThan(5); // eased, not snapped
    for (let i = 0; i < 180; i++) followYaw(state, 50, 35, 1 / 60);
    expect(state.following).toBe(false);
    expect(Math.abs(state.yaw - 50)).toBeLessThan(1.5);
    const settled = state.yaw;
    followYaw(state, 70, 35, 1 / 60);
    expect(state.yaw).toBe(settled);
  });

  it('follows the short way round across ±180°', () => {
    const state: FollowState = { yaw: 170, following: false };
    for (let i = 0; i < 240; i++) followYaw(state, -130, 35, 1 / 60);
    expect(Math.abs(state.yaw - -130)).toBeLessThan(1.5);
    const path: FollowState = { yaw: 170, following: false };
    followYaw(path, -130, 35, 0.1);
    expect(path.yaw > 170 || path.yaw < -170).toBe(true); // through 180°, not back through 0°
  });
});
