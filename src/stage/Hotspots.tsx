import { useFrame } from '@react-three/fiber';
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { type Mesh, ShaderMaterial } from 'three';
import type { GazeTracker } from './gaze';
import { type Point, unitVectorOf } from '../story';
import { facingHead } from './direction';
import { createLabelTexture } from './label-texture';

export interface HotspotMark {
  readonly id: string;
  readonly yaw: number;
  readonly pitch: number;
  readonly radius: number;
  /** A 3D hotspot: its point (metres, scene space) and radius in metres. */
  readonly at?: { readonly position: Point; readonly radiusMetres: number } | undefined;
  /** What the viewer sees there, in their language (shown under the ring when outlined). */
  readonly label?: string | undefined;
}

export interface HotspotsProps {
  readonly hotspots: readonly HotspotMark[];
  readonly tracker: GazeTracker;
  /** Index of the first hotspot among the tracker's targets. */
  readonly firstTarget: number;
  /**
   * Which rings to draw: 'head', hotspots at a direction, on a sphere around the head (render
   * inside the group that follows the head); 'world', hotspots at a 3D point (render inside the
   * group of world content, floor at y = 0). @default 'head'
   */
  readonly place?: 'head' | 'world';
  /** Author previews (`?hotspots=1`): every ring always shown, with its label. @default false */
  readonly outlined?: boolean | undefined;
}

const DISTANCE = 10;
/** 3D rings are turned to the camera each frame instead. */
const NO_ROTATION = [0, 0, 0] as const;

/**
 * Hotspots are invisible until looked at; then a faint ring marks the region and an arc fills with
 * the dwell. Uniforms are written each frame from the gaze tracker, never through React state.
 */
export function Hotspots({ hotspots, tracker, firstTarget, place = 'head', outlined = false }: HotspotsProps) {
  return (
    <>
      {hotspots.map((h, i) =>
        (place === 'world') !== (h.at !== undefined) ? null : (
          <Fragment key={h.id}>
            <HotspotRing hotspot={h} tracker={tracker} index={firstTarget + i} outlined={outlined} />
            {outlined && h.label && <HotspotLabel hotspot={h} label={h.label} />}
          </Fragment>
        ),
      )}
    </>
  );
}

function HotspotRing({ hotspot, tracker, index, outlined }: { hotspot: HotspotMark; tracker: GazeTracker; index: number; outlined: boolean }) {
  const mesh = useRef<Mesh>(null);
  const material = useMemo(() => createRingMaterial(), []);
  useEffect(() => () => material.dispose(), [material]);
  const { at } = hotspot;
  const position = useMemo(() => {
    if (at) return [at.position.x, at.position.y, at.position.z] as const;
    const d = unitVectorOf(hotspot.yaw, hotspot.pitch);
    return [d.x * DISTANCE, d.y * DISTANCE, d.z * DISTANCE] as const;
  }, [hotspot.yaw, hotspot.pitch, at]);
  // A 3D ring is as wide as its sphere in metres; a ring on the sphere covers its angle from the head.
  const size = at ? 2 * at.radiusMetres : 2 * DISTANCE * Math.tan((Math.min(hotspot.radius, 60) * Math.PI) / 180);

  useFrame((state, delta) => {
    // A 3D ring turns to face the viewer (world content is never rotated, so the camera's world
    // orientation is the one to copy).
    if (at && mesh.current) state.camera.getWorldQuaternion(mesh.current.quaternion);
    const looked = tracker.lookedAt(index);
    const u = material.uniforms;
    const highlight = u['uHighlight']!;
    // Fade in quickly when looked at, out slowly, so the ring never flickers at the edge.
    highlight.value += ((looked || outlined ? 1 : 0) - highlight.value) * Math.min(1, delta * (looked ? 10 : 3));
    if (outlined) highlight.value = 1;
    u['uProgress']!.value = tracker.progress(index);
    u['uDone']!.value = tracker.fired(index) ? 1 : 0;
    if (mesh.current) mesh.current.visible = highlight.value > 0.01;
  });

  const rotation = useMemo(() => (at ? NO_ROTATION : facingHead(hotspot.yaw, hotspot.pitch)), [at, hotspot.yaw, hotspot.pitch]);
  // A ring on the sphere never moves in the group that carries it: its matrix is made once, not
  // recomposed every frame (with 50 hotspots that was a sixth of the stage's frame time).
  const still = !at;
  useLayoutEffect(() => {
    if (still) mesh.current?.updateMatrix();
  }, [still, position, rotation, size]);

  return (
    <mesh ref={mesh} position={position} rotation={rotation} matrixAutoUpdate={!still} material={material} renderOrder={1} visible={false} pointerEvents="none">
      <planeGeometry args={[size, size]} />
    </mesh>
  );
}

