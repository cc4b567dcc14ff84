import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { type BufferGeometry, type Mesh, MeshBasicMaterial, type Texture } from 'three';
import { type BackdropLayout, type Eye, MONO_360, createBackdropGeometry, sameLayout } from './backdrop-geometry';
import { type TransitionFrame, type TransitionSpec, effectiveTransition, transitionFrame } from './transition';

export interface BackdropProps {
  /** The panorama or video frame to show, or null for a plain colour. */
  readonly texture: Texture | null;
  /** The plain colour, or with a texture the background behind a 180° picture. */
  readonly color: string;
  /** Which part of the texture each eye sees and how far around it reaches. @default mono 360° */
  readonly layout?: BackdropLayout;
  /** How to arrive when the picture changes (the arriving scene's transition). */
  readonly transition: TransitionSpec;
  /** A WebXR media layer shows the picture instead (layers bypass fades): the sphere steps aside. */
  readonly hidden?: boolean;
}

/** Radius of the sphere the scene is painted on; far enough that stereo parallax stays small. */
export const BACKDROP_RADIUS = 50;
const CUT: TransitionSpec = { type: 'cut', durationMs: 0, color: '#000000' };
/**
 * three's WebXRManager renders the left eye with layer 1 and the right eye with layer 2 enabled,
 * on top of the main camera's layers (0 on a screen): an eye's own picture must leave layer 0.
 */
const LEFT_EYE_LAYER = 1;
const RIGHT_EYE_LAYER = 2;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

const backdropMaterial = () => new MeshBasicMaterial({ depthWrite: false, toneMapped: false, transparent: true });

interface Picture {
  readonly texture: Texture | null;
  readonly color: string;
  readonly layout: BackdropLayout;
}

/** One picture on the sphere: a material pair (picture, background behind a 180° picture) and a mesh per eye. */
interface Slot {
  readonly materials: [MeshBasicMaterial, MeshBasicMaterial];
  picture: Picture | null;
}

/**
 * The scene around the viewer: an equirectangular picture on the inside of a sphere centred on the
 * head, its centre column at yaw 0 (straight ahead, -Z) and positive yaw to the right. Stereo
 * pictures give each eye its half in a headset and the left eye's on a screen; a 180° picture
 * covers the front half with the background colour behind. When the picture changes, the leaving
 * one stays behind the arriving one for the transition: a dissolve blends them, a fade veils and
 * unveils with a colour, in each eye alike. Materials and meshes are updated in place each frame,
 * with nothing allocated or parsed in the frame loop.
 */
