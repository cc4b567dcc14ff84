import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  type LocalizedText,
  type SaveStorage,
  type StoryPackage,
  type StorySnapshot,
  choiceDeadline,
  choiceLabel,
  clueText,
  currentScene,
  cutEdition,
  hotspotAim,
  isCredits,
  isEnding,
  localize,
  offeredChoices,
  hasAiContent,
  type Provenance,
  uiText,
} from '../story';
import type { MediaStatus } from '../media';
import { MagicWindow, StageScene, XRCredits, crystalMix } from '../stage';
import { useImmersiveVRSupport, useXRSession } from '../xr';
import { AccessibilityLayer } from './AccessibilityLayer';
import type { AppStatus } from './app-status';
import { Countdown } from './Countdown';
import { CreditsScreen } from './CreditsScreen';
import { SubtitleLine, useSubtitle } from './Subtitles';
import { useFirstTimeHint } from './first-time-hint';
import { type ViewingPreview, isPreview } from './preview';
import { usePreviewHeatmaps } from './preview-heatmap';
import { SUBTITLE_SCALE, type SubtitleSize, type ViewerSettings, clampVolume } from './settings';
import { ControlsBar } from './ControlsBar';
import { playerControls } from './controls';
import { headsetMenu } from './headset-menu';
import { useFullscreen } from './use-fullscreen';
import { useNarration } from './use-narration';
import { useAmbience } from './use-ambience';
import { useSoundUnlock } from './use-sound-unlock';
import { useMediaHeadStart } from './use-media-head-start';
import { type Viewing, useViewing } from './viewing';
import type { PlayerHost } from './player-host';

export interface PlayerProps {
  /** What outlives this viewing: media, the XR store, the canvas this viewing's scene goes into. */
  readonly host: PlayerHost;
  /**
   * A kiosk's viewing: the headset menu has no Exit VR, and the credits stay in the headset (shown
   * there as well as on the page) so the next visitor finds the session. @default false
   */
  readonly kiosk?: boolean;
  /** Told once the viewing's story actor exists (a kiosk records the viewing from it). */
  readonly onViewing?: (viewing: Viewing) => void;
  /** Something the headset must show over the film's own captions (a kiosk's reset countdown). */
  readonly headsetNotice?: string | null;
  readonly story: StoryPackage;
  /** What made the film's assets, for the credits. */
  readonly provenance: Provenance | null;
  readonly filmBase: URL;
  readonly language: string;
  readonly edition: string | null;
  /** A restored save to continue from, or null. */
  readonly resume: StorySnapshot | null;
  readonly choiceTimeScale: number | null;
  /** Whether subtitles show (a viewer setting). */
  readonly subtitles: boolean;
  readonly subtitleSize: SubtitleSize;
  readonly onSubtitles: (on: boolean) => void;
  readonly onSubtitleSize: (size: SubtitleSize) => void;
  /** Switch the viewing to another of the film's languages (subtitles, narration, the player's words). */
  readonly onLanguage: (language: string) => void;
  /** Viewer settings for video sound and narration. */
  readonly volume: number;
  readonly muted: boolean;
  readonly onSound: (change: Partial<Pick<ViewerSettings, 'volume' | 'muted'>>) => void;
  readonly storage: SaveStorage;
  /** The viewer started with a click (Play, Continue), so sound may play; not under ?autoplay. */
  readonly userActivated: boolean;
  readonly onProgress: (progress: { scene: string; status: AppStatus }) => void;
  /** Start a new viewing; `findAnother` shows how many endings remain. */
  readonly onRestart: (findAnother: boolean) => void;
  /** Author preview parameters: the opening scene, initial variables, outlined hotspots. */
  readonly preview: ViewingPreview;
}

/**
 * Runs one viewing: the story actor (the only authority on what comes next) on its scene clock,
 * the stage that renders its snapshot, and the DOM layer beside the canvas. The actor lives here,
 * outside the canvas, so a lost WebGL context or an ended XR session never loses the viewer's place.
 */
