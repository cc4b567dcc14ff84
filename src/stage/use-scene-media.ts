import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Texture } from 'three';
import { type EditionCut, type Media, type StoryPackage } from '../story';
import { type TextureLibrary, type TextureState, assetUrl } from '../media';

export type MediaStatus = 'loading' | 'ready' | 'failed';

export interface SceneMedia {
  readonly status: MediaStatus;
  /** What to show now: the scene's image, or the held previous one while it loads. */
  readonly texture: Texture | null;
  readonly color: string;
  /** Which media plays: 0 the primary, n alternate n. */
  readonly alternate: number;
  readonly detail: string | undefined;
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
 * choices and routes lead to stay loaded; the rest is disposed. When the media fails to load, the
 * next alternate plays (the story graph does not change); when all fail, a placeholder colour.
 */
export function useSceneMedia(story: StoryPackage, cut: EditionCut, sceneId: string, library: TextureLibrary, filmBase: URL): SceneMedia {
  const urlOf = (media: Media) => (media.type === 'panorama' ? assetUrl(filmBase, media.src) : null);
  const scene = story.scenes[sceneId];
  const nextScenes = scene ? [...cut.choicesOf(sceneId).map((c) => c.to), ...(scene.next ?? []).map((r) => r.to)].map((s) => cut.resolve(s)) : [];
  const state = useSyncExternalStore(
    (listener) => library.subscribe(listener),
    () => library.version,
  );
  void state;

  // The first candidate that has not failed; everything after a failure is tried in order.
  let chosen: { media: Media; alternate: number; state: TextureState | null } | null = null;
  for (const c of candidates(story, cut, sceneId)) {
    const url = urlOf(c.media);
    const s = url === null ? null : library.state(url);
    if (s?.status === 'failed') continue;
    chosen = { ...c, state: s };
    break;
  }
  const currentUrl = chosen ? urlOf(chosen.media) : null;
  const wanted = [currentUrl, ...nextScenes.map((s) => candidates(story, cut, s)[0]).map((c) => (c ? urlOf(c.media) : null))].filter((u): u is string => u !== null);
  const wantedKey = [...new Set(wanted)].join('\n');
  useEffect(() => library.keepOnly(new Set(wantedKey ? wantedKey.split('\n') : [])), [library, wantedKey]);

  const held = useRef<{ texture: Texture | null; color: string }>({ texture: null, color: PLACEHOLDER_COLOR });
  let status: MediaStatus;
  if (!chosen) {
    status = 'failed';
    held.current = { texture: null, color: PLACEHOLDER_COLOR };
  } else if (chosen.media.type === 'color') {
    status = 'ready';
    held.current = { texture: null, color: chosen.media.color };
  } else if (chosen.state?.status === 'ready') {
    status = 'ready';
    held.current = { texture: chosen.state.texture, color: PLACEHOLDER_COLOR };
  } else status = 'loading'; // Hold the previous image, so a switch never shows a black frame.

  const lastFailure = candidates(story, cut, sceneId)
    .map((c) => urlOf(c.media))
    .map((u) => (u ? library.state(u) : null))
    .find((s): s is Extract<TextureState, { status: 'failed' }> => s?.status === 'failed');
  return { status, texture: held.current.texture, color: held.current.color, alternate: chosen?.alternate ?? -1, detail: lastFailure?.error };
}
