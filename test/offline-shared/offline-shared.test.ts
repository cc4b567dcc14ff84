import { describe, expect, it } from 'vitest';
import { filmOfUrl, fillsFilmCache } from '../../src/offline-shared';

describe('what the page and the service worker agree on', () => {
  const site = new URL('https://films.example/player/');
  it.each([
    ['https://films.example/player/scenes/hello/story.json', 'hello'],
    ['https://films.example/player/scenes/glass-sky/assets/alley.webp', 'glass-sky'],
    ['https://films.example/player/scenes/hello/', null],
    ['https://films.example/player/scenes/hello', null],
    ['https://films.example/player/scenes/Hello/story.json', null],
    ['https://films.example/player/scenes/story.schema.json', null],
    ['https://films.example/other/scenes/hello/story.json', null],
    ['https://elsewhere.example/player/scenes/hello/story.json', null],
    ['https://films.example/player/assets/index.js', null],
  ])('%s belongs to film %s', (url, film) => {
    expect(filmOfUrl(new URL(url), site)).toBe(film);
  });

  it("tells the film cache's own requests by their header, whatever their cache mode", () => {
    expect(fillsFilmCache(new Request('https://films.example/player/scenes/hello/files.json', { headers: { 'X-Sightline-Fill': '1' } }))).toBe(true);
    expect(fillsFilmCache(new Request('https://films.example/player/scenes/hello/files.json', { cache: 'no-store' }))).toBe(false);
  });
});
