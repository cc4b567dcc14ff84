import { useThree } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import { Vector3 } from 'three';
import { yawPitchOf } from '../story';
import { HEADSET_FIELD_OF_VIEW } from './choice-layout';
import { cameraHorizontalFov } from './direction';
import type { ScreenView } from './view';

/** Where the viewer faces, and how wide they see, when choices are placed. */
export interface Facing {
  readonly yaw: number;
  readonly pitch: number;
  /** Horizontal field of view in degrees. */
  readonly fieldOfView: number;
}

export interface FacingOptions {
  readonly view: ScreenView;
  /** The headset's session, or null on a screen. */
  readonly session: XRSession | null;
  /** Changes when another set of choices is offered (or the scene starts to show): they are placed where the viewer looks then. */
  readonly offer: string;
  /** Bumped when the viewer is turned to the scene's start direction (a cut, recentering): placed again. */
  readonly aligned: number;
}

const _forward = new Vector3();

/**
 * Where choices are placed: read once when they are offered, when the viewer enters or leaves the
 * headset, is turned by a cut or recentering, or the canvas is resized; never followed frame by
 * frame, so panels stay put while the viewer looks them over. In the headset, the camera's own
 * direction; on screens, the screen view's.
 */
export function useFacing({ view, session, offer, aligned }: FacingOptions): Facing {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const [facing, setFacing] = useState<Facing>({ yaw: 0, pitch: 0, fieldOfView: HEADSET_FIELD_OF_VIEW });
  useEffect(() => {
    camera.getWorldDirection(_forward);
    const fieldOfView = session ? HEADSET_FIELD_OF_VIEW : cameraHorizontalFov(camera, size.width / Math.max(size.height, 1));
    setFacing({ ...(session ? yawPitchOf(_forward) : { yaw: view.yaw, pitch: view.pitch }), fieldOfView });
  }, [offer, session, camera, view, size, aligned]);
  return facing;
}