export function Backdrop({ texture, color, layout = MONO_360, transition, hidden = false }: BackdropProps) {
  const arriving = useMemo<Slot>(() => ({ materials: [backdropMaterial(), backdropMaterial()], picture: null }), []);
  const leaving = useMemo<Slot>(() => ({ materials: [backdropMaterial(), backdropMaterial()], picture: null }), []);
  const veil = useMemo(() => new MeshBasicMaterial({ depthWrite: false, depthTest: false, toneMapped: false, transparent: true }), []);
  const geometries = useMemo(() => new GeometryCache(), []);
  const meshes = {
    leaving: { left: useRef<Mesh>(null), right: useRef<Mesh>(null) },
    arriving: { left: useRef<Mesh>(null), right: useRef<Mesh>(null) },
  };
  const veilMesh = useRef<Mesh>(null);
  const running = useRef<{ start: number; spec: TransitionSpec }>({ start: 0, spec: CUT });
  const frame = useMemo<TransitionFrame>(() => ({ arriving: 1, veil: 0 }), []);
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;

  useLayoutEffect(() => {
    const before = arriving.picture;
    const next: Picture = { texture, color, layout };
    if (before && (before.texture !== texture || before.color !== color || !sameLayout(before.layout, layout))) {
      paint(leaving, before);
      running.current = { start: performance.now(), spec: effectiveTransition(transition, reducedMotion()) };
      // The veil's colour is parsed once, when the transition starts, not in each of its frames.
      veil.color.set(running.current.spec.color);
    }
    paint(arriving, next);
    for (const [slot, refs] of [
      [leaving, meshes.leaving],
      [arriving, meshes.arriving],
    ] as const) {
      const picture = slot.picture ?? next;
      for (const eye of ['left', 'right'] as const) {
        const mesh = refs[eye].current;
        if (mesh) mesh.geometry = geometries.get(picture.layout, eye, isTopDown(picture.texture));
      }
    }
    geometries.keepOnly([leaving.picture ?? next, next].flatMap((p) => [geometries.keyOf(p.layout, 'left', isTopDown(p.texture)), geometries.keyOf(p.layout, 'right', isTopDown(p.texture))]));
    // The dependencies, on purpose: only the picture (a transition starts when it changes).
  }, [texture, color, layout.stereo, layout.span]);
  useLayoutEffect(
    () => () => {
      for (const m of [...arriving.materials, ...leaving.materials, veil]) m.dispose();
      geometries.dispose();
    },
    [arriving, leaving, veil, geometries],
  );

  useFrame((state) => {
    const { start, spec } = running.current;
    transitionFrame(spec.type, spec.durationMs > 0 ? (performance.now() - start) / spec.durationMs : 1, frame);
    arriving.materials[0].opacity = frame.arriving;
    arriving.materials[1].opacity = frame.arriving;
    veil.opacity = frame.veil;
    const shown = !hiddenRef.current;
    const presenting = state.gl.xr.isPresenting;
    showEyes(meshes.leaving, leaving.picture, shown && frame.arriving < 1, presenting);
    showEyes(meshes.arriving, arriving.picture, shown, presenting);
    if (veilMesh.current) veilMesh.current.visible = shown && frame.veil > 0;
    // Named on the canvas while it runs, for tests and for anyone inspecting the page.
    const active = frame.arriving < 1 || frame.veil > 0 ? spec.type : null;
    const canvas = state.gl.domElement;
    if ((canvas.dataset['transition'] ?? null) !== active) {
      if (active) canvas.dataset['transition'] = active;
      else delete canvas.dataset['transition'];
    }
  });

  // Geometries are set imperatively (per eye, layout and row order); the material pair paints group 0 and 1.
  return (
    <>
      <mesh ref={meshes.leaving.left} renderOrder={-3} material={leaving.materials} visible={false} pointerEvents="none" frustumCulled={false} />
      <mesh ref={meshes.leaving.right} renderOrder={-3} material={leaving.materials} visible={false} pointerEvents="none" frustumCulled={false} />
      <mesh ref={meshes.arriving.left} renderOrder={-2} material={arriving.materials} pointerEvents="none" frustumCulled={false} />
      <mesh ref={meshes.arriving.right} renderOrder={-2} material={arriving.materials} visible={false} pointerEvents="none" frustumCulled={false} />
      <mesh ref={veilMesh} renderOrder={0} material={veil} visible={false} pointerEvents="none">
        <sphereGeometry args={[BACKDROP_RADIUS * 0.9, 32, 16]} />
      </mesh>
    </>
  );
}

const isTopDown = (texture: Texture | null) => texture?.userData['topDown'] === true;

function paint(slot: Slot, picture: Picture): void {
  const [front, behind] = slot.materials;
  front.map = picture.texture;
  front.color.set(picture.texture ? '#ffffff' : picture.color);
  front.needsUpdate = true;
  behind.color.set(picture.color);
  slot.picture = picture;
}

/**
 * Mono pictures: the left-eye mesh, on layer 0, serves both eyes and the screen. Stereo in a
 * headset: each eye's mesh on that eye's layer only. Stereo on a screen: the left eye's, on layer 0.
 */
function showEyes(refs: Record<Eye, React.RefObject<Mesh | null>>, picture: Picture | null, visible: boolean, presenting: boolean): void {
  const left = refs.left.current;
  const right = refs.right.current;
  if (!left || !right) return;
  const perEye = presenting && picture !== null && picture.layout.stereo !== 'mono';
  left.visible = visible && picture !== null;
  left.layers.set(perEye ? LEFT_EYE_LAYER : 0);
  right.visible = visible && perEye;
  right.layers.set(RIGHT_EYE_LAYER);
}

/** Sphere geometries by layout, eye and row order; the ones no picture on show uses are disposed. */
class GeometryCache {
  private readonly geometries = new Map<string, BufferGeometry>();

  keyOf(layout: BackdropLayout, eye: Eye, topDown: boolean): string {
    // A mono picture shows the whole image to both eyes: one geometry serves both meshes.
    return `${layout.span}|${layout.stereo}|${layout.stereo === 'mono' ? 'left' : eye}|${topDown ? 'down' : 'up'}`;
  }

  get(layout: BackdropLayout, eye: Eye, topDown: boolean): BufferGeometry {
    const key = this.keyOf(layout, eye, topDown);
    let geometry = this.geometries.get(key);
    if (!geometry) {
      geometry = createBackdropGeometry({ radius: BACKDROP_RADIUS, layout, eye: layout.stereo === 'mono' ? 'left' : eye, topDown });
      this.geometries.set(key, geometry);
    }
    return geometry;
  }

  keepOnly(keys: readonly string[]): void {
    for (const [key, geometry] of this.geometries) {
      if (keys.includes(key)) continue;
      geometry.dispose();
      this.geometries.delete(key);
    }
  }

  dispose(): void {
    this.keepOnly([]);
  }
}
