/** Seeded randomness: a PRNG, a stateless hash, and value noise with its fractal sum. */
import { lerp, smoothstep } from './maths';

/** mulberry32: tiny, fast, good enough for art, and fully determined by its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stateless hash of integers to 0..1, for per-cell variation that must not depend on paint order. */
export function hash01(a: number, b = 0, c = 0, seed = 0): number {
  let h = Math.imul(a | 0, 0x27d4eb2d) ^ Math.imul(b | 0, 0x165667b1) ^ Math.imul(c | 0, 0x1b873593) ^ Math.imul(seed | 0, 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export type Noise3 = (x: number, y: number, z: number) => number;

/**
 * Seeded 3D value noise in 0..1. Sampling it on direction vectors (not on yaw/pitch) keeps textures
 * seamless across the yaw ±180 edge and free of pinching at the poles.
 */
export function createNoise3(seed: number): Noise3 {
  return (x, y, z) => {
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const iz = Math.floor(z);
    const fx = smoothstep(0, 1, x - ix);
    const fy = smoothstep(0, 1, y - iy);
    const fz = smoothstep(0, 1, z - iz);
    // No closures in here: this runs millions of times and tsx wraps every closure it creates.
    const x00 = lerp(hash01(ix, iy, iz, seed), hash01(ix + 1, iy, iz, seed), fx);
    const x10 = lerp(hash01(ix, iy + 1, iz, seed), hash01(ix + 1, iy + 1, iz, seed), fx);
    const x01 = lerp(hash01(ix, iy, iz + 1, seed), hash01(ix + 1, iy, iz + 1, seed), fx);
    const x11 = lerp(hash01(ix, iy + 1, iz + 1, seed), hash01(ix + 1, iy + 1, iz + 1, seed), fx);
    return lerp(lerp(x00, x10, fy), lerp(x01, x11, fy), fz);
  };
}

/** Fractal sum of octaves, normalised to 0..1. */
export function fbm(noise: Noise3, x: number, y: number, z: number, octaves = 4): number {
  let sum = 0;
  let amp = 0.5;
  let norm = 0;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amp * noise(x * f, y * f, z * f);
    norm += amp;
    amp *= 0.5;
    f *= 2.03;
  }
  return sum / norm;
}
