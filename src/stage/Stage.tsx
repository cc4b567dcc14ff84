import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Group } from 'three';
import {
  DEFAULT_METRIC_RADIUS,
  type EditionCut,
  SCREEN_EYE_HEIGHT,
  type SceneClock,
  type StoryEvent,
  type StoryPackage,
  type VariableValue,
  choiceLabel,
  hotspotAim,
  localize,
} from '../story';
import type { PlayerXRStore } from '../xr';
import { type MediaLibraries, type MediaStatus, assetUrl } from '../media';
import { Backdrop } from './Backdrop';
import { ChoicePanels } from './ChoicePanels';
import { placeChoices } from './choice-layout';
import { Hotspots } from './Hotspots';
import { crystalMix } from './crystal';
import { MemoryCrystal } from './MemoryCrystal';
import { type HoverPointer, ScreenLook } from './ScreenLook';
import { GazeDriver } from './gaze-driver';
import { PointerReadout } from './PointerReadout';
import type { MagicWindow } from './magic-window';
import { ViewerRig } from './ViewerRig';
import type { ScreenView } from './view';
import { useSceneMedia } from './use-scene-media';
import { usePrecompile } from './use-precompile';
import { ProgramWarmup } from './ProgramWarmup';
import { useVideoPlayback } from './use-video-playback';
import { useFacing } from './use-facing';
import { useGaze } from './use-gaze';
import { XRCaption, XRReticle } from './XRCaption';
import { XRMenu, type XRMenuButton } from './XRMenu';
import { XRMediaLayer } from './XRMediaLayer';
import { MONO_360, layoutOfMedia } from './backdrop-geometry';
import { ScenePropsLayer } from './Props';
import { useSceneProps } from './use-scene-props';
import { SplatWorld } from './SplatWorld';
import { HeatmapSphere, type PreviewHeatmap } from './HeatmapSphere';

export interface StageProps {
  /** The viewing as the story has it now, and how to tell the story what the viewer did. */
  readonly viewing: StageViewing;
  /** Where the film's media comes from, and how the stage reports on it. */
  readonly media: StageMedia;
  /** How the viewer looks and points: screen view, phone, headset, keyboard focus. */
  readonly input: StageInput;
  /** Text shown in the headset under the line of sight. */
  readonly captions: StageCaptions;
  /** What this device can afford. */
  readonly device: StageDevice;
  /** The player's controls offered in the headset's menu. */
  readonly menu: readonly XRMenuButton[];
  /** Author previews (`?hotspots=1`): every hotspot outlined with its label. */
  readonly outlineHotspots?: boolean | undefined;
  /** Author previews in the studio: where audiences looked in this scene, drawn over it. */
  readonly heatmap?: PreviewHeatmap | null | undefined;
}

export interface StageViewing {
  readonly story: StoryPackage;
  /** The edition's cut: which alternates play. */
  readonly cut: EditionCut;
  readonly language: string;
  readonly sceneId: string;
  /** The ending the edition's inserted scenes lead to now (the story context's), so only it is preloaded after them. */
  readonly pendingEnding: string | null;
  /** Choice ids the story machine accepts now. */
  readonly offered: readonly string[];
  /** Hotspot ids that already fired. */
  readonly dwelled: readonly string[];
  /** The story's variables now (the memory crystal shows one of them). */
  readonly variables: Readonly<Record<string, VariableValue>>;
  /** When the open choices time out, in scene time, for the countdown. */
  readonly deadline: { readonly fromMs: number; readonly toMs: number } | null;
  readonly send: (event: StoryEvent) => void;
  readonly clock: SceneClock;
  /** The shell asks the stage to report attention gathered so far (before each clock tick). */
  readonly setAttentionReporter: (report: () => void) => void;
}

export interface StageMedia {
  readonly libraries: MediaLibraries;
  readonly filmBase: URL;
  readonly onStatus: (status: MediaStatus, detail?: string) => void;
}

