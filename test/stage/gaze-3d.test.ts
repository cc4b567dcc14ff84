import { describe, expect, it } from 'vitest';
import { SCREEN_EYE_HEIGHT, hotspotAim, unitVectorOf } from '../../src/story';
import { type GazeTarget, GazeTracker, lookedAtPoint } from '../../src/stage/gaze';

const screenEye = { x: 0, y: SCREEN_EYE_HEIGHT, z: 0 };

describe('3D hotspots', () => {
  const urn = { x: 3, y: 1.6, z: 0 };

  it('are looked at within the angle their radius covers from the eye', () => {
    // 0.5 m at 3 m covers atan(0.5 / 3) ≈ 9.46°.
    expect(lookedAtPoint([unitVectorOf(90, 0)], screenEye, urn, 0.5)).toBe(true);
    expect(lookedAtPoint([unitVectorOf(99, 0)], screenEye, urn, 0.5)).toBe(true);
    expect(lookedAtPoint([unitVectorOf(100, 0)], screenEye, urn, 0.5)).toBe(false);
    expect(lookedAtPoint([null, unitVectorOf(81, 0)], screenEye, urn, 0.5)).toBe(true);
    expect(lookedAtPoint([unitVectorOf(-90, 0)], screenEye, urn, 0.5)).toBe(false);
  });

  it('agree with the aim "Look at" uses from the screen eye', () => {
    const aim = hotspotAim({ position: [3, 1.6, 0], radius: 0.5 });
    expect(aim.yaw).toBeCloseTo(90);
    expect(lookedAtPoint([unitVectorOf(aim.yaw + aim.radius - 0.01, aim.pitch)], screenEye, urn, 0.5)).toBe(true);
    expect(lookedAtPoint([unitVectorOf(aim.yaw + aim.radius + 0.01, aim.pitch)], screenEye, urn, 0.5)).toBe(false);
  });

  it('are aimed from where the head is, not from the screen eye', () => {
    const head = { x: 1.5, y: 1.6, z: 1.5 };
    expect(lookedAtPoint([unitVectorOf(45, 0)], head, urn, 0.5)).toBe(true);
    expect(lookedAtPoint([unitVectorOf(90, 0)], head, urn, 0.5)).toBe(false);
  });

  it('surround a head that stands inside them', () => {
    expect(lookedAtPoint([unitVectorOf(-120, -40)], { x: 2.8, y: 1.6, z: 0.1 }, urn, 0.5)).toBe(true);
  });

  it('dwell in the tracker from the eye given each frame, or from their screen direction without one', () => {
    const fired: string[] = [];
    const tracker = new GazeTracker({ onDwell: (t) => fired.push(t.id) });
    const target: GazeTarget = {
      id: 'urn',
      kind: 'hotspot',
      direction: unitVectorOf(90, 0),
      radius: 9.46,
      at: { position: urn, radiusMetres: 0.5 },
      dwellMs: 800,
      done: false,
    };
    tracker.setTargets([target]);
    const head = { x: 1.5, y: 1.6, z: 1.5 };
    // From the moved head the screen direction misses...
    for (let t = 0; t < 1000; t += 16) tracker.update(16, [unitVectorOf(90, 0)], head);
    expect(fired).toEqual([]);
    // ...and the direction toward the urn from there hits.
    for (let t = 0; t < 1000; t += 16) tracker.update(16, [unitVectorOf(45, 0)], head);
    expect(fired).toEqual(['urn']);

    const again = new GazeTracker({ onDwell: (t) => fired.push(`${t.id} without eye`) });
    again.setTargets([target]);
    for (let t = 0; t < 1000; t += 16) again.update(16, [unitVectorOf(90, 0)]);
    expect(fired).toEqual(['urn', 'urn without eye']);
  });
});
