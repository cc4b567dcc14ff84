import { useFrame, useThree } from '@react-three/fiber';
import { XROrigin, useXR } from '@react-three/xr';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { type Camera, type Group, Vector3 } from 'three';
import {
  type FloorPoint,
  SNAP_TURN_DEG,
  SQUEEZE_PRESSED,
  createFlickDetector,
  createLongPress,
  gazeAlignedRigYaw,
  recenterRigYaw,
  rigOriginFor,
  rotateByRig,
} from '../xr';
import { DEG, wrapYaw, yawPitchOf } from '../story';
import { cutMomentMs } from './arrival';
import { type TransitionSpec, effectiveTransition } from './transition';
import type { ScreenView } from './view';

/** What the rig needs of the scene on show. */
export interface RigScene {
  readonly id: string;
  readonly startYaw: number | undefined;
  readonly transition: TransitionSpec & { readonly align: 'world' | 'gaze' };
}

export interface ViewerRigProps {
  readonly scene: RigScene;
  /** The scene's media is on show (the cut to it happens from then). */
  readonly shown: boolean;
  readonly view: ScreenView;
  /**
   * The viewer was turned to face the scene's start direction (a cut, recentering, entering the
   * headset): choices on offer are placed again where they now look.
   */
  readonly onAligned: () => void;
}

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

const _forward = new Vector3();
const _look = { yaw: 0, pitch: 0 };
const _headWorld: FloorPoint = { x: 0, z: 0 };
const _headLocal: FloorPoint = { x: 0, z: 0 };
const _origin: FloorPoint = { x: 0, z: 0 };
const ROOM_CENTRE: FloorPoint = { x: 0, z: 0 };

/**
 * The viewer's rig: the XR origin (their tracked space), which comfort turns instead of the scene,
 * so hotspots and choices keep their world directions. In the headset: snap turns of 30° with
 * either thumbstick, recentering by holding a squeeze for a second, by the system's recenter
 * (the reference space's `reset`) and on entering, and gaze-aligned cuts. On screens: a cut to a
 * scene with a start direction turns the view to it. No motion is ever smooth or forced.
 */
