import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Texture } from 'three';
import { type EditionCut, type Media, type StoryPackage } from '../story';
import { type SourceSupport, type TextureLibrary, type VideoLibrary, type WantedPicture, assetUrl, pickSource } from '../media';

export type MediaStatus = 'loading' | 'ready' | 'failed';

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

export interface MediaLibraries {
  readonly textures: TextureLibrary;
  readonly videos: VideoLibrary;
}

/** Shown while no media of a scene can be loaded, so the story goes on around a clear placeholder. */
const PLACEHOLDER_COLOR = '#24262d';

type Picked = { readonly url: string; readonly width: number | undefined };

/** The scene's media in play order: the edition's choice (primary or an alternate), then the ones after it. */
function candidates(story: StoryPackage, cut: EditionCut, sceneId: string): Array<{ media: Media; alternate: number }> {
  const scene = story.scenes[sceneId];
  if (!scene) return [];
  const all = [scene.media, ...scene.alternates.map((a) => a.media)].map((media, alternate) => ({ media, alternate }));
  return all.slice(Math.min(cut.alternateOf(sceneId), all.length - 1));
}

/** The file a picture or video is loaded from on this device, with its declared width. */
function pick(media: Media, support: SourceSupport, filmBase: URL): Picked | null {
  if (media.type === 'color') return null;
  const src = pickSource(media, support);
  return { url: assetUrl(filmBase, src), width: media.sources.find((s) => s.src === src)?.width };
}

/**
 * Resolves, preloads and holds scene media. Each panorama or video is taken from the best of its
 * sources the device supports. The current scene's media and that of the scenes its choices and
 * routes lead to are loaded while the current scene plays (images fetched, decoded and uploaded to
 * the GPU within the device's memory budget; videos buffered to their first frame); the rest is
 * disposed. While the scene's own picture loads, its poster shows if it has one, else the previous
 * picture stays. When the media fails to load, the next alternate plays (the story graph does not
 * change); when all fail, a placeholder colour.
 */
