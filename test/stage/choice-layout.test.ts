import { describe, expect, it } from 'vitest';
import { placeChoices } from '../../src/stage/choice-layout';

describe('choice placement', () => {
  it('puts choices in a row below the line of sight when they fit', () => {
    const places = placeChoices(2, 90, 0, 100);
    expect(places.map((p) => p.pitch)).toEqual([-14, -14]);
    expect(places[0]!.yaw).toBeLessThan(90);
    expect(places[1]!.yaw).toBeGreaterThan(90);
  });
  it('stacks them in a column, in view, where a row would not fit', () => {
    const places = placeChoices(3, -40, 10, 55);
    expect(places.every((p) => p.yaw === -40)).toBe(true);
    expect(places.map((p) => p.pitch)).toEqual([2, -8, -18]);
  });
  it('lays many choices out in rows of as many as fit, in authored order, all in view', () => {
    const places = placeChoices(5, 0, 0, 100); // a 640×400 screen: two panels fit side by side
    expect(places.map((p) => p.pitch)).toEqual([-8, -8, -18, -18, -28]);
    expect(places.map((p) => p.yaw)).toEqual([-18, 18, -18, 18, 0]);
    expect(places.every((p) => Math.abs(p.yaw) + 18 <= 50)).toBe(true);
  });
  it('never makes the viewer crane their neck for panels offered while looking up', () => {
    expect(placeChoices(1, 0, 80, 100)[0]!.pitch).toBe(10);
  });
});
