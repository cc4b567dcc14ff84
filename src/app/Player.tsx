import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createActor } from 'xstate';
import { type LocalizedText, type StoryPackage, clueText, compileStory, currentScene, isEnding, localize, offeredChoices } from '../story';
import { TextureLibrary } from '../media';
import { type MediaStatus, Stage, createScreenView } from '../stage';
import { EnterVRButton, createPlayerXRStore, useXRSession } from '../xr';
import { AccessibilityLayer } from './AccessibilityLayer';
import type { AppStatus } from './App';
import { useFirstTimeHint } from './first-time-hint';
import { uiText } from './ui-text';

export interface PlayerProps {
  readonly story: StoryPackage;
  readonly filmBase: URL;
  readonly language: string;
  readonly onProgress: (progress: { scene: string; status: AppStatus }) => void;
}

/**
 * Runs one viewing: the story actor (the only authority on what comes next), the stage that renders
 * its snapshot, and the DOM layer beside the canvas. The actor lives here, outside the canvas, so a
 * lost WebGL context or an ended XR session never loses the viewer's place.
 */
export function Player({ story, filmBase, language, onProgress }: PlayerProps) {
  const [actor] = useState(() => createActor(compileStory(story)).start());
  useEffect(() => () => {
    actor.stop();
  }, [actor]);
  const snapshot = useSyncExternalStore(
    useCallback((listener: () => void) => {
      const subscription = actor.subscribe(listener);
      return () => subscription.unsubscribe();
    }, [actor]),
    () => actor.getSnapshot(),
  );
  const [view] = useState(() => createScreenView());
  const [library] = useState(() => new TextureLibrary());
  useEffect(() => () => library.dispose(), [library]);
  const [xrStore] = useState(() => createPlayerXRStore(document.baseURI));
  useEffect(() => () => xrStore.destroy(), [xrStore]);
  const xrSession = useXRSession(xrStore);
  const text = uiText(language);
  const t = useCallback((value: LocalizedText) => localize(value, language, story.languages), [language, story.languages]);

  const sceneId = currentScene(snapshot);
  const scene = story.scenes[sceneId]!;
  const ended = isEnding(snapshot);
  const offered = useMemo(() => offeredChoices(story, snapshot), [story, snapshot]);
  const [mediaStatus, setMediaStatus] = useState<{ status: MediaStatus; detail?: string | undefined }>({ status: 'loading' });
  const onMediaStatus = useCallback((status: MediaStatus, detail?: string) => setMediaStatus({ status, detail }), []);
  const started = useRef(false);
  if (mediaStatus.status !== 'loading') started.current = true;

  useEffect(() => {
    onProgress({ scene: sceneId, status: ended ? 'ended' : started.current ? 'playing' : 'loading' });
  }, [onProgress, sceneId, ended, mediaStatus.status]);

  // Announcements: the scene title on entry, each clue found, the ending.
  const [announcement, setAnnouncement] = useState<{ text: string; serial: number }>({ text: '', serial: 0 });
  const previous = useRef<{ scene: string; visits: number; clues: readonly string[] } | null>(null);
  useEffect(() => {
    const before = previous.current;
    const visits = snapshot.context.visits[sceneId] ?? 0;
    const entered = !before || before.scene !== sceneId || before.visits !== visits;
    const parts: string[] = [];
    if (entered) parts.push(t(scene.title));
    for (const clue of snapshot.context.clues) if (before && !before.clues.includes(clue)) parts.push(`${text.clueFound}: ${t(clueText(story, clue))}`);
    if (entered && ended) parts.push(text.theEnd);
    previous.current = { scene: sceneId, visits, clues: snapshot.context.clues };
    if (parts.length > 0) setAnnouncement((a) => ({ text: parts.join(' — '), serial: a.serial + 1 }));
  }, [snapshot, sceneId, scene, ended, story, t, text]);

  const hint = useFirstTimeHint(snapshot.context.dwelled.length > 0);
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

  return (
    <div className="player" data-media={mediaStatus.status} data-xr={xrSession ? 'immersive' : 'screen'}>
      <Stage
        key={canvasKey}
        story={story}
        language={language}
        sceneId={sceneId}
        offered={offered}
        dwelled={snapshot.context.dwelled}
        send={actor.send}
        view={view}
        xrStore={xrStore}
        library={library}
        filmBase={filmBase}
        caption={hint ? text.hint : announcement.text || null}
        focusedChoice={focusedChoice}
        onMediaStatus={onMediaStatus}
        onContextLost={onContextLost}
      />
      <div className="reticle" aria-hidden="true" />
      {hint && (
        <p className="hint" aria-hidden="true">
          {text.hint}
        </p>
      )}
      {restoring && <p className="notice">{text.restoring}</p>}
      {mediaStatus.status === 'failed' && (
        <p className="notice" title={mediaStatus.detail}>
          {text.mediaFailed}
        </p>
      )}
      <EnterVRButton store={xrStore} label={text.enterVR} />
      <AccessibilityLayer
        announcement={announcement.text}
        hint={hint ? text.hint : null}
        text={text}
        hotspots={scene.hotspots.map((h) => ({ id: h.id, label: t(h.label), yaw: h.yaw, pitch: h.pitch }))}
        choices={offered.map((id) => ({ id, label: t(scene.choices.find((c) => c.id === id)!.label) }))}
        onLookAt={(h) => (view.target = { yaw: h.yaw, pitch: h.pitch })}
        onChoose={(id) => actor.send({ type: 'choice.made', choice: id })}
        onFocusChoice={setFocusedChoice}
      />
    </div>
  );
}
