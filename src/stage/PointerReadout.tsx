import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { type Camera, Raycaster, Vector2 } from 'three';
import { type YawPitch, yawPitchOf } from '../story';
import type { HoverPointer } from './ScreenLook';

export interface PointerReadoutProps {
  /** The mouse over the canvas, as ScreenLook keeps it. */
  readonly hover: HoverPointer;
}

const _ndc = new Vector2();
const _raycaster = new Raycaster();
const _aim = { yaw: 0, pitch: 0 };

/**
 * The yaw and pitch (the film's degrees, as hotspots give them) of what a point of the screen
 * shows: `x`, `y` in normalised device coordinates (-1..1, y up). The camera's world matrix must be
 * current. On screens the scene is not turned, so world directions are the scene's own.
 */
export function yawPitchAtScreenPoint(camera: Camera, x: number, y: number, out: YawPitch = { yaw: 0, pitch: 0 }): YawPitch {
  _ndc.set(x, y);
  _raycaster.setFromCamera(_ndc, camera);
  return yawPitchOf(_raycaster.ray.direction, out);
}

const tenths = (v: number) => Math.round(v * 10) / 10;
const OFFSET_PX = 16;

/**
 * For authors placing hotspots (`?hotspots=1`): a small label beside the mouse giving the yaw and
 * pitch it points at. Read from the camera each frame, written to the DOM only when the numbers or
 * the place change; hidden while the mouse is away, dragging, or the viewer is in a headset.
 */
export function PointerReadout({ hover }: PointerReadoutProps) {
  const gl = useThree((s) => s.gl);
  const label = useMemo(() => {
    const el = document.createElement('output');
    el.className = 'pointer-readout';
    el.hidden = true;
    el.setAttribute('aria-hidden', 'true');
    Object.assign(el.style, {
      position: 'absolute', left: '0', top: '0', pointerEvents: 'none', zIndex: '1', padding: '2px 6px', borderRadius: '4px',
      font: '12px/1.4 ui-monospace, monospace', color: '#fff', background: 'rgba(0, 0, 0, 0.7)', whiteSpace: 'nowrap',
    });
    return el;
  }, []);
  const shown = useMemo(() => ({ visible: false, yaw: NaN, pitch: NaN, x: NaN, y: NaN }), []);

  useEffect(() => {
    gl.domElement.parentElement?.append(label);
    return () => label.remove();
  }, [gl, label]);

  useFrame((state) => {
    const visible = hover.active && !state.gl.xr.isPresenting;
    if (visible !== shown.visible) {
      shown.visible = visible;
      label.hidden = !visible;
    }
    if (!visible) return;
    state.camera.updateMatrixWorld();
    yawPitchAtScreenPoint(state.camera, hover.x, hover.y, _aim);
    // Yaws are in [-180, 180); rounding may reach 180, which the film spells -180 (see wrapYaw).
    const rounded = tenths(_aim.yaw);
    const yaw = rounded === 180 ? -180 : rounded;
    const pitch = tenths(_aim.pitch);
    if (yaw !== shown.yaw || pitch !== shown.pitch) {
      shown.yaw = yaw;
      shown.pitch = pitch;
      label.textContent = `yaw ${yaw.toFixed(1)}°  pitch ${pitch.toFixed(1)}°`;
      label.dataset['yaw'] = String(yaw);
      label.dataset['pitch'] = String(pitch);
    }
    // Beside the pointer, on the side with room.
    const { width, height } = state.size;
    const px = ((hover.x + 1) / 2) * width;
    const py = ((1 - hover.y) / 2) * height;
    const x = Math.round(px > width - 180 ? px - OFFSET_PX - label.offsetWidth : px + OFFSET_PX);
    const y = Math.round(py > height - 40 ? py - OFFSET_PX - label.offsetHeight : py + OFFSET_PX);
    if (x !== shown.x || y !== shown.y) {
      shown.x = x;
      shown.y = y;
      label.style.transform = `translate(${x}px, ${y}px)`;
    }
  });
  return null;
}
