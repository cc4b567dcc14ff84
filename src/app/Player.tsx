import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  type LocalizedText,
  type SaveStorage,
  type StoryPackage,
  type StorySnapshot,
  choiceDeadline,
  clueText,
  currentScene,
  cutEdition,
  hotspotAim,
  isCredits,
  isEnding,
  languageName,
  localize,
  offeredChoices,
  type Provenance,
  uiText,
} from '../story';
import { SubtitleTracks } from '../media';
import { MagicWindow, type MediaStatus, Stage, createScreenView, crystalMix } from '../stage';
import { EnterVRButton, createPlayerXRStore, detectDeviceProfile, useXRSession } from '../xr';
import { AccessibilityLayer } from './AccessibilityLayer';
import type { AppStatus } from './App';
import { Countdown } from './Countdown';
import { CreditsScreen } from './CreditsScreen';
import { FullscreenButton } from './FullscreenButton';
import { SubtitleLine, useSubtitle } from './Subtitles';
import { useFirstTimeHint } from './first-time-hint';
import type { ViewingPreview } from './preview';
import { SUBTITLE_SCALE, type SubtitleSize, VOLUME_STEP, type ViewerSettings, clampVolume } from './settings';
import { SoundControls } from './SoundControls';
import { useNarration } from './use-narration';
import { useAmbience } from './use-ambience';
import { useViewing } from './viewing';
import { usePlayerMedia } from './player-media';