export function ViewerRig({ scene, shown, view, onAligned }: ViewerRigProps) {
  const origin = useRef<Group>(null);
  const rig = useMemo(() => ({ yaw: 0, recenter: false, entered: false }), []);
  const gl = useThree((s) => s.gl);
  const session = useXR((s) => s.session);
  const referenceSpace = useXR((s) => s.originReferenceSpace);
  const alignedRef = useRef(onAligned);
  alignedRef.current = onAligned;
  // The frame loop only notes that the viewer was turned; React hears of it once the frame is
  // over (a microtask), so no React state is ever set inside the loop.
  const alignedPending = useRef(false);
  const announceAligned = useMemo(
    () => () => {
      alignedPending.current = false;
      alignedRef.current();
    },
    [],
  );
  const noteAligned = () => {
    if (alignedPending.current) return;
    alignedPending.current = true;
    queueMicrotask(announceAligned);
  };

  // Entering the headset lays the scene's start direction along the tracked space's forward (where
  // the headset was last recentered), whichever way the head turns at that moment; leaving it puts
  // the rig back.
  useEffect(() => {
    rig.entered = session !== undefined;
    if (!session) {
      rig.yaw = 0;
      delete gl.domElement.dataset['rigYaw'];
      origin.current?.position.set(0, 0, 0);
      origin.current?.rotation.set(0, 0, 0);
    }
  }, [session, rig, gl]);
  // The system's recenter (holding the headset's Meta button) resets the tracked space to where
  // the viewer faces now; the scene's start direction goes back in front of them with it.
  useEffect(() => {
    if (!referenceSpace) return;
    const onReset = () => (rig.recenter = true);
    referenceSpace.addEventListener('reset', onReset);
    return () => referenceSpace.removeEventListener('reset', onReset);
  }, [referenceSpace, rig]);

  // The scene arriving: its start direction takes effect at the moment its picture first shows.
  const arrival = useRef<{ at: number; startYaw: number | undefined; align: 'world' | 'gaze' } | null>(null);
  // A turn toward the last scene's hotspot ends when the story moves on (before the new scene's
  // "Look at" buttons can be pressed), not when the new picture shows.
  useLayoutEffect(() => {
    view.target = null;
  }, [scene.id, view]);
  useLayoutEffect(() => {
    if (!shown || view.arrivedAt === scene.id) return;
    const first = view.arrivedAt === null;
    view.arrivedAt = scene.id;
    const delay = first ? 0 : cutMomentMs(effectiveTransition(scene.transition, prefersReducedMotion()));
    arrival.current = { at: performance.now() + delay, startYaw: scene.startYaw, align: scene.transition.align };
  }, [shown, scene, view]);

  const flicks = useMemo(() => new Map<XRHandedness, ReturnType<typeof createFlickDetector>>(), []);
  const holds = useMemo(() => new Map<XRHandedness, ReturnType<typeof createLongPress>>(), []);

  useFrame((state, _delta, frame: XRFrame | undefined) => {
    const group = origin.current;
    if (!group) return;
    const now = performance.now();
    const presenting = state.gl.xr.isPresenting;
    const camera = state.camera;
    let aligned = false;

    const arriving = arrival.current;
    if (arriving && now >= arriving.at) {
      arrival.current = null;
      view.start = { yaw: arriving.startYaw ?? 0, pitch: 0 };
      // On screens, a scene with a start direction opens on it, as an editor's cut would; a "Look
      // at" pressed in this scene while its picture loaded still turns the view from there.
      if (arriving.startYaw !== undefined) {
        view.yaw = view.start.yaw;
        view.pitch = view.start.pitch;
      }
      if (presenting && arriving.align === 'gaze') {
        camera.getWorldDirection(_forward);
        const gaze = yawPitchOf(_forward, _look).yaw;
        turnRig(group, camera, state.gl.domElement, rig, gazeAlignedRigYaw(rig.yaw, view.start.yaw, gaze), false);
      }
      aligned = true;
    }
    if (!presenting) {
      if (aligned) noteAligned();
      return;
    }

    const sources = (frame?.session ?? session)?.inputSources;
    if (sources)
      for (const source of sources) {
        const pad = source.gamepad;
        if (!pad || source.hand) continue;
        const side = source.handedness;
        // xr-standard: axes 2 and 3 are the thumbstick, button 1 the squeeze.
        const x = pad.axes[2] ?? pad.axes[0] ?? 0;
        let flick = flicks.get(side);
        if (!flick) flicks.set(side, (flick = createFlickDetector()));
        const turn = flick(x);
        if (turn !== 0) turnRig(group, camera, state.gl.domElement, rig, wrapYaw(rig.yaw + turn * SNAP_TURN_DEG), false);
        let hold = holds.get(side);
        if (!hold) holds.set(side, (hold = createLongPress()));
        if (hold((pad.buttons[1]?.value ?? 0) >= SQUEEZE_PRESSED, now)) rig.recenter = true;
      }

    if (rig.entered) {
      rig.entered = false;
      placeRig(group, state.gl.domElement, rig, view.start.yaw, ROOM_CENTRE);
      aligned = true;
    }
    if (rig.recenter) {
      rig.recenter = false;
      turnRig(group, camera, state.gl.domElement, rig, recenterRigYaw(view.start.yaw, headYaw(camera)), true);
      aligned = true;
    }
    if (aligned) noteAligned();
  });

  return <XROrigin ref={origin} />;
}

/** The head's yaw in the tracked space (the XR camera's own pose, before the rig). */
function headYaw(camera: Camera): number {
  _forward.set(0, 0, -1).applyQuaternion(camera.quaternion);
  return yawPitchOf(_forward, _look).yaw;
}

/**
 * Turns the rig to `yaw`, pivoting on the head (it stays where it stands in the world), or, when
 * recentering, bringing the head back over the scene's centre, where the film was authored from.
 */
function turnRig(group: Group, camera: Camera, canvas: HTMLElement, rig: { yaw: number }, yaw: number, toCentre: boolean): void {
  _headLocal.x = camera.position.x;
  _headLocal.z = camera.position.z;
  if (toCentre) Object.assign(_headWorld, ROOM_CENTRE);
  else {
    rotateByRig(_headLocal, rig.yaw, _headWorld);
    _headWorld.x += group.position.x;
    _headWorld.z += group.position.z;
  }
  placeRig(group, canvas, rig, yaw, rigOriginFor(_headWorld, _headLocal, yaw, _origin));
}

/** Sets the rig's yaw and the origin's place on the floor. */
function placeRig(group: Group, canvas: HTMLElement, rig: { yaw: number }, yaw: number, origin: FloorPoint): void {
  rig.yaw = yaw;
  group.position.set(origin.x, 0, origin.z);
  group.rotation.set(0, -yaw * DEG, 0);
  // The gaze is measured this frame, after this: the head's world pose must already follow.
  group.updateMatrixWorld(true);
  // Named on the canvas, for tests and for anyone inspecting the page.
  canvas.dataset['rigYaw'] = String(Math.round(yaw));
}
