import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { BackSide, type Mesh, MeshBasicMaterial, type Texture } from 'three';
import { type TransitionSpec, effectiveTransition, transitionFrame } from './transition';

export interface BackdropProps {
  /** The panorama or video frame to show, or null for a plain colour. */
  readonly texture: Texture | null;
  readonly color: string;
  /** How to arrive when the picture changes (the arriving scene's transition). */
  readonly transition: TransitionSpec;
}

/** Radius of the sphere the scene is painted on; far enough that stereo parallax stays small. */
export const BACKDROP_RADIUS = 50;
const CUT: TransitionSpec = { type: 'cut', durationMs: 0, color: '#000000' };

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

const pictureMaterial = () => new MeshBasicMaterial({ side: BackSide, depthWrite: false, toneMapped: false, transparent: true });

/**
 * The scene around the viewer: an equirectangular picture on the inside of a sphere centred on the
 * head, its centre column at yaw 0 (straight ahead, -Z) and positive yaw to the right. When the
 * picture changes, the leaving one stays behind the arriving one for the transition: a dissolve
 * blends them, a fade veils and unveils with a colour. Materials are updated in place each frame.
 */
export function Backdrop({ texture, color, transition }: BackdropProps) {
  const arriving = useMemo(pictureMaterial, []);
  const leaving = useMemo(pictureMaterial, []);
  const veil = useMemo(() => new MeshBasicMaterial({ side: BackSide, depthWrite: false, depthTest: false, toneMapped: false, transparent: true }), []);
  const leavingMesh = useRef<Mesh>(null);
  const veilMesh = useRef<Mesh>(null);
  const shown = useRef<{ texture: Texture | null; color: string } | null>(null);
  const running = useRef<{ start: number; spec: TransitionSpec }>({ start: 0, spec: CUT });

  useLayoutEffect(() => {
    const before = shown.current;
    if (before && (before.texture !== texture || before.color !== color)) {
      paint(leaving, before.texture, before.color);
      running.current = { start: performance.now(), spec: effectiveTransition(transition, reducedMotion()) };
    }
    paint(arriving, texture, color);
    shown.current = { texture, color };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a transition starts when the picture changes
  }, [texture, color]);
  useLayoutEffect(
    () => () => {
      arriving.dispose();
      leaving.dispose();
      veil.dispose();
    },
    [arriving, leaving, veil],
  );

  useFrame((state) => {
    const { start, spec } = running.current;
    const frame = transitionFrame(spec.type, spec.durationMs > 0 ? (performance.now() - start) / spec.durationMs : 1);
    arriving.opacity = frame.arriving;
    veil.opacity = frame.veil;
    veil.color.set(spec.color);
    if (leavingMesh.current) leavingMesh.current.visible = frame.arriving < 1;
    if (veilMesh.current) veilMesh.current.visible = frame.veil > 0;
    // Named on the canvas while it runs, for tests and for anyone inspecting the page.
    const active = frame.arriving < 1 || frame.veil > 0 ? spec.type : null;
    const canvas = state.gl.domElement;
    if ((canvas.dataset['transition'] ?? null) !== active) {
      if (active) canvas.dataset['transition'] = active;
      else delete canvas.dataset['transition'];
    }
  });

  // Mirroring x shows the image unflipped from inside; the quarter turn puts its centre column at -Z.
  return (
    <>
      <mesh ref={leavingMesh} scale={[-1, 1, 1]} rotation={[0, -Math.PI / 2, 0]} renderOrder={-3} material={leaving} visible={false} pointerEvents="none">
        <sphereGeometry args={[BACKDROP_RADIUS, 96, 48]} />
      </mesh>
      <mesh scale={[-1, 1, 1]} rotation={[0, -Math.PI / 2, 0]} renderOrder={-2} material={arriving} pointerEvents="none">
        <sphereGeometry args={[BACKDROP_RADIUS, 96, 48]} />
      </mesh>
      <mesh ref={veilMesh} renderOrder={0} material={veil} visible={false} pointerEvents="none">
        <sphereGeometry args={[BACKDROP_RADIUS * 0.9, 32, 16]} />
      </mesh>
    </>
  );
}

function paint(material: MeshBasicMaterial, texture: Texture | null, color: string): void {
  material.map = texture;
  material.color.set(texture ? '#ffffff' : color);
  material.needsUpdate = true;
}
