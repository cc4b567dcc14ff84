import { useFrame, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Texture } from 'three';
import type { EditionCut, Media, StoryPackage } from '../story';
import { type MediaLibraries, type MediaStatus, planSceneMedia } from '../media';

export interface SceneMedia {
  readonly status: MediaStatus;
  /** What to show now: the scene's picture or video frame, its poster while that loads, or the held previous one. */
  readonly texture: Texture | null;
  readonly color: string;
  /** The scene's video element, when its media is a video that is ready. */
  readonly video: HTMLVideoElement | null;
  /** The media entry whose picture is on show (its stereo layout and span apply), or null for a colour or placeholder. */
  readonly shown: Media | null;
  readonly detail: string | undefined;
}

export interface SceneMediaOptions {
  readonly story: StoryPackage;
  readonly cut: EditionCut;
  readonly sceneId: string;
  /** The ending the edition's inserted scenes lead to now (the story context's), or null. */
  readonly pendingEnding: string | null;
  /** The viewer's language, whose narration is held. */
  readonly language: string;
  readonly filmBase: URL;
}

/** Shown while no media of a scene can be loaded, so the story goes on around a clear placeholder. */
const PLACEHOLDER_COLOR = '#24262d';

/**
 * What the scene shows. The media layer decides (`planSceneMedia`): which of the scene's media
 * plays (an alternate after a failure, a placeholder colour when all fail), from which source, and
 * what the libraries hold for this scene and the next ones. This hook hands the libraries the
 * renderer, holds what the plan keeps, re-reads it whenever a file settles, and keeps a picture on
 * show: while the scene's own picture loads its poster shows if it has one, else the previous
 * picture stays (never black).
 */
export function useSceneMedia(options: SceneMediaOptions, libraries: MediaLibraries): SceneMedia {
  const { story, sceneId } = options;
  const gl = useThree((s) => s.gl);
  useEffect(() => libraries.setRenderer(gl), [libraries, gl]);
  useSyncExternalStore(libraries.subscribe, () => libraries.version);

  type Held = { texture: Texture | null; color: string; video: HTMLVideoElement | null; url: string | null; media: Media | null };
  const held = useRef<Held>({ texture: null, color: PLACEHOLDER_COLOR, video: null, url: null, media: null });
  const { url: leaving, release: releaseLeaving } = useLeavingPicture(sceneId, held.current.url);
  const plan = planSceneMedia({ ...options, leaving }, libraries);
  useEffect(() => {
    if (plan.kept) libraries.keepOnly(plan.kept);
    // The dependencies, on purpose: only what the plan holds.
  }, [libraries, plan.key]);

  // For tests and diagnostics: the bytes held now, per kind, and the budget they share.
  const canvas = gl.domElement;
  useEffect(() => {
    const heldBytes = JSON.stringify(libraries.heldBytes());
    if (canvas.dataset['mediaBytes'] !== heldBytes) canvas.dataset['mediaBytes'] = heldBytes;
    canvas.dataset['mediaBudget'] = String(libraries.budget);
  });

  const { media, file, poster } = plan;
  const video = file?.kind === 'video' ? libraries.videos.state(file.url) : null;
  const state = file && (video ?? libraries.textures.state(file.url));
  let status: MediaStatus;
  if (!media) {
    status = 'failed';
    held.current = { texture: null, color: PLACEHOLDER_COLOR, video: null, url: null, media: null };
  } else if (media.type === 'color') {
    status = 'ready';
    held.current = { texture: null, color: media.color, video: null, url: null, media: null };
  } else if (file && state?.status === 'ready') {
    status = 'ready';
    held.current = { texture: state.texture, color: PLACEHOLDER_COLOR, video: video?.status === 'ready' ? video.video : null, url: file.url, media };
  } else {
    // Scene time waits for the real picture; meanwhile its poster, else the previous picture (never black).
    status = 'loading';
    const posterState = poster ? libraries.textures.state(poster) : null;
    if (posterState?.status === 'ready') held.current = { texture: posterState.texture, color: PLACEHOLDER_COLOR, video: null, url: poster, media };
  }

  // The leaving picture goes once the scene's own is in (or has failed) and its transition is over.
  const durationMs = story.scenes[sceneId]?.transition.durationMs ?? 0;
  useEffect(() => {
    if (!leaving || status === 'loading') return;
    const timer = setTimeout(releaseLeaving, durationMs + 250);
    return () => clearTimeout(timer);
  }, [leaving, status, durationMs, releaseLeaving]);

  // The frame a picture is first drawn in goes to the media log (tests measure switches with it).
  const lastShown = useRef<string | null>(null);
  useFrame(() => {
    const url = held.current.url;
    if (url === lastShown.current) return;
    lastShown.current = url;
    if (url) libraries.textures.shown(url);
  });

  return {
    status,
    texture: held.current.texture,
    color: held.current.color,
    video: status === 'ready' ? held.current.video : null,
    shown: held.current.media,
    detail: plan.detail,
  };
}

/**
 * The picture of the scene just left, kept loaded while the arriving scene may still draw it: its
 * transition fades or dissolves from it, and until the scene's own picture is in, the stage goes on
 * showing it (a disposed picture, its ImageBitmap closed, would draw black). `release` lets it go.
 */
function useLeavingPicture(sceneId: string, shownUrl: string | null): { readonly url: string | null; readonly release: () => void } {
  const [leaving, setLeaving] = useState<{ scene: string; url: string | null }>({ scene: sceneId, url: null });
  // Derived from the scene change during render, while `shownUrl` is still the leaving picture.
  if (leaving.scene !== sceneId) setLeaving({ scene: sceneId, url: shownUrl });
  const release = useCallback(() => setLeaving((l) => (l.url === null ? l : { scene: l.scene, url: null })), []);
  return { url: leaving.scene === sceneId ? leaving.url : shownUrl, release };
}
