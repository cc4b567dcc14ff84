import { useRef } from 'react';
import type { Texture } from 'three';
import type { EditionCut, Media, StoryPackage } from '../story';
import { type BackdropLayout, MONO_360, layoutOfMedia } from './backdrop-geometry';
import type { MediaStatus } from './use-scene-media';

/**
 * The layout of the picture on show. It belongs to the media the texture came from: while the
 * next scene loads, the held picture keeps its own layout, and a plain colour or placeholder is
 * mono 360°. The media is the edition's choice (primary or alternate) for the scene.
 */
/** The media the edition plays for a scene: the primary, or the alternate it names. */
export function editionMedia(story: StoryPackage, cut: EditionCut, sceneId: string): Media | undefined {
  const scene = story.scenes[sceneId];
  const all = scene ? [scene.media, ...scene.alternates.map((a) => a.media)] : [];
  return all[Math.min(cut.alternateOf(sceneId), all.length - 1)];
}

export function useBackdropLayout(story: StoryPackage, cut: EditionCut, sceneId: string, status: MediaStatus, texture: Texture | null): BackdropLayout {
  const media = editionMedia(story, cut, sceneId);
  const held = useRef<BackdropLayout>(MONO_360);
  if (status !== 'loading') held.current = layoutOfMedia(media);
  return texture ? held.current : MONO_360;
}
