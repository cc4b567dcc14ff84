import type { EditionCut, StoryPackage } from '../story';

/**
 * The scenes a scene can lead to in this edition (its choices' targets and its routes), whose
 * assets are preloaded while it plays (nearest first: choices in their order, then routes).
 */
export function nextScenes(story: StoryPackage, cut: EditionCut, sceneId: string): string[] {
  const scene = story.scenes[sceneId];
  if (!scene) return [];
  return [...cut.choicesOf(sceneId).map((c) => c.to), ...(scene.next ?? []).map((r) => r.to)].map((s) => cut.resolve(s));
}
