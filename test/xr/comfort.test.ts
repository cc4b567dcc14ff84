import { describe, expect, it } from 'vitest';
import {
  SNAP_TURN_DEG,
  createFlickDetector,
  createLongPress,
  gazeAlignedRigYaw,
  recenterRigYaw,
  rigOriginFor,
  rotateByRig,
} from '../../src/xr/comfort';
import { wrapYaw } from '../../src/story';

describe('snap turn', () => {
  it('turns once per flick, whichever way the stick is pushed', () => {
    const flick = createFlickDetector();
    // A flick right held for several frames, released, then a flick left.
    const turns = [0, 0.2, 0.7, 1, 1, 0.8, 0.4, 0.1, 0, -0.9, -1, -0.2].map(flick);
    expect(turns.filter((t) => t !== 0)).toEqual([1, -1]);
    expect(turns.indexOf(1)).toBe(2);
  });

  it('ignores a stick resting inside the dead zone or wobbling near the threshold', () => {
    const flick = createFlickDetector();
    expect([0.1, -0.25, 0.29, 0.5, -0.55].map(flick)).toEqual([0, 0, 0, 0, 0]);
    // Past the threshold once; hovering between dead zone and threshold does not re-arm it.
    expect([0.65, 0.45, 0.62, 0.35, 0.7].map(flick)).toEqual([1, 0, 0, 0, 0]);
  });

  it('turns by 30°', () => expect(SNAP_TURN_DEG).toBe(30));
});

describe('long press', () => {
  it('fires once after the hold time, and again only after a release', () => {
    const hold = createLongPress(1000);
    expect(hold(true, 0)).toBe(false);
    expect(hold(true, 999)).toBe(false);
    expect(hold(true, 1000)).toBe(true);
    expect(hold(true, 3000)).toBe(false);
    expect(hold(false, 3100)).toBe(false);
    expect(hold(true, 3200)).toBe(false);
    expect(hold(true, 4200)).toBe(true);
  });

  it('starts over when released early', () => {
    const hold = createLongPress(1000);
    hold(true, 0);
    hold(false, 800);
    expect(hold(true, 900)).toBe(false);
    expect(hold(true, 1800)).toBe(false);
    expect(hold(true, 1900)).toBe(true);
  });
});

describe('recentering and gaze-aligned cuts', () => {
  it('puts the start direction in front of the head', () => {
    expect(recenterRigYaw(60, 0)).toBe(60);
    // Head turned 100° left in the tracked space: the rig turns so that direction faces 60.
    expect(recenterRigYaw(60, -100)).toBe(160);
    expect(wrapYaw(recenterRigYaw(150, 40) + 40)).toBe(150);
  });

  it('turns the rig by the gap between the gaze and the new scene start', () => {
    // Rig at 60, looking at world -40; the new scene starts at 150.
    const rig = gazeAlignedRigYaw(60, 150, -40);
    expect(rig).toBe(-110);
    // The head has not moved in the tracked space (-100), and now looks along 150 in the world.
    expect(wrapYaw(rig + -100)).toBe(150);
    expect(gazeAlignedRigYaw(20, 45, 45)).toBe(20);
  });

  it('wraps yaw into [-180, 180)', () => {
    expect(wrapYaw(180)).toBe(-180);
    expect(wrapYaw(540 + 30)).toBe(-150);
    expect(wrapYaw(-190)).toBe(170);
  });
});

describe('rig origin', () => {
  it('rotates tracked-space offsets clockwise for positive yaw (seen from above)', () => {
    // Straight ahead (-Z) turned 90° right becomes +X.
    const p = rotateByRig({ x: 0, z: -1 }, 90);
    expect(p.x).toBeCloseTo(1);
    expect(p.z).toBeCloseTo(0);
  });

  it('keeps the head where it stands when the rig turns', () => {
    const headLocal = { x: 0.4, z: -0.3 };
    const headWorld = { x: 2, z: 1 };
    for (const yaw of [0, 30, -150, 90]) {
      const origin = rigOriginFor(headWorld, headLocal, yaw);
      const back = rotateByRig(headLocal, yaw);
      expect(origin.x + back.x).toBeCloseTo(headWorld.x);
      expect(origin.z + back.z).toBeCloseTo(headWorld.z);
    }
  });
});