export function Player(props: PlayerProps) {
  const { host, story, filmBase, language, edition, resume, choiceTimeScale, storage, onProgress, onRestart } = props;
  const kiosk = props.kiosk ?? false;
  const viewing = useViewing({ story, edition, language, resume, choiceTimeScale, storage, preview: props.preview });
  const { onViewing } = props;
  useEffect(() => onViewing?.(viewing), [onViewing, viewing]);
  const { actor, clock } = viewing;
  const snapshot = useSyncExternalStore(
    useCallback((listener: () => void) => {
      const subscription = actor.subscribe(listener);
      return () => subscription.unsubscribe();
    }, [actor]),
    () => actor.getSnapshot(),
  );
  const cut = useMemo(() => cutEdition(story, snapshot.context.edition), [story, snapshot.context.edition]);
  const { view, magic, tracks, xrStore, profile } = host;
  const { sound, libraries, narration, ambience } = host.media;
  const [magicOn, setMagicOn] = useState(magic.enabled);
  const { silent, unlock } = useSoundUnlock(sound, { userActivated: props.userActivated, muted: props.muted, volume: props.volume });
  const { onSound } = props;
  const toggleMute = useCallback(() => {
    unlock();
    onSound({ muted: !silent });
  }, [unlock, onSound, silent]);
  const changeVolume = useCallback(
    (volume: number) => {
      unlock();
      // Turning the volume up is asking for sound; turning it down while muted is not.
      const next = clampVolume(volume);
      onSound(next > props.volume ? { volume: next, muted: false } : { volume: next });
    },
    [unlock, onSound, props.volume],
  );
  const xrSession = useXRSession(xrStore);
  const text = uiText(language);
  const t = useCallback((value: LocalizedText) => localize(value, language, story.languages), [language, story.languages]);

  const credits = isCredits(snapshot);
  // During the credits the page still names the ending that was reached.
  const lastScene = useRef(currentScene(snapshot));
  if (!credits) lastScene.current = currentScene(snapshot);
  const sceneId = lastScene.current;
  // The studio's preview: where audiences looked, posted by the studio around this frame.
  const heatmaps = usePreviewHeatmaps(isPreview(props.preview) || props.preview.hotspots);
  const scene = story.scenes[sceneId];
  useMediaHeadStart(libraries, { story, cut, sceneId, pendingEnding: snapshot.context.pendingEnding, language, filmBase });
  const ended = isEnding(snapshot);
  const offered = useMemo(() => offeredChoices(story, snapshot), [story, snapshot]);
  const deadline = choiceDeadline(story, snapshot);
  const [mediaStatus, setMediaStatus] = useState<{ status: MediaStatus; detail?: string | undefined }>({ status: 'loading' });
  const onMediaStatus = useCallback((status: MediaStatus, detail?: string) => setMediaStatus({ status, detail }), []);
  const started = useRef(false);
  if (mediaStatus.status !== 'loading') started.current = true;
  // A choice made before its scene was ready: the last picture holds while the scene loads.
  const holding = started.current && mediaStatus.status === 'loading';

  useEffect(() => {
    onProgress({ scene: sceneId, status: ended ? 'ended' : started.current ? 'playing' : 'loading' });
  }, [onProgress, sceneId, ended, mediaStatus.status]);
  // The credits are read on the page: a headset viewer is brought back to the screen for them
  // (a kiosk's stay in the headset, for the next visitor).
  useEffect(() => {
    if (credits && !kiosk) void xrSession?.end();
  }, [credits, kiosk, xrSession]);

  const announcement = useAnnouncements(story, snapshot, t, text);
  const subtitle = useSubtitle(story, sceneId, language, filmBase, tracks, clock, props.subtitles);
  const hasSubtitles = scene?.subtitles[language] !== undefined;
  const entry = `${sceneId}#${snapshot.context.visits[sceneId] ?? 0}`;
  useNarration({ story, sceneId: credits ? '' : sceneId, entry, language, filmBase, library: narration, clock });
  useAmbience({ story, sceneId: credits ? '' : sceneId, entry, filmBase, library: ambience, clock });
  const hint = useFirstTimeHint(snapshot.context.dwelled.length > 0);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) clock.pause('paused');
    else clock.resume('paused');
  }, [clock, paused]);
  const fullscreen = useFullscreen();
  const canEnterVR = useImmersiveVRSupport();
  const { onSubtitles, onSubtitleSize, onLanguage } = props;
  const controls = playerControls(
    {
      paused,
      silent,
      volume: props.volume,
      subtitles: props.subtitles,
      sceneHasSubtitles: hasSubtitles,
      subtitleSize: props.subtitleSize,
      language,
      languages: story.languages,
      immersive: xrSession !== null,
      canExitVR: !kiosk,
      canEnterVR,
      magicWindow: MagicWindow.available() ? magicOn : null,
      fullscreen: fullscreen.active,
    },
    {
      togglePause: () => setPaused((p) => !p),
      toggleMute,
      setVolume: changeVolume,
      setSubtitles: onSubtitles,
      setSubtitleSize: onSubtitleSize,
      setLanguage: onLanguage,
      toggleMagicWindow: () => {
        // iOS grants the phone's orientation only from a tap, so the permission is asked here.
        if (!magic.enabled) return void magic.enable().then(setMagicOn);
        magic.disable();
        setMagicOn(false);
      },
      toggleFullscreen: fullscreen.toggle,
      enterVR: () => void xrStore.enterVR(),
      exitVR: () => void xrSession?.end(),
    },
    text,
  );
  const [focusedChoice, setFocusedChoice] = useState<string | null>(null);

  if (credits || !scene)
    return (
      <>
        {kiosk && (
          <host.slot.In>
            <XRCredits lines={creditLines(story, lastScene.current, language, props.provenance)} />
          </host.slot.In>
        )}
        <CreditsScreen story={story} provenance={props.provenance} language={language} edition={snapshot.context.edition} endingsSeen={snapshot.context.endingsSeen} onRestart={onRestart} />
      </>
    );

  return (
    <div className="viewing" data-media={mediaStatus.status} data-paused={paused ? 'true' : 'false'}>
      <host.slot.In>
      <StageScene
        viewing={{
          story,
          cut,
          language,
          sceneId,
          pendingEnding: snapshot.context.pendingEnding,
          offered,
          dwelled: snapshot.context.dwelled,
          variables: snapshot.context.variables,
          deadline,
          send: actor.send,
          clock,
          setAttentionReporter: viewing.setAttentionReporter,
        }}
        media={{ libraries, filmBase, onStatus: onMediaStatus }}
        input={{ view, magic, xrStore, focusedChoice }}
        captions={{
          // In the headset, the held picture says why it holds, as the screen's loading sign does.
          caption: props.headsetNotice ?? (holding ? text.loading : hint ? text.hint : announcement || null),
          subtitle,
          subtitleScale: SUBTITLE_SCALE[props.subtitleSize],
        }}
        device={profile}
        menu={headsetMenu(controls)}
        outlineHotspots={props.preview.hotspots}
        heatmap={heatmaps.get(sceneId) ?? null}
      />
      </host.slot.In>
      <div className="reticle" aria-hidden="true" />
      {/* A scene that is only a colour (an ending, a question to the audience) is a title card. */}
      {scene.media.type === 'color' && !scene.splat && scene.props.length === 0 && (
        <p className="title-card" aria-hidden="true">
          {t(scene.title)}
        </p>
      )}
      {hint && (
        <p className="hint">
          {text.hint}
        </p>
      )}
      {/* A choice made before its scene was ready: the last picture holds, and this says why. */}
      {holding && (
        <p className="media-loading" aria-hidden="true">
          {text.loading}
        </p>
      )}
      {mediaStatus.status === 'failed' && (
        <p className="notice" title={mediaStatus.detail}>
          {text.mediaFailed}
        </p>
      )}
      {deadline && offered.length > 0 && <Countdown deadline={deadline} clock={clock} label={text.timeLeft} />}
      <SubtitleLine text={subtitle} size={props.subtitleSize} />
      <ControlsBar controls={controls} />
      <AccessibilityLayer
        announcement={announcement}
        text={text}
        hotspots={scene.hotspots.map((h) => ({ id: h.id, label: t(h.label), ...hotspotAim(h), seen: snapshot.context.dwelled.includes(h.id) }))}
        choices={offered.map((id) => ({ id, label: choiceLabel(story, sceneId, id, language) }))}
        onLookAt={(h) => (view.target = { yaw: h.yaw, pitch: h.pitch })}
        onChoose={(id) => actor.send({ type: 'choice.made', choice: id })}
        onFocusChoice={setFocusedChoice}
      />
    </div>
  );
}

