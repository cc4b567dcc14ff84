import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Group, Vector3 } from 'three';
import { createLabelTexture } from './label-texture';

export interface XRCaptionProps {
  /** The text to show, or null for none. */
  readonly text: string | null;
}

const _forward = new Vector3();
const _target = new Vector3();

/**
 * Announcements in the headset, where the page's live region cannot be seen: a caption that follows
 * the head with a gentle lag, low in the view so it does not cover what the viewer looks at.
 */
export function XRCaption({ text }: XRCaptionProps) {
  const group = useRef<Group>(null);
  const texture = useMemo(() => (text ? createLabelTexture(text, { width: 1024, height: 160, fontPx: 52 }) : null), [text]);
  useEffect(() => () => texture?.dispose(), [texture]);

  useFrame((state, delta) => {
    const g = group.current;
    if (!g) return;
    g.visible = texture !== null && state.gl.xr.isPresenting;
    if (!g.visible) return;
    const camera = state.camera;
    camera.getWorldDirection(_forward);
    _forward.y = 0;
    if (_forward.lengthSq() < 1e-6) _forward.set(0, 0, -1);
    _forward.normalize();
    camera.getWorldPosition(_target);
    _target.addScaledVector(_forward, 1.6);
    _target.y -= 0.45;
    g.position.lerp(_target, Math.min(1, delta * 3));
    camera.getWorldPosition(_forward);
    g.lookAt(_forward.x, g.position.y, _forward.z);
  });

  return (
    <group ref={group} visible={false}>
      {texture && (
        <mesh renderOrder={4}>
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
      <mesh renderOrder={5}>
        <ringGeometry args={[0.012, 0.02, 32]} />
        <meshBasicMaterial color="#ffffff" transparent opacity={0.85} depthTest={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
