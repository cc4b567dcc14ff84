import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { XR } from '@react-three/xr';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type Group, Raycaster, Vector2, Vector3 } from 'three';
import {
  DEFAULT_METRIC_RADIUS,
  type EditionCut,
  SCREEN_EYE_HEIGHT,
  type SceneClock,
  type StoryEvent,
  type StoryPackage,
  type VariableValue,
  hotspotAim,
  localize,
  unitVectorOf,
  yawPitchOf,
} from '../story';
import type { PlayerXRStore } from '../xr';
import { assetUrl } from '../media';
import { Backdrop } from './Backdrop';
import { ChoicePanels } from './ChoicePanels';
import { CHOICE_GAZE_RADIUS, HEADSET_FIELD_OF_VIEW, placeChoices } from './choice-layout';
import { cameraHorizontalFov } from './direction';
import { type GazeTarget, GazeTracker } from './gaze';
import { Hotspots } from './Hotspots';
import { crystalMix } from './crystal';
import { MemoryCrystal } from './MemoryCrystal';
import { type HoverPointer, ScreenLook } from './ScreenLook';
import type { MagicWindow } from './magic-window';
import { ViewerRig } from './ViewerRig';
import type { ScreenView } from './view';
import { type MediaLibraries, type MediaStatus, useSceneMedia } from './use-scene-media';
import { useVideoPlayback } from './use-video-playback';
import { XRCaption, XRReticle } from './XRCaption';
import { XRMenu, type XRMenuButton } from './XRMenu';
import { RendererStats } from './RendererStats';
import { XRMediaLayer } from './XRMediaLayer';
import { MONO_360, layoutOfMedia } from './backdrop-geometry';
import { ScenePropsLayer } from './Props';
import { useSceneProps } from './use-scene-props';
import { SplatWorld } from './SplatWorld';

/** Choices are selected by gaze with a longer dwell than hotspots, so looking around never picks one. */
export const CHOICE_DWELL_MS = 2000;

export interface StageProps {
  /** Multisampling, per device profile (off on Quest 2 and phones). */
  readonly antialias: boolean;
  /** Most Gaussian splats to draw at once, per device profile. */
  readonly splatBudget: number;
  readonly story: StoryPackage;
  /** The edition's cut: which alternates play. */
  readonly cut: EditionCut;
  readonly language: string;
  readonly sceneId: string;
  /** Choice ids the story machine accepts now. */
  readonly offered: readonly string[];
  /** Hotspot ids that already fired. */
  readonly dwelled: readonly string[];
  /** The story's variables now (the memory crystal shows one of them). */
  readonly variables: Readonly<Record<string, VariableValue>>;
  /** Author previews (`?hotspots=1`): every hotspot outlined with its label. */
  readonly outlineHotspots?: boolean | undefined;
  /** When the open choices time out, in scene time, for the countdown. */
  readonly deadline: { readonly fromMs: number; readonly toMs: number } | null;
  readonly send: (event: StoryEvent) => void;
  readonly clock: SceneClock;
  /** The shell asks the stage to report attention gathered so far (before each clock tick). */
  readonly setAttentionReporter: (report: () => void) => void;
  readonly view: ScreenView;
  /** The phone's orientation as a way to look around (magic window), turned on by the viewer. */
  readonly magic: MagicWindow;
  readonly xrStore: PlayerXRStore;
  readonly libraries: MediaLibraries;
  readonly filmBase: URL;
  /** Announcement shown in the headset. */
  readonly caption: string | null;
  /** The subtitle on show ('' for none), shown in the headset under the line of sight. */
  readonly subtitle: string;
  /** Subtitle size relative to medium (a viewer setting). */
  readonly subtitleScale: number;
  /** The choice whose DOM button has keyboard focus, highlighted in 3D too. */
  readonly focusedChoice: string | null;
  readonly onMediaStatus: (status: MediaStatus, detail?: string) => void;
  /** The player's controls offered in the headset's menu. */
  readonly xrMenu: readonly XRMenuButton[];
  /** The WebGL context was lost; the shell remounts the stage. */
  readonly onContextLost: () => void;
}

