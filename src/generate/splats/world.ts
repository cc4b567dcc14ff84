/**
 * The splat test world: an orange pillar standing 3 m ahead of the viewer (yaw 0) and a teal ring
 * on the floor around them, about four thousand splats in all. Known colours at known directions,
 * so a browser test can read the pillar's colour at the centre of the view.
 */
import type { Splat } from '../splat-formats';

/** Pillar colour (sRGB 0..1): what the centre pixel shows when the viewer looks at yaw 0. */
export const PILLAR_COLOR: readonly [number, number, number] = [0.91, 0.46, 0.16];
export const RING_COLOR: readonly [number, number, number] = [0.2, 0.75, 0.7];
/** Pillar axis, metres from the viewer's feet: ahead on -z. */
export const PILLAR_CENTRE = { x: 0, z: -3 } as const;
export const PILLAR_RADIUS = 0.45;
export const PILLAR_HEIGHT = 3.2;
const RING_RADIUS = 2.5;

const IDENTITY = [1, 0, 0, 0] as const;

export function splatWorld(): Splat[] {
  const splats: Splat[] = [];
  // The pillar: a cylinder wall on a regular grid of angle × height, dense enough to be opaque.
  const around = 60;
  const up = 50;
  for (let i = 0; i < around; i++) {
    const angle = (i / around) * Math.PI * 2;
    for (let j = 0; j < up; j++) {
      splats.push({
        position: [PILLAR_CENTRE.x + PILLAR_RADIUS * Math.sin(angle), ((j + 0.5) / up) * PILLAR_HEIGHT, PILLAR_CENTRE.z + PILLAR_RADIUS * Math.cos(angle)],
        scale: [0.045, 0.045, 0.045],
        rotation: IDENTITY,
        color: PILLAR_COLOR,
        opacity: 0.9,
      });
    }
  }
  // The ring: flat splats on the floor around the viewer.
  const ring = 1000;
  for (let i = 0; i < ring; i++) {
    const angle = (i / ring) * Math.PI * 2;
    splats.push({
      position: [RING_RADIUS * Math.sin(angle), 0.02, RING_RADIUS * Math.cos(angle)],
      scale: [0.04, 0.005, 0.04],
      rotation: IDENTITY,
      color: RING_COLOR,
      opacity: 0.9,
    });
  }
  return splats;
}
