import { describe, expect, it } from 'vitest';
import { deviceLook } from '../../src/stage/device-look';

const look = (alpha: number, beta: number, gamma: number, screen = 0) => {
  const l = deviceLook(alpha, beta, gamma, screen);
  return { yaw: Math.round(l.yaw * 1e6) / 1e6 + 0, pitch: Math.round(l.pitch * 1e6) / 1e6 + 0, roll: Math.round(l.roll * 1e6) / 1e6 + 0 };
};

describe('phone orientation to the view (magic window)', () => {
  it('looks straight ahead through an upright phone in portrait', () => {
    expect(look(0, 90, 0)).toEqual({ yaw: 0, pitch: 0, roll: 0 });
  });

  it('looks down through a phone lying flat, and up as it tilts back', () => {
    expect(look(0, 0, 0).pitch).toBeCloseTo(-90);
    expect(look(0, 60, 0).pitch).toBeCloseTo(-30);
    expect(look(0, 120, 0).pitch).toBeCloseTo(30);
  });

  it('turns right as the phone turns clockwise (alpha falls) and left as alpha grows', () => {
    expect(look(330, 90, 0).yaw).toBeCloseTo(30);
    expect(look(30, 90, 0).yaw).toBeCloseTo(-30);
    // An upright phone turned about its long axis (gamma) turns the view too.
    expect(look(0, 90, 20).yaw).toBeCloseTo(-20);
  });

  it('compensates a landscape screen: an upright phone turned on its side still looks level ahead', () => {
    // Turned anticlockwise (screen angle 90): the top edge points left, gamma -90, alpha +90.
    expect(look(90, 0, -90, 90)).toEqual({ yaw: 0, pitch: 0, roll: 0 });
    expect(look(120, 0, -90, 90).yaw).toBeCloseTo(-30);
    // Turned clockwise (screen angle 270).
    expect(look(270, 0, 90, 270)).toEqual({ yaw: 0, pitch: 0, roll: 0 });
    // Without compensation the same landscape phone would show a picture rolled by 90°.
    expect(look(90, 0, -90, 0).roll).toBeCloseTo(90);
  });
});
