import { BackSide, type Texture } from 'three';

export interface BackdropProps {
  /** The panorama to show, or null for a plain colour. */
  readonly texture: Texture | null;
  readonly color: string;
}

/** Radius of the sphere the scene is painted on; far enough that stereo parallax stays small. */
export const BACKDROP_RADIUS = 50;

/**
 * The scene around the viewer: an equirectangular image on the inside of a sphere centred on the
 * head, its centre column at yaw 0 (straight ahead, -Z) and positive yaw to the right.
 */
export function Backdrop({ texture, color }: BackdropProps) {
  return (
    // Mirroring x shows the image unflipped from inside; the quarter turn puts its centre column at -Z.
    <mesh scale={[-1, 1, 1]} rotation={[0, -Math.PI / 2, 0]} renderOrder={-1} pointerEvents="none">
      <sphereGeometry args={[BACKDROP_RADIUS, 96, 48]} />
      {texture ? (
        <meshBasicMaterial key="image" map={texture} side={BackSide} depthWrite={false} toneMapped={false} />
      ) : (
        <meshBasicMaterial key="color" color={color} side={BackSide} depthWrite={false} toneMapped={false} />
      )}
    </mesh>
  );
}
