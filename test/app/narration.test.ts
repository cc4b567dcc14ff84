import { describe, expect, it } from 'vitest';
import { NARRATION_DRIFT_S, narrationRate, narrationResync, narrationUrl } from '../../src/app/use-narration';
import type { StoryPackage } from '../../src/story';

const base = new URL('https://player.test/scenes/film/');
const story = {
  languages: ['en', 'zh-CN'],
  scenes: {
    both: { narration: { en: 'assets/both.en.ogg', 'zh-CN': 'assets/both.zh-CN.ogg' } },
    english: { narration: { en: 'assets/english.ogg' } },
    silent: { narration: {} },
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

describe('narrationResync', () => {
  it('leaves narration that keeps up with scene time', () => {
    expect(narrationResync(3, 3, 10)).toBeNull();
    expect(narrationResync(3.2, 3, 10)).toBeNull();
    expect(narrationResync(2.8, 3, 10)).toBeNull();
    expect(narrationResync(3 + NARRATION_DRIFT_S, 3, 10)).toBeNull();
  });

  it('seeks narration that fell behind (a stall) or ran ahead back to scene time', () => {
    expect(narrationResync(2.7, 3, 10)).toBe(3);
    expect(narrationResync(1, 6, 10)).toBe(6);
    expect(narrationResync(4, 3, 10)).toBe(3);
    expect(narrationResync(0.5, 3, Number.NaN)).toBe(3);
  });

  it('ends narration that scene time has gone past, and leaves one just at its end', () => {
    expect(narrationResync(5, 12, 10)).toBe(10);
    expect(narrationResync(9.9, 12, 10)).toBeNull();
  });
});

describe('narrationRate', () => {
  it("follows the scene clock's rate within what browsers play", () => {
    expect(narrationRate(1)).toBe(1);
    expect(narrationRate(4)).toBe(4);
    expect(narrationRate(20)).toBe(16);
    expect(narrationRate(0.01)).toBe(1 / 16);
  });
});
