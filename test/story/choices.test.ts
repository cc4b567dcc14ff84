import { describe, expect, it } from 'vitest';
import { type StoryPackage, choiceLabel, validateStory } from '../../src/story';
import { helloStory } from './fixtures';

const story = (): StoryPackage => {
  const { story } = validateStory(helloStory());
  if (!story) throw new Error('the hello film no longer validates');
  return story;
};

describe('a choice label', () => {
  it('is the choice’s label in the viewer’s language', () => {
    expect(choiceLabel(story(), 'hall', 'climb', 'en')).toBe('Climb the tower');
    expect(choiceLabel(story(), 'hall', 'climb', 'zh-CN')).toBe('登上高塔');
  });

  it('falls back to the film’s first language where a translation is missing', () => {
    const json = helloStory();
    json.scenes.hall.choices[0].label = { en: 'Climb the tower' };
    const { story: partial } = validateStory(json);
    expect(choiceLabel(partial!, 'hall', 'climb', 'zh-CN')).toBe('Climb the tower');
  });

  it('reads as the id for a choice the scene does not have, or a scene the film does not have', () => {
    expect(choiceLabel(story(), 'hall', 'no-such-choice', 'en')).toBe('no-such-choice');
    expect(choiceLabel(story(), 'no-such-scene', 'climb', 'en')).toBe('climb');
  });

  it('is looked up in the scene named, not in another scene with a choice of that id', () => {
    const json = helloStory();
    const other = Object.keys(json.scenes).find((id) => id !== 'hall' && (json.scenes[id].choices ?? []).length > 0)!;
    json.scenes[other].choices[0].id = 'climb';
    json.scenes[other].choices[0].label = { en: 'Elsewhere', 'zh-CN': '别处' };
    const { story: twice } = validateStory(json);
    expect(choiceLabel(twice!, 'hall', 'climb', 'en')).toBe('Climb the tower');
    expect(choiceLabel(twice!, other, 'climb', 'en')).toBe('Elsewhere');
  });
});
