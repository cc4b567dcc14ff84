import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Texture } from 'three';
import { type EditionCut, type Media, type StoryPackage } from '../story';
import {
  type MediaKind,
  type ModelLibrary,
  type SourceSupport,
  type SplatLibrary,
  type TextureLibrary,
  type VideoLibrary,
  type WantedMedia,
  MEDIA_KINDS,
  assetUrl,
  pickSource,
  planMedia,
} from '../media';
import { nextScenes as nextScenesOf } from './next-scenes';

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

/** Every library of scene media, sharing one memory budget. */
export interface MediaLibraries {
  readonly textures: TextureLibrary;
  readonly videos: VideoLibrary;
  readonly splats: SplatLibrary;
  readonly models: ModelLibrary;
  /** Bytes of media of every kind to hold (the device profile's `mediaBudget`). */
  readonly budget: number;
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

/**
 * The file a picture or video is loaded from on this device, with its declared width: a source
 * that failed (a type the browser claimed but cannot decode) gives way to the next, then to `src`.
 */
function pick(media: Media, support: SourceSupport, filmBase: URL, libraries: MediaLibraries): Picked | null {
  if (media.type === 'color') return null;
  const library = media.type === 'video' ? libraries.videos : libraries.textures;
  const src = pickSource(media, support, (s) => library.state(assetUrl(filmBase, s)).status === 'failed');
  return { url: assetUrl(filmBase, src), width: media.sources.find((s) => s.src === src)?.width };
}

/**
 * Resolves, preloads and holds scene media. Each panorama or video is taken from the best of its
 * sources the device supports. This is the memory governor's one seat: the current scene's
 * media of every kind (picture or video, poster, splat world, props) is always held; the media of
 * the scenes its choices and routes lead to, nearest first, is preloaded while it fits the shared
 * budget (`planMedia`); everything else is disposed. The other layers (SplatWorld, props) only
 * read their libraries. While the scene's own picture loads, its poster shows if it has one, else
 * the previous picture stays. When the media fails to load, the next alternate plays (the story graph does not
 * change); when all fail, a placeholder colour.
 */
export function useSceneMedia(story: StoryPackage, cut: EditionCut, sceneId: string, libraries: MediaLibraries, filmBase: URL): SceneMedia {
  const { textures, videos, splats, models } = libraries;
  const gl = useThree((s) => s.gl);
  useEffect(() => textures.setRenderer(gl), [textures, gl]);
  const scene = story.scenes[sceneId];
  const nextScenes = nextScenesOf(story, cut, sceneId);
  useSyncExternalStore((listener) => textures.subscribe(listener), () => textures.version);
  useSyncExternalStore((listener) => videos.subscribe(listener), () => videos.version);
  useSyncExternalStore((listener) => splats.subscribe(listener), () => splats.version);
  useSyncExternalStore((listener) => models.subscribe(listener), () => models.version);
  const support = textures.support;
  const picked = (media: Media | undefined) => (media && support ? pick(media, support, filmBase, libraries) : null);
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
  // What each scene needs, this one first, then the next ones nearest first; all kinds share the budget.
  const current = picked(chosen?.media);
  const leaving = useLeavingPicture(sceneId, held.current.url, scene?.transition.durationMs ?? 0);
  const needs: WantedMedia[][] = [];
  if (support) {
    const own: WantedMedia[] = [];
    if (current) own.push(mediaItem(chosen!.media, current, libraries));
    if (poster) own.push({ kind: 'texture', url: poster, bytes: textures.bytesOf(poster) });
    if (leaving) own.push({ kind: 'texture', url: leaving, bytes: textures.bytesOf(leaving) });
    needs.push([...own, ...worldItems(story, sceneId, filmBase, libraries)]);
    for (const next of nextScenes) {
      const media = candidates(story, cut, next)[0]?.media;
      const p = media ? pick(media, support, filmBase, libraries) : null;
      needs.push([...(p ? [mediaItem(media!, p, libraries)] : []), ...worldItems(story, next, filmBase, libraries)]);
    }
  }
  const plan = needs.length ? planMedia(needs, libraries.budget) : null;
  // A next scene's splat world waits until this scene's own is in, so it never competes with it
  // for the network or Spark's workers.
  const ownWorld = scene?.splat ? assetUrl(filmBase, scene.splat.src) : null;
  const worldSettled = !ownWorld || splats.state(ownWorld).status !== 'loading';
  const keptKey = plan
    ? JSON.stringify(MEDIA_KINDS.map((kind) => [...plan.kept[kind]].filter((url) => kind !== 'splat' || worldSettled || url === ownWorld)))
    : '';
  useEffect(() => {
    if (!keptKey) return;
    const kept = JSON.parse(keptKey) as string[][];
    const holders: Record<MediaKind, { keepOnly(urls: ReadonlySet<string>): void }> = { texture: textures, video: videos, splat: splats, model: models };
    MEDIA_KINDS.forEach((kind, i) => holders[kind].keepOnly(new Set(kept[i])));
  }, [keptKey, textures, videos, splats, models]);

  // For tests and diagnostics: the bytes held now, per kind, and the budget they share.
  const canvas = gl.domElement;
  useEffect(() => {
    const heldBytes = JSON.stringify({ texture: textures.heldBytes(), video: videos.heldBytes(), splat: splats.heldBytes(), model: models.heldBytes() });
    if (canvas.dataset['mediaBytes'] !== heldBytes) canvas.dataset['mediaBytes'] = heldBytes;
    canvas.dataset['mediaBudget'] = String(libraries.budget);
  });

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


/** A scene's picture or video, with its bytes (measured once loaded, estimated before). */
function mediaItem(media: Media, p: Picked, libraries: MediaLibraries): WantedMedia {
  return media.type === 'video'
    ? { kind: 'video', url: p.url, bytes: libraries.videos.bytesOf(p.url, p.width) }
    : { kind: 'texture', url: p.url, bytes: libraries.textures.bytesOf(p.url, p.width) };
}

/** A scene's splat world and prop models, with their bytes. */
function worldItems(story: StoryPackage, sceneId: string, filmBase: URL, libraries: MediaLibraries): WantedMedia[] {
  const scene = story.scenes[sceneId];
  const items: WantedMedia[] = [];
  if (scene?.splat) {
    const url = assetUrl(filmBase, scene.splat.src);
    items.push({ kind: 'splat', url, bytes: libraries.splats.bytesOf(url) });
  }
  for (const prop of scene?.props ?? []) {
    const url = assetUrl(filmBase, prop.src);
    items.push({ kind: 'model', url, bytes: libraries.models.bytesOf(url) });
  }
  return items;
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
