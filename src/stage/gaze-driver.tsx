import { useFrame } from '@react-three/fiber';
import { useMemo } from 'react';
import { type Group, Raycaster, Vector2, Vector3 } from 'three';
import type { GazeTracker } from './gaze';
import type { HoverPointer } from './ScreenLook';

const _dir = new Vector3();
const _mouseDir = new Vector3();
const _pointer = new Vector2();
const _raycaster = new Raycaster();
const _eye = new Vector3();

/**
 * Each frame: keep the scene centred on the head, and feed the gaze tracker the directions the
 * viewer looks along (camera forward, and a hovering mouse on screens).
 */
export function GazeDriver({ tracker, hover, head, world }: { tracker: GazeTracker; hover: HoverPointer; head: React.RefObject<Group | null>; world: React.RefObject<Group | null> }) {
  const gazes = useMemo<Array<Vector3 | null>>(() => [null, null], []);
  useFrame((state, delta) => {
    const camera = state.camera;
    camera.updateMatrixWorld();
    head.current?.position.setFromMatrixPosition(camera.matrixWorld);
    camera.getWorldDirection(_dir);
    gazes[0] = _dir;
    gazes[1] = null;
    if (hover.active && !state.gl.xr.isPresenting) {
      _pointer.set(hover.x, hover.y);
      _raycaster.setFromCamera(_pointer, camera);
      gazes[1] = _mouseDir.copy(_raycaster.ray.direction);
    }
    // The eye in scene space (floor at y = 0) aims the 3D hotspots from the real head each frame.
    _eye.setFromMatrixPosition(camera.matrixWorld);
    if (world.current) _eye.sub(world.current.position);
    tracker.update(delta * 1000, gazes, _eye);
  });
  return null;
}
