import { describe, expect, it } from 'vitest';
import { ambienceOf, narrationUrl } from '../../src/media/scene-sound';
import type { StoryPackage } from '../../src/story';

const base = new URL('https://player.test/scenes/film/');
const story = {
  languages: ['en', 'zh-CN'],
  scenes: {
    both: { narration: { en: 'assets/both.en.ogg', 'zh-CN': 'assets/both.zh-CN.ogg' } },
    english: { narration: { en: 'assets/english.ogg' } },
    silent: { narration: {}, ambience: { src: 'assets/rain.ogg', volume: 0.3 } },
  },
} as unknown as StoryPackage;

describe('narrationUrl', () => {
  it("picks the viewer's language", () => {
    expect(narrationUrl(story, 'both', 'zh-CN', base)).toBe('https://player.test/scenes/film/assets/both.zh-CN.ogg');
    expect(narrationUrl(story, 'both', 'en', base)).toBe('https://player.test/scenes/film/assets/both.en.ogg');
  });

  it("falls back to the film's first language, and to none", () => {
    expect(narrationUrl(story, 'english', 'zh-CN', base)).toBe('https://player.test/scenes/film/assets/english.ogg');
    expect(narrationUrl(story, 'silent', 'en', base)).toBeNull();
    expect(narrationUrl(story, 'nowhere', 'en', base)).toBeNull();
  });
});

describe('ambienceOf', () => {
  it("gives the scene's bed with its level, and none for a scene without one", () => {
    expect(ambienceOf(story, 'silent', base)).toEqual({ url: 'https://player.test/scenes/film/assets/rain.ogg', volume: 0.3 });
    expect(ambienceOf(story, 'both', base)).toBeNull();
    expect(ambienceOf(story, 'nowhere', base)).toBeNull();
  });
});
