import { Canvas, useFrame } from '@react-three/fiber';
import { XR } from '@react-three/xr';
import type { ReactNode } from 'react';
import { Vector3 } from 'three';
import { yawPitchOf } from '../story';
import type { PlayerXRStore } from '../xr';
import { RendererStats } from './RendererStats';

/**
 * Where the viewer's head points and when a frame was last drawn, written every frame without
 * allocating: a kiosk reads it a few times a second (viewing records, whether a visitor is there,
 * its watchdog).
 */
export interface HeadState {
  yaw: number;
  pitch: number;
  /** `performance.now()` of the last frame drawn. */
  lastFrameAt: number;
  /** Frames drawn since the canvas was made. */
  frames: number;
}

export const createHeadState = (): HeadState => ({ yaw: 0, pitch: 0, lastFrameAt: 0, frames: 0 });

export interface StageCanvasProps {
  readonly xrStore: PlayerXRStore;
  /** Multisampling, per device profile (off on Quest 2 and phones). */
  readonly antialias: boolean;
  readonly head: HeadState;
  /** The WebGL context was lost; the owner remounts the canvas (a new key). */
  readonly onContextLost: () => void;
  /** The scene: usually a stage slot's `Out`. */
  readonly children: ReactNode;
}

/** The canvas and the XR session around whatever scene is on show. */
export function StageCanvas(props: StageCanvasProps) {
  return (
    <Canvas
      className="stage-canvas"
      camera={{ fov: 75, near: 0.05, far: 200, position: [0, 0, 0] }}
      gl={{ antialias: props.antialias }}
      onCreated={({ gl }) => {
        // Reading each program's info logs on its first use blocks until it is linked; the
        // production player's shaders are fixed, and are checked in development.
        gl.debug.checkShaderErrors = import.meta.env.DEV;
        gl.domElement.addEventListener('webglcontextlost', (e) => {
          e.preventDefault();
          props.onContextLost();
        });
      }}
    >
      <XR store={props.xrStore}>
        <HeadTracker head={props.head} />
        <RendererStats />
        {props.children}
      </XR>
    </Canvas>
  );
}

const _dir = new Vector3();

function HeadTracker({ head }: { readonly head: HeadState }) {
  useFrame((state) => {
    state.camera.getWorldDirection(_dir);
    yawPitchOf(_dir, head);
    head.lastFrameAt = performance.now();
    head.frames++;
  });
  return null;
}
