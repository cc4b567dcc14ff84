import type { LocalizedText } from './text';
import type { StoryPackage } from './schema';

/** The text announced when a clue is found: its declared text, else the label of a hotspot that grants it. */
export function clueText(story: StoryPackage, clue: string): LocalizedText {
  if (Object.hasOwn(story.clues, clue)) return story.clues[clue]!;
  for (const scene of Object.values(story.scenes))
    for (const hotspot of scene.hotspots) if (hotspot.grants.includes(clue)) return hotspot.label;
  return clue;
}
