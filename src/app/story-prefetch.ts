import { filmBaseUrl } from '../media/start';
import { BOOTED_STORY, type BootedStory } from './boot-script';
import { FILM_ID } from './params';

/** story.json's answer: its HTTP status, and its text when it came (2xx). */
export interface StoryResponse {
  readonly status: number;
  readonly text: string | null;
}

export const readStory = (response: Promise<Response>): Promise<StoryResponse> =>
  response.then(async (r) => ({ status: r.status, text: r.ok ? await r.text() : null }));

/** story.json requested before the player's code ran (`prefetchFilm`), taken once by `loadFilm`. */
let prefetched: { readonly url: string; readonly story: Promise<StoryResponse> } | null = null;

/**
 * Requests a film's story.json at once, as the page starts, so it arrives while React and the
 * renderer are being set up; `loadFilm` then takes that response instead of asking again. The
 * request the boot script made in index.html is taken over when it is for the same film. Resolves
 * to the story's text (null when it could not be fetched), for whatever starts early on it.
 */
export function prefetchFilm(filmId: string, siteBase: string): Promise<string | null> {
  if (!FILM_ID.test(filmId)) return Promise.resolve(null);
  const url = new URL('story.json', filmBaseUrl(filmId, siteBase)).href;
  const story = readStory(takeBootedStory(url) ?? fetch(url));
  // Whoever takes it handles a failure; an untaken one must not be an unhandled rejection.
  story.catch(() => {});
  prefetched = { url, story };
  return story.then(
    (s) => s.text,
    () => null,
  );
}

export function takePrefetched(url: string): Promise<StoryResponse> | null {
  if (prefetched?.url !== url) return null;
  const { story } = prefetched;
  prefetched = null;
  return story;
}

/** The boot script's request (index.html), once, when it is for this URL. */
function takeBootedStory(url: string): Promise<Response> | null {
  const page = globalThis as { [BOOTED_STORY]?: BootedStory };
  const booted = page[BOOTED_STORY];
  delete page[BOOTED_STORY];
  return booted?.url === url ? booted.response : null;
}