/** The credits as the headset shows them: the film, the ending reached, the people, the AI label. */
function creditLines(story: StoryPackage, ending: string, language: string, provenance: Provenance | null): string[] {
  const text = uiText(language);
  const t = (value: LocalizedText) => localize(value, language, story.languages);
  const ended = story.scenes[ending];
  return [
    t(story.title),
    ...(ended ? [`${t(ended.title)} — ${text.theEnd}`] : []),
    ...story.credits.slice(0, 4).map((c) => `${t(c.role)}${text.labelSeparator}${c.name}`),
    ...(hasAiContent(provenance) ? [text.aiGenerated] : []),
  ];
}

/** What the live region says: the scene title on entry, each clue found, the memory crystal's shifts, the ending. */
function useAnnouncements(story: StoryPackage, snapshot: StorySnapshot, t: (v: LocalizedText) => string, text: ReturnType<typeof uiText>): string {
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<{ scene: string; visits: number; clues: readonly string[]; crystal: number } | null>(null);
  const sceneId = currentScene(snapshot);
  useEffect(() => {
    const scene = story.scenes[sceneId];
    if (!scene) return;
    const before = previous.current;
    const visits = snapshot.context.visits[sceneId] ?? 0;
    const entered = !before || before.scene !== sceneId || before.visits !== visits;
    const parts: string[] = [];
    if (entered) parts.push(t(scene.title));
    for (const clue of snapshot.context.clues) if (before && !before.clues.includes(clue)) parts.push(`${text.clueFound}: ${t(clueText(story, clue))}`);
    const crystal = story.crystal ? crystalMix(snapshot.context.variables[story.crystal.variable], story.crystal) : 0;
    if (before && crystal !== before.crystal) parts.push(crystal > before.crystal ? text.crystalRedder : text.crystalBluer);
    if (entered && scene.ending) parts.push(text.theEnd);
    previous.current = { scene: sceneId, visits, clues: snapshot.context.clues, crystal };
    if (parts.length > 0) setAnnouncement(parts.join(' — '));
  }, [story, snapshot, sceneId, t, text]);
  return announcement;
}
