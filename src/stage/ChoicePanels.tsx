import { type ThreeEvent, useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Mesh, MeshBasicMaterial } from 'three';
import { CHOICE_DISTANCE, CHOICE_HEIGHT, CHOICE_WIDTH, type ChoicePlace } from './choice-layout';
import { unitVectorOf } from '../story';
import { facingHead } from './direction';
import type { GazeTracker } from './gaze';
import { createLabelTexture } from './label-texture';

export interface ChoicePanel {
  readonly id: string;
  readonly label: string;
}

export interface ChoicePanelsProps {
  readonly choices: readonly ChoicePanel[];
  /** Where each panel goes (see `placeChoices`), in the order of `choices`. */
  readonly places: readonly ChoicePlace[];
  readonly tracker: GazeTracker;
  /** Index of the first choice among the tracker's targets. */
  readonly firstTarget: number;
  readonly focused: string | null;
  /** When the choices time out, for a countdown bar on each panel; null when untimed. */
  readonly countdown: Countdown | null;
  readonly onChoose: (id: string) => void;
}

/** A choice time limit in scene time, and the clock to read it against. */
export interface Countdown {
  readonly fromMs: number;
  readonly toMs: number;
  readonly clock: { now(): number };
}

/** Choices as panels in front of the viewer, selected by click, controller or hand ray, or gaze dwell. */
export function ChoicePanels({ choices, places, tracker, firstTarget, focused, countdown, onChoose }: ChoicePanelsProps) {
  return (
    <>
      {choices.map((choice, i) => (
        <Panel
          key={choice.id}
          choice={choice}
          place={places[i] ?? { yaw: 0, pitch: 0 }}
          tracker={tracker}
          index={firstTarget + i}
          focused={focused === choice.id}
          countdown={countdown}
          onChoose={onChoose}
        />
      ))}
    </>
  );
}

interface PanelProps {
  choice: ChoicePanel;
  place: ChoicePlace;
  tracker: GazeTracker;
  index: number;
  focused: boolean;
  countdown: Countdown | null;
  onChoose: (id: string) => void;
}

function Panel({ choice, place, tracker, index, focused, countdown, onChoose }: PanelProps) {
  const texture = useMemo(() => createLabelTexture(choice.label), [choice.label]);
  useEffect(() => () => texture.dispose(), [texture]);
  const panel = useRef<Mesh>(null);
  const bar = useRef<Mesh>(null);
  const timer = useRef<Mesh>(null);
  const hovered = useRef(false);
  const position = useMemo(() => {
    const d = unitVectorOf(place.yaw, place.pitch);
    return [d.x * CHOICE_DISTANCE, d.y * CHOICE_DISTANCE, d.z * CHOICE_DISTANCE] as const;
  }, [place.yaw, place.pitch]);

  useFrame(() => {
    const progress = tracker.progress(index);
    if (bar.current) {
      bar.current.visible = progress > 0;
      bar.current.scale.x = Math.max(progress, 0.001);
      bar.current.position.x = (-CHOICE_WIDTH / 2) * (1 - progress) * 0.92;
    }
    if (timer.current) {
      // The time left to choose, shrinking toward the panel's centre.
      const left = countdown ? Math.min(1, Math.max(0, (countdown.toMs - countdown.clock.now()) / (countdown.toMs - countdown.fromMs))) : 0;
      timer.current.visible = countdown !== null;
      timer.current.scale.x = Math.max(left, 0.001);
    }
    if (panel.current) {
      const lit = hovered.current || focused || tracker.lookedAt(index);
      const scale = lit ? 1.06 : 1;
      panel.current.scale.setScalar(scale);
      (panel.current.material as MeshBasicMaterial).color.setScalar(lit ? 1 : 0.86);
    }
  });

  const choose = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    onChoose(choice.id);
  };

  return (
    <group position={position} rotation={facingHead(place.yaw, place.pitch)}>
      <mesh
        ref={panel}
        name={`choice:${choice.id}`}
        onClick={choose}
        onPointerOver={() => (hovered.current = true)}
        onPointerOut={() => (hovered.current = false)}
        renderOrder={2}
      >
        <planeGeometry args={[CHOICE_WIDTH, CHOICE_HEIGHT]} />
        <meshBasicMaterial map={texture} transparent depthTest={false} toneMapped={false} />
      </mesh>
      <mesh ref={bar} position={[0, -CHOICE_HEIGHT / 2 + 0.012, 0.002]} visible={false} renderOrder={3} pointerEvents="none">
        <planeGeometry args={[CHOICE_WIDTH * 0.92, 0.012]} />
        <meshBasicMaterial color="#ffc75a" depthTest={false} toneMapped={false} />
      </mesh>
      <mesh ref={timer} position={[0, CHOICE_HEIGHT / 2 + 0.02, 0.002]} visible={false} renderOrder={3} pointerEvents="none">
        <planeGeometry args={[CHOICE_WIDTH * 0.92, 0.01]} />
        <meshBasicMaterial color="#f4f1ea" transparent opacity={0.8} depthTest={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