export interface PlayerProps {
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
  const { story, filmBase, language, edition, resume, choiceTimeScale, storage, onProgress, onRestart } = props;
  const viewing = useViewing({ story, edition, language, resume, choiceTimeScale, storage, preview: props.preview });
  const { actor, clock } = viewing;
  const snapshot = useSyncExternalStore(
    useCallback((listener: () => void) => {
      const subscription = actor.subscribe(listener);
      return () => subscription.unsubscribe();
    }, [actor]),
    () => actor.getSnapshot(),
  );
  const cut = useMemo(() => cutEdition(story, snapshot.context.edition), [story, snapshot.context.edition]);
  const [view] = useState(() => createScreenView());
  const [magic] = useState(() => new MagicWindow());
  const [magicOn, setMagicOn] = useState(false);
  useEffect(() => () => magic.disable(), [magic]);
  const [profile] = useState(() => detectDeviceProfile(navigator.userAgent, navigator.maxTouchPoints ?? 0));
  const { sound, libraries, narration, ambience } = usePlayerMedia(profile);
  const [tracks] = useState(() => new SubtitleTracks());
  // Sound starts silent (browsers allow that without a gesture) until the viewer's first click:
  // Play on the start screen, or the mute toggle or volume slider under ?autoplay.
  const [unlocked, setUnlocked] = useState(props.userActivated);
  const silent = props.muted || !unlocked;
  useEffect(() => sound.setLevel({ muted: silent, volume: props.volume }), [sound, silent, props.volume]);
  useEffect(() => {
    // Play was clicked just before: the page's activation lets the audio graph start now.
    if (props.userActivated) sound.unlock();
    // Any later interaction (re)starts it too: a browser may suspend it (a phone call, a hidden tab).
    const unlock = () => sound.unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [sound, props.userActivated]);
  const { onSound } = props;
  const toggleMute = useCallback(() => {
    sound.unlock();
    setUnlocked(true);
    onSound({ muted: !silent });
  }, [sound, onSound, silent]);
  const changeVolume = useCallback(
    (volume: number) => {
      sound.unlock();
      setUnlocked(true);
      // Turning the volume up is asking for sound; turning it down while muted is not.
      const next = clampVolume(volume);
      onSound(next > props.volume ? { volume: next, muted: false } : { volume: next });
    },
    [sound, onSound, props.volume],
  );
  const [xrStore] = useState(() => createPlayerXRStore(document.baseURI, profile));
  useEffect(() => () => xrStore.destroy(), [xrStore]);
  const xrSession = useXRSession(xrStore);
  const text = uiText(language);
  const t = useCallback((value: LocalizedText) => localize(value, language, story.languages), [language, story.languages]);

  const credits = isCredits(snapshot);
  // During the credits the page still names the ending that was reached.
  const lastScene = useRef(currentScene(snapshot));
  if (!credits) lastScene.current = currentScene(snapshot);
  const sceneId = lastScene.current;
  const scene = story.scenes[sceneId];
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
  // The credits are read on the page: a headset viewer is brought back to the screen for them.
  useEffect(() => {
    if (credits) void xrSession?.end();
  }, [credits, xrSession]);

  const announcement = useAnnouncements(story, snapshot, t, text);
  const subtitle = useSubtitle(story, sceneId, language, filmBase, tracks, clock, props.subtitles);
  const hasSubtitles = scene?.subtitles[language] !== undefined;
  const entry = `${sceneId}#${snapshot.context.visits[sceneId] ?? 0}`;
  useNarration({ story, cut, sceneId: credits ? '' : sceneId, entry, language, filmBase, library: narration, clock });
  useAmbience({ story, cut, sceneId: credits ? '' : sceneId, entry, filmBase, library: ambience, clock });
  const hint = useFirstTimeHint(snapshot.context.dwelled.length > 0);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) clock.pause('paused');
    else clock.resume('paused');
  }, [clock, paused]);
  const [focusedChoice, setFocusedChoice] = useState<string | null>(null);
  const [canvasKey, setCanvasKey] = useState(0);
  const [restoring, setRestoring] = useState(false);
  const onContextLost = useCallback(() => {
    setRestoring(true);
    // A new canvas gets a new context; the story actor and textures' sources survive the remount.
    window.setTimeout(() => {
      setCanvasKey((k) => k + 1);
      setRestoring(false);
    }, 300);
  }, []);

  if (credits || !scene)
    return <CreditsScreen story={story} provenance={props.provenance} language={language} edition={snapshot.context.edition} endingsSeen={snapshot.context.endingsSeen} onRestart={onRestart} />;

  return (
    <div className="player" data-device={profile.id} data-media={mediaStatus.status} data-xr={xrSession ? 'immersive' : 'screen'} data-paused={paused ? 'true' : 'false'}>
      <Stage
        key={canvasKey}
        antialias={profile.antialias}
        splatBudget={profile.splatBudget}
        story={story}
        cut={cut}
        language={language}
        sceneId={sceneId}
        offered={offered}
        dwelled={snapshot.context.dwelled}
        variables={snapshot.context.variables}
        outlineHotspots={props.preview.hotspots}
        deadline={deadline}
        send={actor.send}
        clock={clock}
        setAttentionReporter={viewing.setAttentionReporter}
        view={view}
        magic={magic}
        xrStore={xrStore}
        libraries={libraries}
        filmBase={filmBase}
        // In the headset, the held picture says why it holds, as the screen's loading sign does.
        caption={holding ? text.loading : hint ? text.hint : announcement || null}
        subtitle={subtitle}
        subtitleScale={SUBTITLE_SCALE[props.subtitleSize]}
        focusedChoice={focusedChoice}
        onMediaStatus={onMediaStatus}
        onContextLost={onContextLost}
        xrMenu={[
          { id: 'exit', label: text.exitVR, onSelect: () => void xrSession?.end() },
          { id: 'pause', label: paused ? text.resume : text.pause, onSelect: () => setPaused((p) => !p) },
          { id: 'mute', label: silent ? text.unmute : `${text.mute} · ${Math.round(props.volume * 100)}%`, onSelect: toggleMute },
          { id: 'volume-down', label: text.volumeDown, onSelect: () => changeVolume(props.volume - VOLUME_STEP) },
          { id: 'volume-up', label: text.volumeUp, onSelect: () => changeVolume(props.volume + VOLUME_STEP) },
          { id: 'subtitles', label: props.subtitles ? text.subtitlesOn : text.subtitlesOff, onSelect: () => props.onSubtitles(!props.subtitles) },
          {
            id: 'subtitle-size',
            label: `${text.subtitleSize}${text.labelSeparator}${sizeName(text, props.subtitleSize)}`,
            onSelect: () => props.onSubtitleSize(nextOf(SUBTITLE_SIZES, props.subtitleSize)),
          },
          ...(story.languages.length > 1
            ? [{ id: 'language', label: `${text.language}${text.labelSeparator}${languageName(language)}`, onSelect: () => props.onLanguage(nextOf(story.languages, language)) }]
            : []),
        ]}
      />
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
      {restoring && <p className="notice">{text.restoring}</p>}
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
      <div className="controls" ref={trackControlsHeight}>
        <SoundControls volume={props.volume} silent={silent} text={text} onToggleMute={toggleMute} onVolume={changeVolume} />
        {hasSubtitles && (
          <button type="button" className="subtitles-toggle" aria-pressed={props.subtitles} onClick={() => props.onSubtitles(!props.subtitles)}>
            {text.subtitles}
          </button>
        )}
        {story.languages.length > 1 && (
          <select className="language" aria-label={text.language} value={language} onChange={(e) => props.onLanguage(e.target.value)}>
            {story.languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="pause" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
          {paused ? text.resume : text.pause}
        </button>
        {!xrSession && MagicWindow.available() && (
          <button
            type="button"
            className="magic-window"
            aria-pressed={magicOn}
            // iOS grants the phone's orientation only from a tap, so the permission is asked here.
            onClick={() => {
              if (!magic.enabled) return void magic.enable().then(setMagicOn);
              magic.disable();
              setMagicOn(false);
            }}
          >
            {text.moveToLook}
          </button>
        )}
        <FullscreenButton enter={text.fullscreen} exit={text.exitFullscreen} />
        <EnterVRButton store={xrStore} label={text.enterVR} />
      </div>
      <AccessibilityLayer
        announcement={announcement}
        text={text}
        hotspots={scene.hotspots.map((h) => ({ id: h.id, label: t(h.label), ...hotspotAim(h), seen: snapshot.context.dwelled.includes(h.id) }))}
        choices={offered.map((id) => ({ id, label: t(scene.choices.find((c) => c.id === id)!.label) }))}
        onLookAt={(h) => (view.target = { yaw: h.yaw, pitch: h.pitch })}
        onChoose={(id) => actor.send({ type: 'choice.made', choice: id })}
        onFocusChoice={setFocusedChoice}
      />
    </div>
  );
}

const SUBTITLE_SIZES: readonly SubtitleSize[] = ['small', 'medium', 'large'];

/** The entry after `current` in `list`, round to the first (a headset button cycles through them). */
function nextOf<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length] ?? current;
}

function sizeName(text: ReturnType<typeof uiText>, size: SubtitleSize): string {
  return size === 'small' ? text.sizeSmall : size === 'large' ? text.sizeLarge : text.sizeMedium;
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

/**
 * Keeps `--controls-height` on the player at the controls bar's height, which grows when its
 * buttons wrap on narrow screens, so subtitles stay above it. (A ref callback with cleanup.)
 */
function trackControlsHeight(bar: HTMLDivElement | null) {
  const player = bar?.parentElement;
  if (!bar || !player) return;
  const observer = new ResizeObserver(() => player.style.setProperty('--controls-height', `${bar.offsetHeight}px`));
  observer.observe(bar);
  return () => observer.disconnect();
}
