import { useEffect, useMemo } from 'react';
import { CanvasTexture, SRGBColorSpace } from 'three';

const noRaycast = () => {};

/**
 * Never drawn: one mesh for each kind of material that appears only later in a scene (a choice
 * panel with its text, its lit frame, the headset's captions and menu), so `usePrecompile` has
 * their programs linked before the first of them shows. The materials match theirs in everything
 * that picks a program (a map or not, transparent or opaque, tone mapping); colours, opacity and depth test do not.
 */
export function ProgramWarmup() {
  const texture = useMemo(() => {
    const t = new CanvasTexture(document.createElement('canvas'));
    t.colorSpace = SRGBColorSpace;
    return t;
  }, []);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <group name="program-warmup" visible={false}>
      <mesh raycast={noRaycast}>
        <planeGeometry args={[0.01, 0.01]} />
        <meshBasicMaterial map={texture} transparent depthTest={false} toneMapped={false} />
      </mesh>
      <mesh raycast={noRaycast}>
        <planeGeometry args={[0.01, 0.01]} />
        <meshBasicMaterial color="#ffffff" transparent depthTest={false} toneMapped={false} />
      </mesh>
      <mesh raycast={noRaycast}>
        <planeGeometry args={[0.01, 0.01]} />
        <meshBasicMaterial color="#ffffff" depthTest={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
