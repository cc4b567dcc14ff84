import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  AdditiveBlending,
  CanvasTexture,
  Color,
  type Group,
  LatheGeometry,
  MeshBasicMaterial,
  MeshPhysicalMaterial,
  SRGBColorSpace,
  Sprite,
  SpriteMaterial,
  Vector2,
  Vector3,
} from 'three';
import {
  CRYSTAL_BELOW_DEG,
  CRYSTAL_DISTANCE,
  type FollowState,
  type RGBOut,
  crystalColour,
  crystalPlacement,
  easeMix,
  followYaw,
} from './crystal';
import { unitVectorOf, yawPitchOf } from '../story';
import { cameraHorizontalFov } from './direction';

export interface MemoryCrystalProps {
  /** Where the story's value puts the crystal, from blue (0) to red (1); the shown colour eases there. */
  readonly mix: number;
  /** Bumped when the viewer is turned to a scene's start direction: the crystal is placed there at once. */
  readonly aligned: number;
}

/** Radians per second the crystal turns about its axis (still for viewers who ask for reduced motion). */
const SPIN = 0.3;
const HALO_SIZE = 0.38;
/** Objects that never take part in raycasts: not gaze, not the controllers' rays, not clicks. */
const noRaycast = () => {};

const _forward = new Vector3();
const _look = { yaw: 0, pitch: 0 };
const _place = { x: 0, y: 0, z: -1 };
const _rgb: RGBOut = { r: 0, g: 0, b: 0 };
const _white = new Color(1, 1, 1);

/**
 * The memory crystal: a faceted glowing crystal held low to the left of the view, blue (reason)
 * turning red (desire) as the story's value moves. Body-locked with a lazy follow of the view's
 * yaw, so it never sits on what the viewer looks at. Rendered inside the group that follows the
 * head. Colour, spin and place are written each frame, never through React state.
 */
export function MemoryCrystal({ mix, aligned }: MemoryCrystalProps) {
  const group = useRef<Group>(null);
  const body = useRef<Group>(null);
  const gl = useThree((s) => s.gl);
  const size = useThree((s) => s.size);
  const camera = useThree((s) => s.camera);
  const parts = useMemo(createCrystalParts, []);
  useEffect(() => () => parts.dispose(), [parts]);
  const screen = useMemo(() => crystalPlacement(cameraHorizontalFov(camera, size.width / Math.max(1, size.height))), [camera, size]);
  const headset = useMemo(() => crystalPlacement(null), []);
  const motion = useMemo(() => ({ still: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches }), []);
  const state = useMemo(() => ({ follow: { yaw: 0, following: false } as FollowState, placed: false, shown: mix, target: mix }), []);
  state.target = mix;

  // Tests and tools read where the crystal is heading (not each eased frame).
  useEffect(() => {
    gl.domElement.dataset['crystal'] = mix.toFixed(2);
  }, [gl, mix]);
  useEffect(
    () => () => {
      delete gl.domElement.dataset['crystal'];
      delete gl.domElement.dataset['crystalPlaced'];
    },
    [gl],
  );
  // A cut or recentering turns the view: the crystal is there at once, not swinging after it.
  useEffect(() => {
    state.placed = false;
  }, [aligned, state]);

  useFrame((frame, delta) => {
    const g = group.current;
    if (!g) return;
    frame.camera.getWorldDirection(_forward);
    const viewYaw = yawPitchOf(_forward, _look).yaw;
    const place = frame.gl.xr.isPresenting ? headset : screen;
    if (!state.placed) {
      state.follow.yaw = viewYaw;
      state.follow.following = false;
      state.placed = true;
      // Tests wait for this before turning the head: a placement after their turn would rest it there.
      frame.gl.domElement.dataset['crystalPlaced'] = frame.gl.xr.isPresenting ? 'headset' : 'screen';
    } else followYaw(state.follow, viewYaw, place.followBeyondDeg, delta);
    unitVectorOf(state.follow.yaw - place.leftDeg, -CRYSTAL_BELOW_DEG, _place);
    g.position.set(_place.x * CRYSTAL_DISTANCE, _place.y * CRYSTAL_DISTANCE, _place.z * CRYSTAL_DISTANCE);
    if (body.current && !motion.still) body.current.rotation.y += delta * SPIN;

    state.shown = easeMix(state.shown, state.target, delta);
    crystalColour(state.shown, _rgb);
    parts.shell.color.setRGB(_rgb.r, _rgb.g, _rgb.b, SRGBColorSpace);
    parts.shell.emissive.copy(parts.shell.color);
    parts.core.color.copy(parts.shell.color).lerp(_white, 0.45);
    parts.halo.color.copy(parts.shell.color);
  });

  return (
    <group ref={group} name="memory-crystal">
      <group ref={body} rotation-z={0.12}>
        <mesh geometry={parts.geometry} material={parts.shell} renderOrder={1.6} raycast={noRaycast} pointerEvents="none" />
        <mesh geometry={parts.geometry} material={parts.core} scale={0.5} renderOrder={1.5} raycast={noRaycast} pointerEvents="none" />
      </group>
      <primitive object={parts.haloSprite} />
    </group>
  );
}

/** A hexagonal crystal: a short prism with pointed ends, lathed with six sides (flat-shaded facets). */
function crystalGeometry(): LatheGeometry {
  const outline = [new Vector2(0, -0.09), new Vector2(0.036, -0.038), new Vector2(0.04, 0.026), new Vector2(0, 0.082)];
  return new LatheGeometry(outline, 6);
}

function createCrystalParts() {
  const geometry = crystalGeometry();
  const shell = new MeshPhysicalMaterial({
    flatShading: true,
    roughness: 0.12,
    metalness: 0.05,
    clearcoat: 1,
    clearcoatRoughness: 0.08,
    emissiveIntensity: 0.55,
    transparent: true,
    opacity: 0.82,
    toneMapped: false,
  });
  // The light inside: an unlit, paler core seen through the shell.
  const core = new MeshBasicMaterial({ transparent: true, opacity: 0.9, toneMapped: false, depthWrite: false });
  const glow = haloTexture();
  const halo = new SpriteMaterial({ map: glow, blending: AdditiveBlending, transparent: true, depthWrite: false, toneMapped: false, opacity: 0.8 });
  const haloSprite = new Sprite(halo);
  haloSprite.scale.setScalar(HALO_SIZE);
  haloSprite.renderOrder = 1.4;
  haloSprite.raycast = noRaycast;
  return {
    geometry,
    shell,
    core,
    halo,
    haloSprite,
    dispose() {
      geometry.dispose();
      shell.dispose();
      core.dispose();
      halo.dispose();
      glow.dispose();
    },
  };
}

/** A soft round glow, white (the sprite's colour tints it), fading to nothing at the edge. */
function haloTexture(): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 128;
  const ctx = canvas.getContext('2d');
  if (ctx) {
    const gradient = ctx.createRadialGradient(64, 64, 0, 64, 64, 64);
    gradient.addColorStop(0, 'rgba(255,255,255,0.9)');
    gradient.addColorStop(0.25, 'rgba(255,255,255,0.45)');
    gradient.addColorStop(0.6, 'rgba(255,255,255,0.12)');
    gradient.addColorStop(1, 'rgba(255,255,255,0)');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 128, 128);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}
