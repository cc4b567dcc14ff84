import { type ThreeEvent, useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Group, type Intersection, Mesh, type Raycaster, Vector3 } from 'three';
import { unitVectorOf, yawPitchOf } from '../story';
import { facingHead } from './direction';
import { createLabelTexture } from './label-texture';

export interface XRMenuButton {
  readonly id: string;
  readonly label: string;
  readonly onSelect: () => void;
}

export interface XRMenuProps {
  readonly buttons: readonly XRMenuButton[];
}

/** The menu shows once the viewer looks this far down, and hides when they look back up past the second. */
export const MENU_SUMMON_PITCH = -35;
const MENU_DISMISS_PITCH = -20;
/** Where the menu sits: below the summoning gaze, close enough to reach with a ray. */
export const MENU_PITCH = -50;
export const MENU_DISTANCE = 1.2;
export const MENU_BUTTON_WIDTH = 0.32;
export const MENU_BUTTON_HEIGHT = MENU_BUTTON_WIDTH * 0.375;
export const MENU_BUTTON_GAP = 0.02;
/** Buttons per row: three stay within a comfortable glance at arm's length; more wrap below. */
export const MENU_COLUMNS = 3;

/**
 * Centre of button `index` in the menu's own plane, in metres: a grid of `MENU_COLUMNS` centred on
 * the menu's origin, rows going down, so a button keeps its place when buttons are added after it.
 */
export function menuButtonPlace(index: number): { x: number; y: number } {
  const column = index % MENU_COLUMNS;
  const row = Math.floor(index / MENU_COLUMNS);
  return { x: (column - (MENU_COLUMNS - 1) / 2) * (MENU_BUTTON_WIDTH + MENU_BUTTON_GAP), y: -row * (MENU_BUTTON_HEIGHT + MENU_BUTTON_GAP) };
}

const _forward = new Vector3();
const _head = new Vector3();
const _look = { yaw: 0, pitch: 0 };

/**
 * A gaze-summoned menu in the headset: look down and it appears at your feet, facing you, with the
 * player's controls (exit VR, pause, sound), selected with a controller or hand ray.
 */
export function XRMenu({ buttons }: XRMenuProps) {
  const group = useRef<Group>(null);
  const open = useRef(false);
  useFrame((state) => {
    const g = group.current;
    if (!g) return;
    if (!state.gl.xr.isPresenting) {
      open.current = false;
      g.visible = false;
      return;
    }
    state.camera.getWorldDirection(_forward);
    const { yaw, pitch } = yawPitchOf(_forward, _look);
    if (!open.current && pitch < MENU_SUMMON_PITCH) {
      open.current = true;
      // Placed once, where the viewer looked down, so it stays put while they aim at it.
      state.camera.getWorldPosition(_head);
      const d = unitVectorOf(yaw, MENU_PITCH);
      g.position.set(_head.x + d.x * MENU_DISTANCE, _head.y + d.y * MENU_DISTANCE, _head.z + d.z * MENU_DISTANCE);
      g.rotation.set(...facingHead(yaw, MENU_PITCH));
    } else if (open.current && pitch > MENU_DISMISS_PITCH) open.current = false;
    g.visible = open.current;
  });
  return (
    <group ref={group} visible={false}>
      {buttons.map((b, i) => (
        <MenuButton key={b.id} button={b} place={menuButtonPlace(i)} />
      ))}
    </group>
  );
}

function MenuButton({ button, place }: { button: XRMenuButton; place: { x: number; y: number } }) {
  const texture = useMemo(() => createLabelTexture(button.label, { width: 512, height: 192, fontPx: 56 }), [button.label]);
  useEffect(() => () => texture.dispose(), [texture]);
  const select = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    button.onSelect();
  };
  return (
    <mesh position={[place.x, place.y, 0]} name={`menu:${button.id}`} onClick={select} raycast={raycastWhenShown} renderOrder={6}>
      <planeGeometry args={[MENU_BUTTON_WIDTH, MENU_BUTTON_HEIGHT]} />
      <meshBasicMaterial map={texture} transparent depthTest={false} toneMapped={false} />
    </mesh>
  );
}

/**
 * three's raycaster ignores visibility, and the closed menu rests at the origin (where a screen's
 * camera is): without this, a tap or click on a screen could land on a hidden button.
 */
function raycastWhenShown(this: Mesh, raycaster: Raycaster, hits: Intersection[]): void {
  if (this.parent?.visible) Mesh.prototype.raycast.call(this, raycaster, hits);
}
