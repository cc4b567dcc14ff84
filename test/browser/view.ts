import { PerspectiveCamera, Quaternion, Euler, Vector3 } from 'three';
import { CHOICE_DISTANCE, placeChoices } from '../../src/stage/choice-layout';

export { HEADSET_FIELD_OF_VIEW } from '../../src/stage/choice-layout';
import { DEG, horizontalFov, unitVectorOf } from '../../src/story';

/** The head orientation that looks along (yaw, pitch) in the film's degrees, as a quaternion. */
export function lookQuaternion(yaw: number, pitch: number): [number, number, number, number] {
  const q = new Quaternion().setFromEuler(new Euler(pitch * DEG, -yaw * DEG, 0, 'YXZ'));
  return [q.x, q.y, q.z, q.w];
}

/** Where, in CSS pixels, a direction appears on a plain-screen player looking along (yaw, pitch). */
export function screenPoint(view: { yaw: number; pitch: number }, target: { yaw: number; pitch: number }, viewport: { width: number; height: number }, distance = 10) {
  const camera = new PerspectiveCamera(75, viewport.width / viewport.height, 0.05, 200);
  camera.rotation.set(view.pitch * DEG, -view.yaw * DEG, 0, 'YXZ');
  camera.updateMatrixWorld();
  const d = unitVectorOf(target.yaw, target.pitch);
  const p = new Vector3(d.x, d.y, d.z).multiplyScalar(distance).project(camera);
  return { x: ((p.x + 1) / 2) * viewport.width, y: ((1 - p.y) / 2) * viewport.height };
}

/** The centre of choice panel `index` of `count`, offered while the viewer looked along `view` with this horizontal field of view, relative to the head. */
export function choicePanelPoint(index: number, count: number, view: { yaw: number; pitch: number }, fieldOfView: number) {
  const place = placeChoices(count, view.yaw, view.pitch, fieldOfView)[index]!;
  const d = unitVectorOf(place.yaw, place.pitch);
  return { place, offset: new Vector3(d.x, d.y, d.z).multiplyScalar(CHOICE_DISTANCE) };
}

/** Horizontal field of view in degrees of the player's screen camera (75° vertical) at this viewport. */
export const screenFieldOfView = (viewport: { width: number; height: number }) => horizontalFov(75, viewport.width / viewport.height);
