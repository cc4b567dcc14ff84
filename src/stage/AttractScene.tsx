import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Group } from 'three';
import type { MediaLibraries } from '../media';
import { type EditionCut, type StoryPackage, unitVectorOf } from '../story';
import type { PlayerXRStore } from '../xr';
import { Backdrop } from './Backdrop';
import { layoutOfMedia, MONO_360 } from './backdrop-geometry';
import { ChoicePanels } from './ChoicePanels';
import { CHOICE_GAZE_RADIUS, HEADSET_FIELD_OF_VIEW, placeChoices } from './choice-layout';
import { GazeDriver } from './gaze-driver';
import { GazeTracker } from './gaze';
import type { HoverPointer } from './ScreenLook';
import { CHOICE_DWELL_MS } from './use-gaze';
import { useSceneMedia } from './use-scene-media';
import { XRCaption, XRReticle } from './XRCaption';

export interface AttractSceneProps {
  readonly story: StoryPackage;
  readonly cut: EditionCut;
  /** The scene on show now; the shell moves through the film's scenes. */
  readonly sceneId: string;
  readonly language: string;
  readonly filmBase: URL;
  readonly libraries: MediaLibraries;
  readonly xrStore: PlayerXRStore;
  /** Lines shown in the headset above the language panels: the film's title, the prompts. */
  readonly lines: readonly string[];
  /** The languages to start in, with their names; in the headset, one panel each to rest the gaze on. */
  readonly languages: readonly { readonly id: string; readonly label: string }[];
  readonly onChoose: (language: string) => void;
}

/** One scene dissolves into the next. */
const ATTRACT_TRANSITION = { type: 'dissolve', durationMs: 1500, color: '#000000' } as const;

/** Degrees the panorama turns a second: a slow drift, well below what unsettles a viewer. */
const DRIFT_DEG_PER_S = 2;

/**
 * A kiosk's attract loop in 3D: the film's scenes drift slowly around the viewer, one after another
 * (through the media layer, so the film's first pictures are loaded when a visitor starts), and in
 * the headset its title and prompts float ahead with one panel per language to look at.
 */
export function AttractScene(props: AttractSceneProps) {
  const { story, cut, sceneId, language, filmBase, libraries, xrStore } = props;
  const media = useSceneMedia({ story, cut, sceneId, pendingEnding: null, language, filmBase }, libraries);
  const layout = media.texture ? layoutOfMedia(media.shown ?? undefined) : MONO_360;
  const session = useSyncExternalStore(xrStore.subscribe, () => xrStore.getState().session ?? null);
  const drift = useRef<Group>(null);
  useFrame((_, delta) => {
    if (drift.current) drift.current.rotation.y -= ((DRIFT_DEG_PER_S * Math.PI) / 180) * Math.min(delta, 0.1);
  });

  const onChoose = useRef(props.onChoose);
  onChoose.current = props.onChoose;
  const tracker = useMemo(() => new GazeTracker({ onDwell: (target) => onChoose.current(target.id), onWatched: () => {} }), []);
  // In the headset the panels sit ahead of where the session started; on screens the page has buttons.
  const panels = session ? props.languages : [];
  const places = useMemo(() => placeChoices(panels.length, 0, 0, HEADSET_FIELD_OF_VIEW), [panels.length]);
  const panelKey = panels.map((p) => p.id).join(',');
  useEffect(() => {
    tracker.setTargets(
      panels.map((p, i) => ({ id: p.id, kind: 'choice' as const, direction: unitVectorOf(places[i]!.yaw, places[i]!.pitch), radius: CHOICE_GAZE_RADIUS, dwellMs: CHOICE_DWELL_MS, done: false })),
    );
    // The dependencies, on purpose: only the panels' ids.
  }, [tracker, panelKey, places]);
  const hover = useMemo<HoverPointer>(() => ({ active: false, x: 0, y: 0 }), []);
  const head = useRef<Group>(null);
  const world = useRef<Group>(null);

  return (
    <>
      <GazeDriver tracker={tracker} hover={hover} head={head} world={world} />
      <group ref={head}>
        <group ref={drift}>
          <Backdrop texture={media.texture} color={media.color} layout={layout} transition={ATTRACT_TRANSITION} />
        </group>
        <ChoicePanels choices={panels} places={places} tracker={tracker} firstTarget={0} focused={null} countdown={null} onChoose={(id) => props.onChoose(id)} />
      </group>
      <group ref={world} />
      <XRReticle />
      {props.lines.map((line, i) => (
        <XRCaption key={`${i}:${line}`} text={line} belowSightDeg={-16 + i * 7} scale={i === 0 ? 1.4 : 1} />
      ))}
    </>
  );
}
