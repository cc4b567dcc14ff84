import { describe, expect, it } from 'vitest';
import { unitVectorOf, yawPitchOf } from '../../src/story';
import { type GazeTarget, GazeTracker } from '../../src/stage/gaze';

describe('film directions', () => {
  it('puts yaw 0 ahead (-Z), yaw 90 to the right (+X) and pitch 90 up', () => {
    const ahead = unitVectorOf(0, 0);
    expect([ahead.x, ahead.y, ahead.z].map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual([0, 0, -1]);
    expect(unitVectorOf(90, 0).x).toBeCloseTo(1);
    expect(unitVectorOf(0, 90).y).toBeCloseTo(1);
  });
  it('round-trips yaw and pitch', () => {
    for (const [yaw, pitch] of [[0, 0], [90, 30], [-70, 5], [179, -60]] as const) {
      const back = yawPitchOf(unitVectorOf(yaw, pitch));
      expect(back.yaw).toBeCloseTo(yaw);
      expect(back.pitch).toBeCloseTo(pitch);
    }
  });
});

describe('gaze dwell', () => {
  const crack: GazeTarget = { id: 'crack', kind: 'hotspot', direction: unitVectorOf(90, 30), radius: 12, dwellMs: 1200, done: false };
  const setup = () => {
    const fired: string[] = [];
    const tracker = new GazeTracker({ onDwell: (t) => fired.push(t.id) });
    tracker.setTargets([crack]);
    return { tracker, fired };
  };
  const step = (tracker: GazeTracker, ms: number, yaw: number, pitch: number) => {
    for (let t = 0; t < ms; t += 16) tracker.update(16, [unitVectorOf(yaw, pitch)]);
  };

  it('fires once after the dwell time inside the radius', () => {
    const { tracker, fired } = setup();
    step(tracker, 1100, 95, 25);
    expect(fired).toEqual([]);
    expect(tracker.progress(0)).toBeGreaterThan(0.85);
    step(tracker, 200, 95, 25);
    expect(fired).toEqual(['crack']);
    step(tracker, 3000, 95, 25);
    expect(fired).toEqual(['crack']);
  });

  it('restarts the dwell when the gaze leaves the radius', () => {
    const { tracker, fired } = setup();
    step(tracker, 800, 90, 30);
    step(tracker, 100, 90, 50);
    expect(tracker.lookedAt(0)).toBe(false);
    step(tracker, 800, 90, 30);
    expect(fired).toEqual([]);
  });

  it('counts any of several gazes (reticle or hovering mouse)', () => {
    const { tracker, fired } = setup();
    for (let t = 0; t < 1300; t += 16) tracker.update(16, [unitVectorOf(0, 0), unitVectorOf(88, 28)]);
    expect(fired).toEqual(['crack']);
  });

  it('never completes a dwell from one long stalled frame', () => {
    const { tracker, fired } = setup();
    tracker.update(5000, [unitVectorOf(90, 30)]);
    expect(fired).toEqual([]);
  });

  it('keeps progress of targets that stay when targets change, and never refires done ones', () => {
    const { tracker, fired } = setup();
    step(tracker, 600, 90, 30);
    tracker.setTargets([crack, { ...crack, id: 'other', direction: unitVectorOf(-90, 0) }]);
    expect(tracker.progress(0)).toBeGreaterThan(0.4);
    tracker.setTargets([{ ...crack, done: true }]);
    step(tracker, 2000, 90, 30);
    expect(fired).toEqual([]);
  });
});

describe('attention reports', () => {
  const target = (id: string, yaw: number): GazeTarget => ({ id, kind: 'hotspot', direction: unitVectorOf(yaw, 0), radius: 10, dwellMs: 60_000, done: false });
  it('reports looked-at time when the gaze leaves, and on flush, never per frame', () => {
    const watched: Array<[string, number]> = [];
    const tracker = new GazeTracker({ onDwell: () => {}, onWatched: (t, ms) => watched.push([t.id, ms]) });
    tracker.setTargets([target('a', 0), target('b', 90)]);
    for (let i = 0; i < 50; i++) tracker.update(20, [unitVectorOf(0, 0)]);
    expect(watched).toEqual([]);
    tracker.update(20, [unitVectorOf(90, 0)]);
    expect(watched).toEqual([['a', 1000]]);
    for (let i = 0; i < 10; i++) tracker.update(20, [unitVectorOf(90, 0)]);
    tracker.flush();
    expect(watched).toEqual([['a', 1000], ['b', 220]]);
    tracker.flush();
    expect(watched.length).toBe(2);
  });
});
