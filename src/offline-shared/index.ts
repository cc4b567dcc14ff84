/**
 * What the page, the service worker (src/sw) and the build (src/build) agree on. The page fills the
 * caches (src/kiosk/offline); the worker only reads them; the build writes the files
 * named here. No imports and no DOM: the worker's type check compiles this file without the DOM, and
 * the build imports it from vite.config.ts.
 */

/** `scenes/<film>/files.json`, format `sightline-files/1` (film-files.ts). */
export const FILM_FILES = 'files.json';
export const FILM_FILES_FORMAT = 'sightline-files/1';

/** The web app manifest a kiosk links instead of the player's: installed, it opens the kiosk. */
export const KIOSK_MANIFEST = 'manifest-kiosk.webmanifest';

/** One cache per film, holding its package's files as full responses keyed by URL. */
export const filmCacheName = (film: string): string => `sightline-film-${film}`;

/** The last good copy of each kiosk file, for starts without a network. */
export const KIOSK_FILE_CACHE = 'sightline-kiosk-files';

/** On a cached film file: its sha256 from files.json (absent when the film was cached from its story). */
export const SHA256_HEADER = 'X-Sightline-Sha256';

/** On a film's list (files.json, or story.json without one): when every file last matched the server's. */
export const CHECKED_HEADER = 'X-Sightline-Checked';

/** The message a page sends a waiting worker to take over (at a kiosk's start, never mid-viewing). */
export const SKIP_WAITING = 'sightline.skip-waiting';

const FILM_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The film a URL of the player's site belongs to (`<site>scenes/<film>/…`), or null. */
export function filmOfUrl(url: URL, site: URL): string | null {
  const prefix = `${site.pathname}scenes/`;
  if (url.origin !== site.origin || !url.pathname.startsWith(prefix)) return null;
  const film = url.pathname.slice(prefix.length).split('/')[0]!;
  // A film folder has something inside it; "scenes/hello" alone is not one of its files.
  return FILM_ID.test(film) && url.pathname.length > prefix.length + film.length + 1 ? film : null;
}

/**
 * On the film cache's own requests (its checks and downloads): the worker lets them through to the
 * server instead of answering them from the cache they fill. A header rather than the request's
 * cache mode, because developer tools and test drivers that turn the HTTP cache off mark every
 * request `reload`.
 */
export const FILL_HEADER = 'X-Sightline-Fill';

/** Whether a request is the film cache's own, for the server only. */
export function fillsFilmCache(request: Request): boolean {
  return request.headers.has(FILL_HEADER);
}
