import { useFrame } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect, useMemo, useRef } from 'react';
import { type Group, Vector3 } from 'three';
import { unitVectorOf, yawPitchOf } from '../story';
import { createLabelTexture } from './label-texture';

export interface XRCaptionProps {
  /** The text to show, or null for none. */
  readonly text: string | null;
  /**
   * How far below the line of sight, in degrees: under the choice panels (14°), clear of the gaze.
   * @default 26
   */
  readonly belowSightDeg?: number;
  /** @default 1 */
  readonly scale?: number;
}

const _forward = new Vector3();
const _target = new Vector3();
const _below = { x: 0, y: 0, z: -1 };
const _look = { yaw: 0, pitch: 0 };
const CAPTION_DISTANCE = 1.6;

/**
 * Announcements in the headset, where the page's live region cannot be seen: a caption that follows
 * the head with a gentle lag, low in the view so it does not cover what the viewer looks at.
 */
export function XRCaption({ text, belowSightDeg = 26, scale = 1 }: XRCaptionProps) {
  const group = useRef<Group>(null);
  // Drawn only in a headset: on screens the page's own text shows it, and each subtitle cue drawn
  // to a canvas here is main-thread time for nothing.
  const presenting = useXR((s) => s.session) !== undefined;
  const texture = useMemo(() => (text && presenting ? createLabelTexture(text, { width: 1024, height: 160, fontPx: 52 }) : null), [text, presenting]);
  useEffect(() => () => texture?.dispose(), [texture]);

  useFrame((state, delta) => {
    const g = group.current;
    if (!g) return;
    g.visible = texture !== null && state.gl.xr.isPresenting;
    if (!g.visible) return;
    const camera = state.camera;
    camera.getWorldDirection(_forward);
    const { yaw, pitch } = yawPitchOf(_forward, _look);
    unitVectorOf(yaw, Math.max(-80, pitch - belowSightDeg), _below);
    camera.getWorldPosition(_target);
    _target.x += _below.x * CAPTION_DISTANCE;
    _target.y += _below.y * CAPTION_DISTANCE;
    _target.z += _below.z * CAPTION_DISTANCE;
    // A gentle lag: the caption drifts after the head instead of being glued to it.
    g.position.lerp(_target, Math.min(1, delta * 3));
    camera.getWorldPosition(_forward);
    g.lookAt(_forward);
  });

  return (
    <group ref={group} visible={false} scale={scale}>
      {texture && (
        <mesh renderOrder={4} pointerEvents="none">
          <planeGeometry args={[0.9, 0.14]} />
          <meshBasicMaterial map={texture} transparent depthTest={false} toneMapped={false} />
        </mesh>
      )}
    </group>
  );
}

/** A small ring straight ahead in the headset: the head gaze used for dwell. */
export function XRReticle() {
  const group = useRef<Group>(null);
  useFrame((state) => {
    const g = group.current;
    if (!g) return;
    g.visible = state.gl.xr.isPresenting;
    if (!g.visible) return;
    state.camera.getWorldPosition(g.position);
    state.camera.getWorldQuaternion(g.quaternion);
    g.translateZ(-2);
  });
  return (
    <group ref={group} visible={false}>
      <mesh renderOrder={5} pointerEvents="none">
        <ringGeometry args={[0.012, 0.02, 32]} />
        <meshBasicMaterial color="#ffffff" transparent opacity={0.85} depthTest={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