const LABEL = { width: 640, height: 128, fontPx: 52 } as const;
/** A label under an angular ring spans about 18° at the ring's distance; a 3D one a metre. */
const LABEL_WIDTH_ON_SPHERE = 3.2;
const LABEL_WIDTH_3D = 1;

/** An outlined hotspot's label, under its ring, facing the viewer. */
function HotspotLabel({ hotspot, label }: { hotspot: HotspotMark; label: string }) {
  const mesh = useRef<Mesh>(null);
  const texture = useMemo(() => createLabelTexture(label, LABEL), [label]);
  useEffect(() => () => texture.dispose(), [texture]);
  const { at } = hotspot;
  const width = at ? LABEL_WIDTH_3D : LABEL_WIDTH_ON_SPHERE;
  const height = (width * LABEL.height) / LABEL.width;
  const pitch = hotspot.pitch - Math.min(hotspot.radius, 60) - 2.5;
  const position = useMemo(() => {
    if (at) return [at.position.x, at.position.y - at.radiusMetres - height, at.position.z] as const;
    const d = unitVectorOf(hotspot.yaw, pitch);
    return [d.x * DISTANCE, d.y * DISTANCE, d.z * DISTANCE] as const;
  }, [hotspot.yaw, pitch, at, height]);
  useFrame((state) => {
    if (at && mesh.current) state.camera.getWorldQuaternion(mesh.current.quaternion);
  });
  return (
    <mesh ref={mesh} position={position} rotation={at ? NO_ROTATION : facingHead(hotspot.yaw, pitch)} renderOrder={1} pointerEvents="none" raycast={() => {}}>
      <planeGeometry args={[width, height]} />
      <meshBasicMaterial map={texture} transparent depthTest={false} depthWrite={false} toneMapped={false} />
    </mesh>
  );
}

function createRingMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    transparent: true,
    depthWrite: false,
    depthTest: false,
    uniforms: { uHighlight: { value: 0 }, uProgress: { value: 0 }, uDone: { value: 0 } },
    vertexShader: /* glsl */ `
      varying vec2 vUv;
      void main() { vUv = uv; gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }`,
    fragmentShader: /* glsl */ `
      varying vec2 vUv;
      uniform float uHighlight, uProgress, uDone;
      const float PI = 3.14159265;
      void main() {
        vec2 p = vUv * 2.0 - 1.0;
        float r = length(p);
        float edge = fwidth(r) * 1.5;
        // The region: a thin soft outline.
        float outline = smoothstep(0.86 - edge, 0.86, r) * (1.0 - smoothstep(0.9, 0.9 + edge, r));
        float glow = exp(-pow((r - 0.88) * 9.0, 2.0)) * 0.35;
        // Dwell progress: an arc filling clockwise from the top.
        float angle = mod(atan(p.x, p.y) + 2.0 * PI, 2.0 * PI) / (2.0 * PI);
        float band = smoothstep(0.72 - edge, 0.72, r) * (1.0 - smoothstep(0.8, 0.8 + edge, r));
        float arc = band * step(angle, uProgress) * step(0.001, uProgress);
        vec3 color = mix(vec3(1.0, 0.97, 0.88), vec3(1.0, 0.78, 0.35), uDone);
        float alpha = (outline * 0.8 + glow + arc) * uHighlight;
        gl_FragColor = vec4(color, clamp(alpha, 0.0, 1.0));
      }`,
  });
}
