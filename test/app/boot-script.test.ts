import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BOOT_SCRIPT, BOOTED_STORY, type BootedStory } from '../../src/app/boot-script';
import { DEFAULT_FILM } from '../../src/app/params';

/** Runs the boot script as a page at `href` would, and returns what it asked for and left behind. */
function boot(href: string): { readonly requested: string[]; readonly left: BootedStory | undefined } {
  const requested: string[] = [];
  const window: Record<string, unknown> = {};
  const url = new URL(href);
  runInNewContext(BOOT_SCRIPT, {
    location: { search: url.search },
    document: { baseURI: href },
    URL,
    URLSearchParams,
    fetch: (u: string) => {
      requested.push(u);
      return Promise.reject(new Error('offline'));
    },
    window,
  });
  return { requested, left: window[BOOTED_STORY] as BootedStory | undefined };
}

describe('the boot script', () => {
  it("asks for the film's story.json at once and leaves the request for the player", async () => {
    const { requested, left } = boot('https://festival.example/player/?film=hello&autoplay=1');
    expect(requested).toEqual(['https://festival.example/player/scenes/hello/story.json']);
    expect(left?.url).toBe(requested[0]);
    // A failed request is the player's to report; left alone, it is no unhandled rejection.
    await expect(left?.response).rejects.toThrow('offline');
  });

  it('asks for the default film when none is named, and for nothing in kiosk mode or for an id that is not one', () => {
    expect(boot('https://festival.example/').requested).toEqual([`https://festival.example/scenes/${DEFAULT_FILM}/story.json`]);
    expect(boot('https://festival.example/?mode=kiosk&film=hello')).toEqual({ requested: [], left: undefined });
    expect(boot('https://festival.example/?film=../secrets')).toEqual({ requested: [], left: undefined });
    expect(boot('https://festival.example/?film=Hello')).toEqual({ requested: [], left: undefined });
  });
});
