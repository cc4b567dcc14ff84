import type { StoryPackage } from './schema';
import { localize } from './text';

/**
 * A choice's label in `language` (with the film's fallbacks), as every surface shows it: the 3D
 * panels, the accessibility layer's buttons, the headset. A choice the scene does not have (a
 * stale id) reads as its id rather than breaking the page.
 */
export function choiceLabel(story: StoryPackage, sceneId: string, choiceId: string, language: string): string {
  const choice = story.scenes[sceneId]?.choices.find((c) => c.id === choiceId);
  return localize(choice?.label ?? choiceId, language, story.languages);
}