export function useSceneMedia(story: StoryPackage, cut: EditionCut, sceneId: string, libraries: MediaLibraries, filmBase: URL): SceneMedia {
  const { textures, videos } = libraries;
  const gl = useThree((s) => s.gl);
  useEffect(() => textures.attach(gl), [textures, gl]);
  const scene = story.scenes[sceneId];
  const nextScenes = scene ? [...cut.choicesOf(sceneId).map((c) => c.to), ...(scene.next ?? []).map((r) => r.to)].map((s) => cut.resolve(s)) : [];
  useSyncExternalStore((listener) => textures.subscribe(listener), () => textures.version);
  useSyncExternalStore((listener) => videos.subscribe(listener), () => videos.version);
  const support = textures.support;
  const picked = (media: Media | undefined) => (media && support ? pick(media, support, filmBase) : null);
  const stateOf = (media: Media) => {
    if (media.type === 'color') return null;
    const p = picked(media);
    if (!p) return { status: 'loading' as const };
    return media.type === 'panorama' ? textures.state(p.url) : videos.state(p.url);
  };

  // The first candidate that has not failed; everything after a failure is tried in order.
  let chosen: { media: Media; alternate: number } | null = null;
  for (const c of candidates(story, cut, sceneId)) {
    if (stateOf(c.media)?.status === 'failed') continue;
    chosen = c;
    break;
  }
  const state = chosen ? stateOf(chosen.media) : null;
  const poster = chosen && chosen.media.type !== 'color' && chosen.media.poster && state?.status !== 'ready' ? assetUrl(filmBase, chosen.media.poster) : null;
  const posterState = poster ? textures.state(poster) : null;

  type Held = { texture: Texture | null; color: string; video: HTMLVideoElement | null; url: string | null; media: Media | null };
  const held = useRef<Held>({ texture: null, color: PLACEHOLDER_COLOR, video: null, url: null, media: null });
  // Pictures nearest first: this scene's (and its poster while it loads), then the next scenes'.
  const wanted = [chosen?.media, ...nextScenes.map((s) => candidates(story, cut, s)[0]?.media)];
  const current = picked(chosen?.media);
  const images: WantedPicture[] = [];
  if (current && chosen?.media.type === 'panorama') images.push(current);
  if (poster) images.push({ url: poster });
  const leaving = useLeavingPicture(sceneId, held.current.url, scene?.transition.durationMs ?? 0);
  if (leaving && !images.some((i) => i.url === leaving)) images.push({ url: leaving });
  const required = images.length;
  for (const media of wanted.slice(1)) if (media?.type === 'panorama' && support) images.push(pick(media, support, filmBase)!);
  const imageKey = support ? JSON.stringify([images, required]) : '';
  const videoKey = support
    ? [...new Set(wanted.flatMap((m) => (m?.type === 'video' ? [pick(m, support, filmBase)!.url] : [])))].join('\n')
    : null;
  useEffect(() => {
    if (!imageKey) return;
    const [list, count] = JSON.parse(imageKey) as [WantedPicture[], number];
    textures.keepOnly(list, count);
  }, [textures, imageKey]);
  useEffect(() => {
    if (videoKey !== null) videos.keepOnly(new Set(videoKey ? videoKey.split('\n') : []));
  }, [videos, videoKey]);

  let status: MediaStatus;
  if (!chosen) {
    status = 'failed';
    held.current = { texture: null, color: PLACEHOLDER_COLOR, video: null, url: null, media: null };
  } else if (chosen.media.type === 'color') {
    status = 'ready';
    held.current = { texture: null, color: chosen.media.color, video: null, url: null, media: null };
  } else if (state?.status === 'ready') {
    status = 'ready';
    held.current = { texture: state.texture, color: PLACEHOLDER_COLOR, video: 'video' in state ? (state.video as HTMLVideoElement) : null, url: current!.url, media: chosen.media };
  } else {
    // Scene time waits for the real picture; meanwhile its poster, else the previous picture (never black).
    status = 'loading';
    if (posterState?.status === 'ready') held.current = { texture: posterState.texture, color: PLACEHOLDER_COLOR, video: null, url: poster, media: chosen.media };
  }

  // The frame a picture is first drawn in goes to the media log (tests measure switches with it).
  const lastShown = useRef<string | null>(null);
  useFrame(() => {
    const url = held.current.url;
    if (url === lastShown.current) return;
    lastShown.current = url;
    if (url) textures.shown(url);
  });

  const lastFailure = candidates(story, cut, sceneId)
    .map((c) => stateOf(c.media))
    .find((s) => s?.status === 'failed');
  return {
    status,
    texture: held.current.texture,
    color: held.current.color,
    video: status === 'ready' ? held.current.video : null,
    shown: held.current.media,
    detail: lastFailure?.status === 'failed' ? lastFailure.error : undefined,
  };
}


/**
 * The picture of the scene just left, kept loaded through the arriving scene's transition: a fade
 * or dissolve still draws it, and a disposed picture (its ImageBitmap closed) would draw black.
 */
function useLeavingPicture(sceneId: string, shownUrl: string | null, durationMs: number): string | null {
  const [leaving, setLeaving] = useState<{ scene: string; url: string | null }>({ scene: sceneId, url: null });
  // Derived from the scene change during render, while `shownUrl` is still the leaving picture.
  if (leaving.scene !== sceneId) setLeaving({ scene: sceneId, url: shownUrl });
  useEffect(() => {
    if (!leaving.url) return;
    const timer = setTimeout(() => setLeaving((l) => (l === leaving ? { scene: l.scene, url: null } : l)), durationMs + 250);
    return () => clearTimeout(timer);
  }, [leaving, durationMs]);
  return leaving.scene === sceneId ? leaving.url : shownUrl;
}
