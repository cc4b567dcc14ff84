import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { DEG, wrapYaw, yawDelta } from '../story';
import type { MagicWindow } from './magic-window';
import { type ScreenView, clampPitch, recenterView } from './view';

/** The mouse or pen pointer while it hovers the canvas, in normalised device coordinates. */
export interface HoverPointer {
  active: boolean;
  x: number;
  y: number;
}

export interface ScreenLookProps {
  readonly view: ScreenView;
  readonly hover: HoverPointer;
  /** The phone's orientation, when the viewer turned "move your phone to look around" on. */
  readonly magic: MagicWindow;
}

const KEY_TURN_DEG_PER_S = 90;
const TURN_TO_TARGET_PER_S = 5;

/**
 * Plain-screen looking: drag (mouse or touch) to look around, arrow keys to turn, R to recenter on
 * the scene's start direction, smooth turns toward "Look at" targets, and on phones the phone's own
 * movement (magic window), with drags adding to its yaw. Writes the camera rotation directly each
 * frame; inactive in XR, where the headset owns the camera.
 */
export function ScreenLook({ view, hover, magic }: ScreenLookProps) {
  const gl = useThree((s) => s.gl);
  const keys = useLookKeys(view);
  // The phone's yaw at the last reading used: the view turns by its changes, so drags, cuts and
  // recentering (which set the view's yaw) compose with it.
  const phone = useMemo(() => ({ yaw: null as number | null, count: -1 }), []);

  useEffect(() => {
    const canvas = gl.domElement;
    let drag: { id: number; x: number; y: number } | null = null;
    const degreesPerPixel = () => 75 / Math.max(canvas.clientHeight, 1);
    const onDown = (e: PointerEvent) => {
      drag = { id: e.pointerId, x: e.clientX, y: e.clientY };
      view.target = null;
    };
    const onMove = (e: PointerEvent) => {
      const rect = canvas.getBoundingClientRect();
      hover.x = ((e.clientX - rect.left) / rect.width) * 2 - 1;
      hover.y = -((e.clientY - rect.top) / rect.height) * 2 + 1;
      hover.active = e.pointerType !== 'touch' && drag === null;
      if (!drag || drag.id !== e.pointerId) return;
      const k = degreesPerPixel();
      // Dragging moves the world with the pointer, as in every 360° viewer.
      view.yaw -= (e.clientX - drag.x) * k;
      // Following the phone, its tilt owns the pitch: a drag only adds yaw.
      if (!magic.enabled) view.pitch = clampPitch(view.pitch + (e.clientY - drag.y) * k);
      drag.x = e.clientX;
      drag.y = e.clientY;
    };
    const onUp = (e: PointerEvent) => {
      if (drag?.id === e.pointerId) drag = null;
    };
    const onLeave = () => {
      hover.active = false;
    };
    canvas.addEventListener('pointerdown', onDown);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onUp);
    canvas.addEventListener('pointerleave', onLeave);
    canvas.style.touchAction = 'none';
    return () => {
      canvas.removeEventListener('pointerdown', onDown);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onUp);
      canvas.removeEventListener('pointerleave', onLeave);
    };
  }, [gl, view, hover, magic]);

  useFrame((state, delta) => {
    if (state.gl.xr.isPresenting) return;
    const step = Math.min(delta, 0.1);
    if (keys.left !== keys.right || keys.up !== keys.down) view.target = null;
    view.yaw += ((keys.right ? 1 : 0) - (keys.left ? 1 : 0)) * KEY_TURN_DEG_PER_S * step;
    view.pitch = clampPitch(view.pitch + ((keys.up ? 1 : 0) - (keys.down ? 1 : 0)) * KEY_TURN_DEG_PER_S * step);
    const reading = magic.enabled ? magic.reading : null;
    if (reading) {
      if (phone.count !== magic.readingCount) {
        if (phone.yaw !== null) view.yaw += yawDelta(phone.yaw, reading.yaw);
        phone.yaw = reading.yaw;
        phone.count = magic.readingCount;
      }
      view.pitch = clampPitch(reading.pitch);
      view.roll = reading.roll;
    } else {
      phone.yaw = null;
      view.roll = 0;
    }
    if (view.target) {
      const t = 1 - Math.exp(-TURN_TO_TARGET_PER_S * step);
      const dy = yawDelta(view.yaw, view.target.yaw);
      const dp = reading ? 0 : view.target.pitch - view.pitch;
      view.yaw += dy * t;
      view.pitch += dp * t;
      if (Math.abs(dy) < 0.05 && Math.abs(dp) < 0.05) {
        view.yaw = view.target.yaw;
        if (!reading) view.pitch = view.target.pitch;
        view.target = null;
      }
    }
    view.yaw = wrapYaw(view.yaw);
    // three's camera looks down -Z; turning right (positive yaw) is a negative rotation about +Y.
    state.camera.rotation.set(view.pitch * DEG, -view.yaw * DEG, view.roll * DEG, 'YXZ');
  });
  return null;
}

/** Arrow keys held (read each frame), and R, which recenters at once. */
function useLookKeys(view: ScreenView) {
  const keys = useMemo(() => ({ left: false, right: false, up: false, down: false }), []);
  useEffect(() => {
    const set = (e: KeyboardEvent, down: boolean) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
      if ((e.key === 'r' || e.key === 'R') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (down && !e.repeat) recenterView(view);
        return;
      }
      const name = ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const)[e.key as 'ArrowLeft'];
      if (!name) return;
      keys[name] = down;
      e.preventDefault();
    };
    const onDown = (e: KeyboardEvent) => set(e, true);
    const onUp = (e: KeyboardEvent) => set(e, false);
    const onBlur = () => Object.assign(keys, { left: false, right: false, up: false, down: false });
    window.addEventListener('keydown', onDown);
    window.addEventListener('keyup', onUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onDown);
      window.removeEventListener('keyup', onUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [keys, view]);
  return keys;
}
