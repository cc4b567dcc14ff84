/**
 * Three.js's side of the film's directions (`src/story/directions.ts` holds the maths): its space is
 * the film space (-Z ahead at yaw 0, +X at yaw 90, +Y up), so a `Vector3` is a `Point` or
 * `UnitVector` as it is; what is left here is rotations and cameras.
 */
import type { Camera } from 'three';
import { DEG, horizontalFov } from '../story';

/**
 * Euler rotation (radians, order YXZ) that turns a plane lying at (yaw, pitch) around the head to
 * face the head: the rotation of a camera looking along that direction, whose +Z points back.
 */
export function facingHead(yawDeg: number, pitchDeg: number): [number, number, number, 'YXZ'] {
  return [pitchDeg * DEG, -yawDeg * DEG, 0, 'YXZ'];
}

/** Horizontal field of view in degrees of a screen camera (its vertical `fov`, 75° if it has none) at this aspect ratio. */
export function cameraHorizontalFov(camera: Camera, aspect: number): number {
  return horizontalFov('fov' in camera && typeof camera.fov === 'number' ? camera.fov : 75, aspect);
}
