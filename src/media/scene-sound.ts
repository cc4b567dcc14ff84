import type { StoryPackage } from '../story';
import { assetUrl } from './asset-url';

/** The scene's narration in the viewer's language, else in the film's first language. */
export function narrationUrl(story: StoryPackage, sceneId: string, language: string, filmBase: URL): string | null {
  const narration = story.scenes[sceneId]?.narration ?? {};
  const src = narration[language] ?? narration[story.languages[0] ?? ''];
  return src === undefined ? null : assetUrl(filmBase, src);
}

/** The scene's ambience bed: its URL and level, or null when it has none. */
export function ambienceOf(story: StoryPackage, sceneId: string, filmBase: URL): { url: string; volume: number } | null {
  const ambience = story.scenes[sceneId]?.ambience;
  return ambience ? { url: assetUrl(filmBase, ambience.src), volume: ambience.volume } : null;
}