/** The 3D stage: renders what the story snapshot says and reports gaze as discrete story events. */
export function Stage(props: StageProps) {
  return (
    <Canvas
      className="stage-canvas"
      camera={{ fov: 75, near: 0.05, far: 200, position: [0, 0, 0] }}
      gl={{ antialias: props.antialias }}
      onCreated={({ gl }) => {
        gl.domElement.addEventListener('webglcontextlost', (e) => {
          e.preventDefault();
          props.onContextLost();
        });
      }}
    >
      <XR store={props.xrStore}>
        <StageContent {...props} />
      </XR>
    </Canvas>
  );
}

function StageContent(props: StageProps) {
  const { story, cut, language, sceneId, offered, dwelled, send, view, libraries, filmBase, onMediaStatus, clock } = props;
  const scene = story.scenes[sceneId];
  if (!scene) throw new Error(`stage: scene "${sceneId}" is not in the story`);
  const t = (text: Parameters<typeof localize>[0]) => localize(text, language, story.languages);

  const media = useSceneMedia(story, cut, sceneId, libraries, filmBase);
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

  // Choices are placed where the viewer looks when they are offered, or when they enter or leave XR.
  const camera = useThree((s) => s.camera);
  const session = useSyncExternalStore(props.xrStore.subscribe, () => props.xrStore.getState().session ?? null);
  useXRVisibility(session, clock);
  const offeredKey = `${sceneId}|${offered.join(',')}|${showScene}`;
  const size = useThree((s) => s.size);
  const [facing, setFacing] = useState({ yaw: 0, pitch: 0, fieldOfView: HEADSET_FIELD_OF_VIEW });
  // Bumped when the viewer is turned to the scene's start direction (a cut, recentering).
  const [aligned, setAligned] = useState(0);
  const onAligned = useCallback(() => setAligned((n) => n + 1), []);
  useEffect(() => {
    camera.getWorldDirection(_dir);
    const fieldOfView = session ? HEADSET_FIELD_OF_VIEW : cameraHorizontalFov(camera, size.width / Math.max(size.height, 1));
    setFacing({ ...(session ? yawPitchOf(_dir) : { yaw: view.yaw, pitch: view.pitch }), fieldOfView });
  }, [offeredKey, session, camera, view, size, aligned]);

  // Gaze: one tracker; targets are this scene's hotspots, then the offered choices.
  const sendRef = useRef(send);
  sendRef.current = send;
  const tracker = useMemo(
    () =>
      new GazeTracker({
        onDwell: (target) =>
          sendRef.current(target.kind === 'hotspot' ? { type: 'hotspot.dwelled', hotspot: target.id } : { type: 'choice.made', choice: target.id }),
        onWatched: (target, ms) => {
          if (target.kind === 'hotspot') sendRef.current({ type: 'hotspot.watched', hotspot: target.id, ms });
        },
      }),
    [],
  );
  const { setAttentionReporter } = props;
  useEffect(() => {
    setAttentionReporter(() => tracker.flush());
    return () => tracker.flush();
  }, [setAttentionReporter, tracker]);
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
  const crystalTarget = crystal ? crystalMix(props.variables[crystal.variable], crystal) : 0;
  const choices = showScene
    ? offered.map((id) => ({ id, label: t(scene.choices.find((c) => c.id === id)?.label ?? id) }))
    : [];
  const dwelledKey = dwelled.join(',');
  const choiceKey = choices.map((c) => c.id).join(',');
  const places = useMemo(
    () => placeChoices(choiceKey ? choiceKey.split(',').length : 0, facing.yaw, facing.pitch, facing.fieldOfView),
    [choiceKey, facing],
  );
  useEffect(() => {
    const targets: GazeTarget[] = [
      ...hotspotMarks.map((h) => ({
        id: h.id,
        kind: 'hotspot' as const,
        direction: unitVectorOf(h.yaw, h.pitch),
        radius: h.radius,
        at: h.at,
        dwellMs: h.dwellMs,
        done: dwelled.includes(h.id),
      })),
      ...choices.map((c, i) => ({
        id: c.id,
        kind: 'choice' as const,
        direction: unitVectorOf(places[i]!.yaw, places[i]!.pitch),
        radius: CHOICE_GAZE_RADIUS,
        dwellMs: CHOICE_DWELL_MS,
        done: false,
      })),
    ];
    tracker.setTargets(targets);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids that define the targets
  }, [tracker, sceneId, showScene, dwelledKey, choiceKey, places]);

  const hover = useMemo<HoverPointer>(() => ({ active: false, x: 0, y: 0 }), []);
  const rigScene = useMemo(() => ({ id: sceneId, startYaw: scene.startYaw, transition: scene.transition }), [sceneId, scene]);
  const head = useRef<Group>(null);
  // World content (props, 3D hotspots): the floor at y = 0 under the viewer. In XR that is the
  // local-floor space itself; on screens the camera sits at the origin, so the world goes down.
  const world = useRef<Group>(null);

  return (
    <>
      <ViewerRig scene={rigScene} shown={showScene} view={view} onAligned={onAligned} />
      <ScreenLook view={view} hover={hover} magic={props.magic} />
      <GazeDriver tracker={tracker} hover={hover} head={head} world={world} />
      <group ref={head}>
        <Backdrop texture={media.texture} color={media.color} layout={layout} transition={scene.transition} hidden={xrLayerShown} />
        {wantsXRLayer && media.video && <XRMediaLayer key={sceneId} video={media.video} layout={layout} onShown={setXRLayerShown} />}
        <Hotspots hotspots={hotspotMarks} tracker={tracker} firstTarget={0} outlined={props.outlineHotspots} />
        {crystal && <MemoryCrystal mix={crystalTarget} aligned={aligned} />}
        <ChoicePanels
          key={sceneId}
          choices={choices}
          places={places}
          tracker={tracker}
          firstTarget={hotspots.length}
          focused={props.focusedChoice}
          countdown={props.deadline ? { ...props.deadline, clock } : null}
          onChoose={(id) => send({ type: 'choice.made', choice: id })}
        />
      </group>
      <group ref={world} position-y={session ? 0 : -SCREEN_EYE_HEIGHT}>
        <SplatWorld story={story} sceneId={sceneId} filmBase={filmBase} library={libraries.splats} budget={props.splatBudget} />
        <ScenePropsLayer sceneId={sceneId} placed={sceneProps.placed} clock={clock} />
        <Hotspots hotspots={hotspotMarks} tracker={tracker} firstTarget={0} place="world" outlined={props.outlineHotspots} />
      </group>
      {/* Lights for controller and hand models and lit glTF props; panoramas are unlit media. */}
      <hemisphereLight args={['#ffffff', '#445566', 2]} />
      <directionalLight position={[1, 3, 2]} intensity={1.5} />
      <XRReticle />
      <XRMenu buttons={props.xrMenu} />
      <RendererStats />
      <XRCaption text={props.caption} belowSightDeg={30} />
      <XRCaption text={props.subtitle || null} belowSightDeg={21} scale={props.subtitleScale} />
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

const _dir = new Vector3();
const _mouseDir = new Vector3();
const _pointer = new Vector2();
const _raycaster = new Raycaster();
const _eye = new Vector3();

/**
 * Each frame: keep the scene centred on the head, and feed the gaze tracker the directions the
 * viewer looks along (camera forward, and a hovering mouse on screens).
 */
function GazeDriver({ tracker, hover, head, world }: { tracker: GazeTracker; hover: HoverPointer; head: React.RefObject<Group | null>; world: React.RefObject<Group | null> }) {
  const gazes = useMemo<Array<Vector3 | null>>(() => [null, null], []);
  useFrame((state, delta) => {
    const camera = state.camera;
    camera.updateMatrixWorld();
    head.current?.position.setFromMatrixPosition(camera.matrixWorld);
    camera.getWorldDirection(_dir);
    gazes[0] = _dir;
    gazes[1] = null;
    if (hover.active && !state.gl.xr.isPresenting) {
      _pointer.set(hover.x, hover.y);
      _raycaster.setFromCamera(_pointer, camera);
      gazes[1] = _mouseDir.copy(_raycaster.ray.direction);
    }
    // The eye in scene space (floor at y = 0) aims the 3D hotspots from the real head each frame.
    _eye.setFromMatrixPosition(camera.matrixWorld);
    if (world.current) _eye.sub(world.current.position);
    tracker.update(delta * 1000, gazes, _eye);
  });
  return null;
}
