import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropEarlyPictures, startEarlyPicture, takeEarlyPicture } from '../../src/media/early-picture';

describe('early pictures', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are fetched once, taken once, and none starts once the player has given back the rest', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve(new Response(null, { status: 404 }));
    });
    startEarlyPicture('https://festival.example/scenes/hello/assets/hall.webp', 4096);
    startEarlyPicture('https://festival.example/scenes/hello/assets/hall.webp', 4096);
    expect(fetched).toEqual(['https://festival.example/scenes/hello/assets/hall.webp']);
    // The library that takes it sees the request's failure as its own.
    await expect(takeEarlyPicture('https://festival.example/scenes/hello/assets/hall.webp')).rejects.toThrow('HTTP 404');
    expect(takeEarlyPicture('https://festival.example/scenes/hello/assets/hall.webp')).toBeNull();
    // After the player's head start gave back what it did not take, a late guess would be taken by nobody.
    dropEarlyPictures();
    startEarlyPicture('https://festival.example/scenes/hello/assets/tower.webp', 4096);
    expect(fetched).toHaveLength(1);
    expect(takeEarlyPicture('https://festival.example/scenes/hello/assets/tower.webp')).toBeNull();
  });
});
