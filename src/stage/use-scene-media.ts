import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Texture } from 'three';
import { type EditionCut, type Media, type StoryPackage } from '../story';
import { type TextureLibrary, type VideoLibrary, assetUrl } from '../media';

export type MediaStatus = 'loading' | 'ready' | 'failed';

export interface SceneMedia {
  readonly status: MediaStatus;
  /** What to show now: the scene's image or video frame, or the held previous one while it loads. */
  readonly texture: Texture | null;
  readonly color: string;
  /** The scene's video element, when its media is a video that is ready. */
  readonly video: HTMLVideoElement | null;
  readonly detail: string | undefined;
}

export interface MediaLibraries {
  readonly textures: TextureLibrary;
  readonly videos: VideoLibrary;
}

/** Shown while no media of a scene can be loaded, so the story goes on around a clear placeholder. */
const PLACEHOLDER_COLOR = '#24262d';

/** The scene's media in play order: the edition's choice (primary or an alternate), then the ones after it. */
function candidates(story: StoryPackage, cut: EditionCut, sceneId: string): Array<{ media: Media; alternate: number }> {
  const scene = story.scenes[sceneId];
  if (!scene) return [];
  const all = [scene.media, ...scene.alternates.map((a) => a.media)].map((media, alternate) => ({ media, alternate }));
  return all.slice(Math.min(cut.alternateOf(sceneId), all.length - 1));
}

/**
 * Resolves, preloads and holds scene media: the current scene's media and that of the scenes its
 * choices and routes lead to stay loaded (images decoded, videos buffered to their first frame);
 * the rest is disposed. When the media fails to load, the next alternate plays (the story graph
 * does not change); when all fail, a placeholder colour.
 */
export function useSceneMedia(story: StoryPackage, cut: EditionCut, sceneId: string, libraries: MediaLibraries, filmBase: URL): SceneMedia {
  const { textures, videos } = libraries;
  const scene = story.scenes[sceneId];
  const nextScenes = scene ? [...cut.choicesOf(sceneId).map((c) => c.to), ...(scene.next ?? []).map((r) => r.to)].map((s) => cut.resolve(s)) : [];
  useSyncExternalStore((listener) => textures.subscribe(listener), () => textures.version);
  useSyncExternalStore((listener) => videos.subscribe(listener), () => videos.version);
  const stateOf = (media: Media) =>
    media.type === 'panorama' ? textures.state(assetUrl(filmBase, media.src)) : media.type === 'video' ? videos.state(assetUrl(filmBase, media.src)) : null;

  // The first candidate that has not failed; everything after a failure is tried in order.
  let chosen: { media: Media; alternate: number } | null = null;
  for (const c of candidates(story, cut, sceneId)) {
    if (stateOf(c.media)?.status === 'failed') continue;
    chosen = c;
    break;
  }
  const wanted = [chosen?.media, ...nextScenes.map((s) => candidates(story, cut, s)[0]?.media)];
  const urlsOf = (type: Media['type']) =>
    [...new Set(wanted.flatMap((m) => (m && m.type === type && 'src' in m ? [assetUrl(filmBase, m.src)] : [])))].join('\n');
  const imageKey = urlsOf('panorama');
  const videoKey = urlsOf('video');
  useEffect(() => textures.keepOnly(new Set(imageKey ? imageKey.split('\n') : [])), [textures, imageKey]);
  useEffect(() => videos.keepOnly(new Set(videoKey ? videoKey.split('\n') : [])), [videos, videoKey]);

  const held = useRef<{ texture: Texture | null; color: string; video: HTMLVideoElement | null }>({ texture: null, color: PLACEHOLDER_COLOR, video: null });
  let status: MediaStatus;
  const state = chosen ? stateOf(chosen.media) : null;
  if (!chosen) {
    status = 'failed';
    held.current = { texture: null, color: PLACEHOLDER_COLOR, video: null };
  } else if (chosen.media.type === 'color') {
    status = 'ready';
    held.current = { texture: null, color: chosen.media.color, video: null };
  } else if (state?.status === 'ready') {
    status = 'ready';
    held.current = { texture: state.texture, color: PLACEHOLDER_COLOR, video: 'video' in state ? (state.video as HTMLVideoElement) : null };
  } else status = 'loading'; // Hold the previous picture, so a switch never shows a black frame.

  const lastFailure = candidates(story, cut, sceneId)
    .map((c) => stateOf(c.media))
    .find((s) => s?.status === 'failed');
  return {
    status,
    texture: held.current.texture,
    color: held.current.color,
    video: status === 'ready' ? held.current.video : null,
    detail: lastFailure?.status === 'failed' ? lastFailure.error : undefined,
  };
}