export interface StageInput {
  readonly view: ScreenView;
  /** The phone's orientation as a way to look around (magic window), turned on by the viewer. */
  readonly magic: MagicWindow;
  readonly xrStore: PlayerXRStore;
  /** The choice whose DOM button has keyboard focus, highlighted in 3D too. */
  readonly focusedChoice: string | null;
}

export interface StageCaptions {
  /** An announcement (or why the picture holds), or null for none. */
  readonly caption: string | null;
  /** The subtitle on show ('' for none). */
  readonly subtitle: string;
  /** Subtitle size relative to medium (a viewer setting). */
  readonly subtitleScale: number;
}

export interface StageDevice {
  /** Most Gaussian splats to draw at once, per device profile. */
  readonly splatBudget: number;
}

/**
 * The 3D scene of a viewing: renders what the story snapshot says and reports gaze as discrete story
 * events. It goes into a `StageCanvas` (through a stage slot), which outlives it.
 */
export function StageScene(props: StageProps) {
  const { story, cut, language, sceneId, offered, dwelled, variables, deadline, send, clock, setAttentionReporter } = props.viewing;
  const { libraries, filmBase, onStatus: onMediaStatus } = props.media;
  const { view, magic, xrStore, focusedChoice } = props.input;
  const { caption, subtitle, subtitleScale } = props.captions;
  const scene = story.scenes[sceneId];
  if (!scene) throw new Error(`stage: scene "${sceneId}" is not in the story`);

  const media = useSceneMedia({ story, cut, sceneId, pendingEnding: props.viewing.pendingEnding, language, filmBase }, libraries);
  const loops = scene.media.type !== 'video' || scene.media.loop;
  useVideoPlayback(media.video, clock, loops, send, sceneId);
  // The stage holds the scene (scene time stopped, hotspots and choices hidden) until its media,
  // its props and its splat world are in; a prop or world that fails is left out.
  const sceneProps = useSceneProps(story, sceneId, filmBase, libraries.models);
  const splat = scene.splat && libraries.splats.state(assetUrl(filmBase, scene.splat.src));
  const layersLoading = sceneProps.status === 'loading' || splat?.status === 'loading';
  const status = media.status === 'ready' && layersLoading ? 'loading' : media.status;
  useEffect(() => onMediaStatus(status, media.detail), [onMediaStatus, status, media.detail, sceneId]);
  useEffect(() => {
    if (status === 'loading') clock.pause('holding');
    else clock.resume('holding');
  }, [clock, status]);
  useEffect(() => () => clock.resume('holding'), [clock]);
  const showScene = status !== 'loading';
  // The layout belongs to the picture on show (a held one keeps its own; a fallback alternate its own).
  const layout = media.texture ? layoutOfMedia(media.shown ?? undefined) : MONO_360;
  const wantsXRLayer = media.shown?.type === 'video' && media.shown.xrLayer;
  const [xrLayerShown, setXRLayerShown] = useState(false);

  const session = useSyncExternalStore(xrStore.subscribe, () => xrStore.getState().session ?? null);
  useXRVisibility(session, clock);
  // Bumped when the viewer is turned to the scene's start direction (a cut, recentering).
  const [aligned, setAligned] = useState(0);
  const onAligned = useCallback(() => setAligned((n) => n + 1), []);
  // Choices are placed where the viewer looks when they are offered, or when they enter or leave XR.
  const facing = useFacing({ view, session, offer: `${sceneId}|${offered.join(',')}|${showScene}`, aligned });

  const hotspots = showScene ? scene.hotspots : [];
  const hotspotMarks = useMemo(
    () =>
      hotspots.map((h) => ({
        id: h.id,
        dwellMs: h.dwellMs,
        ...hotspotAim(h),
        at: h.position && { position: { x: h.position[0], y: h.position[1], z: h.position[2] }, radiusMetres: h.radius ?? DEFAULT_METRIC_RADIUS },
        label: localize(h.label, language, story.languages),
      })),
    [hotspots, language, story.languages],
  );
  const crystal = story.crystal;
  const crystalTarget = crystal ? crystalMix(variables[crystal.variable], crystal) : 0;
  const choices = showScene ? offered.map((id) => ({ id, label: choiceLabel(story, sceneId, id, language) })) : [];
  const choiceKey = choices.map((c) => c.id).join(',');
  const places = useMemo(
    () => placeChoices(choiceKey ? choiceKey.split(',').length : 0, facing.yaw, facing.pitch, facing.fieldOfView),
    [choiceKey, facing],
  );
  // Gaze: one tracker; targets are this scene's hotspots, then the offered choices.
  const tracker = useGaze({ sceneId, shown: showScene, hotspots: hotspotMarks, dwelled, choices, places, send, setAttentionReporter });

  const hover = useMemo<HoverPointer>(() => ({ active: false, x: 0, y: 0 }), []);
  const rigScene = useMemo(() => ({ id: sceneId, startYaw: scene.startYaw, transition: scene.transition }), [sceneId, scene]);
  const head = useRef<Group>(null);
  usePrecompile(`${sceneId}|${showScene}|${choiceKey}`);
  // World content (props, 3D hotspots): the floor at y = 0 under the viewer. In XR that is the
  // local-floor space itself; on screens the camera sits at the origin, so the world goes down.
  const world = useRef<Group>(null);

  return (
    <>
      <ViewerRig scene={rigScene} shown={showScene} view={view} onAligned={onAligned} />
      <ScreenLook view={view} hover={hover} magic={magic} />
      {props.outlineHotspots && <PointerReadout hover={hover} />}
      <GazeDriver tracker={tracker} hover={hover} head={head} world={world} />
      <group ref={head}>
        <Backdrop texture={media.texture} color={media.color} layout={layout} transition={scene.transition} hidden={xrLayerShown} />
        {props.heatmap && <HeatmapSphere heatmap={props.heatmap} />}
        {wantsXRLayer && media.video && <XRMediaLayer key={sceneId} video={media.video} layout={layout} onShown={setXRLayerShown} />}
        <Hotspots hotspots={hotspotMarks} tracker={tracker} firstTarget={0} outlined={props.outlineHotspots} />
        {crystal && <MemoryCrystal mix={crystalTarget} aligned={aligned} />}
        <ChoicePanels
          key={sceneId}
          choices={choices}
          places={places}
          tracker={tracker}
          firstTarget={hotspots.length}
          focused={focusedChoice}
          countdown={deadline ? { ...deadline, clock } : null}
          onChoose={(id) => send({ type: 'choice.made', choice: id })}
        />
      </group>
      <group ref={world} position-y={session ? 0 : -SCREEN_EYE_HEIGHT}>
        <SplatWorld story={story} sceneId={sceneId} filmBase={filmBase} library={libraries.splats} budget={props.device.splatBudget} />
        <ScenePropsLayer sceneId={sceneId} placed={sceneProps.placed} clock={clock} />
        <Hotspots hotspots={hotspotMarks} tracker={tracker} firstTarget={0} place="world" outlined={props.outlineHotspots} />
      </group>
      {/* Lights for controller and hand models and lit glTF props; panoramas are unlit media. */}
      <hemisphereLight args={['#ffffff', '#445566', 2]} />
      <directionalLight position={[1, 3, 2]} intensity={1.5} />
      <XRReticle />
      <XRMenu buttons={props.menu} />
      <XRCaption text={caption} belowSightDeg={30} />
      <XRCaption text={subtitle || null} belowSightDeg={21} scale={subtitleScale} />
      <ProgramWarmup />
    </>
  );
}

/** Scene time stands still while the headset is off or the system overlays the session. */
function useXRVisibility(session: XRSession | null, clock: SceneClock) {
  useEffect(() => {
    if (!session) return;
    const onChange = () => (session.visibilityState === 'visible' ? clock.resume('xr-hidden') : clock.pause('xr-hidden'));
    session.addEventListener('visibilitychange', onChange);
    onChange();
    return () => {
      session.removeEventListener('visibilitychange', onChange);
      clock.resume('xr-hidden');
    };
  }, [session, clock]);
}
