/**
 * The panorama being painted, what a shader sees of each pixel, and the conventions every painter
 * follows:
 * - Yaw and pitch are the film's (`src/story/directions.ts`): degrees, yaw 0 at the centre column,
 *   positive to the right, pitch positive up; pixel (x, y) (continuous, from the top-left) is
 *   `equirectYawPitch(x, y, W, H)`, and painters sample each pixel at its centre (x + 0.5, y + 0.5).
 * - Vectors (`Vec3`, a `Sample`'s vx, vy, vz, a `Frame`, `paintPlane`'s coordinates) are in the
 *   **painters' space**: x right of yaw 0, y up and **+z toward yaw 0**, the film space mirrored
 *   front to back. Every set was modelled in it (and the committed pictures are its bytes), so it
 *   stays; `painterVector` and `painterYawPitch` convert, through the film's own conversions.
 *
 * Painting is pure: no IO, no sharp, and every random choice comes from a seeded PRNG so a recipe
 * always produces the same bytes.
 */
import { type UnitVector, type YawPitch, unitVectorOf, yawPitchOf } from '../../story';

/** An RGBA image, 8 bits per channel, rows top to bottom. */
export interface Panorama {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** A vector in the painters' space: x to the right of yaw 0, y up, z towards yaw 0 (the film's -z). */
export type Vec3 = readonly [number, number, number];
/** Colour channels 0..255. */
export type RGB = readonly [number, number, number];
/** Straight colour 0..255 plus coverage 0..1; null leaves the pixel untouched. */
export type Paint = readonly [number, number, number, number] | null;
export type BlendMode = 'normal' | 'add' | 'screen' | 'multiply';

/**
 * What a shader sees for one pixel. The object is reused between pixels (painting millions of
 * pixels would otherwise allocate millions of objects), so copy fields rather than keep it.
 */
export interface Sample {
  x: number;
  y: number;
  yaw: number;
  pitch: number;
  /** Unit vector of the pixel's direction, in the painters' space (+z toward yaw 0). */
  vx: number;
  vy: number;
  vz: number;
  /** Angular size of one pixel in degrees: the anti-aliasing width for edges. */
  px: number;
}

export type Shader = (s: Sample) => Paint;

export function createPanorama(width: number, height: number, fill: RGB = [0, 0, 0]): Panorama {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`panorama size must be positive integers, got ${width}x${height}`);
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = fill[0];
    data[i + 1] = fill[1];
    data[i + 2] = fill[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

const _unit: UnitVector = { x: 0, y: 0, z: -1 };

/** The unit vector along a yaw/pitch, in the painters' space (the film's `unitVectorOf`, mirrored). */
export function painterVector(yaw: number, pitch: number): Vec3 {
  const u = unitVectorOf(yaw, pitch, _unit);
  return [u.x, u.y, -u.z];
}

/** The yaw/pitch of a vector in the painters' space, of any length (the film's `yawPitchOf`, mirrored). */
export function painterYawPitch(v: Vec3): YawPitch {
  return yawPitchOf({ x: v[0], y: v[1], z: -v[2] });
}
