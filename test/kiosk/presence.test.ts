import { describe, expect, it } from 'vitest';
import { PresenceWatch } from '../../src/kiosk/presence';

const options = { idleMs: 45_000, motionDegrees: 3, countdownMs: 10_000 };

describe('whether a visitor is still there', () => {
  it('counts down after the idle time without motion or input, then says the visitor left', () => {
    const p = new PresenceWatch(options, 0);
    p.look(0, 0, 0);
    for (let t = 0; t < 45_000; t += 1000) {
      p.look(Math.sin(t) * 1.5, 0, t); // a headset lying still drifts a little
      expect(p.tick(t).kind).toBe('present');
    }
    expect(p.tick(45_000)).toEqual({ kind: 'countdown', endsAt: 55_000, why: 'idle' });
    expect(p.tick(54_999).kind).toBe('countdown');
    expect(p.tick(55_000).kind).toBe('left');
  });

  it('cancels the countdown on a head movement or an input', () => {
    const p = new PresenceWatch(options, 0);
    p.look(0, 0, 0);
    p.tick(45_000);
    p.look(10, 0, 50_000);
    expect(p.tick(50_000).kind).toBe('present');
    p.tick(95_000);
    expect(p.current.kind).toBe('countdown');
    p.input(96_000);
    expect(p.tick(96_000).kind).toBe('present');
    expect(p.tick(140_999).kind).toBe('present');
  });

  it('measures motion on the sphere, across the seam behind and near the poles', () => {
    const seam = new PresenceWatch(options, 0);
    seam.look(179, 0, 0);
    seam.look(-179, 0, 1000); // 2° round the back: still
    expect(seam.tick(45_000).kind).toBe('countdown');
    const pole = new PresenceWatch(options, 0);
    pole.look(0, 0, 0);
    pole.look(90, 89, 2000); // looked up: moving
    pole.look(-90, 89, 3000); // 2° over the top: still
    expect(pole.tick(46_999).kind).toBe('present');
    expect(pole.tick(47_000).kind).toBe('countdown');
    pole.look(-80, 80, 48_000); // about 11° from where the head last moved to: moving
    expect(pole.tick(48_000).kind).toBe('present');
  });

  it('counts down at once when the headset is taken off, and stops when it is put back on', () => {
    const p = new PresenceWatch(options, 0);
    p.worn(false, 5000);
    expect(p.tick(5000)).toEqual({ kind: 'countdown', endsAt: 15_000, why: 'headset-off' });
    // Motion reported while the headset is off (it is being carried) does not cancel.
    p.look(40, 0, 6000);
    expect(p.tick(6000).kind).toBe('countdown');
    p.worn(true, 8000);
    expect(p.tick(8000).kind).toBe('present');
    p.worn(false, 9000);
    expect(p.tick(19_000).kind).toBe('left');
  });

  it('starts afresh for a new viewing', () => {
    const p = new PresenceWatch(options, 0);
    p.worn(false, 0);
    p.tick(20_000);
    p.restart(20_000);
    expect(p.tick(20_000).kind).toBe('present');
    expect(p.tick(64_999).kind).toBe('present');
  });
});
