import { DEFAULT_FILM, FILM_ID } from './params.ts';

/** Where the boot script leaves its request for the player's `prefetchFilm`. */
export const BOOTED_STORY = '__sightlineBootedStory';

/** What the boot script leaves on `window[BOOTED_STORY]`. */
export interface BootedStory {
  readonly url: string;
  readonly response: Promise<Response>;
}

/**
 * The page's first script, inline in index.html's head: it asks for the film's story.json while
 * the player's scripts are still arriving, compiling and running (about 200 ms on this project's
 * benchmark machine, longer than the request itself), and leaves the response for `loadFilm`. Kiosk
 * mode reads its kiosk file first, so it asks for nothing. Plain ES2017 text built from the
 * constants the player reads `?film=` with, so the two agree; the Content-Security-Policy allows
 * exactly this text by its hash (`content-security-policy.ts`).
 */
export const BOOT_SCRIPT =
  '(()=>{' +
  'const q=new URLSearchParams(location.search);' +
  'if(q.get("mode")==="kiosk")return;' +
  `const film=q.get("film")||${JSON.stringify(DEFAULT_FILM)};` +
  `if(!${FILM_ID.toString()}.test(film))return;` +
  'const url=new URL("scenes/"+encodeURIComponent(film)+"/story.json",document.baseURI).href;' +
  'const response=fetch(url);' +
  // Whoever takes it handles a failure; an untaken one must not be an unhandled rejection.
  'response.catch(()=>{});' +
  `window.${BOOTED_STORY}={url,response};` +
  '})()';
