import { assetUrl, filmBaseUrl } from '../../media';
import { parseJson, storyAssets, validateStory } from '../../story';
import { filmFilesSchema } from './film-files';
import { isMissing } from './missing';
import { CHECKED_HEADER, FILL_HEADER, FILM_FILES, SHA256_HEADER, filmCacheName } from '../../offline-shared';

export interface FilmCacheOptions {
  /** The film (its folder under scenes/). */
  readonly film: string;
  /** The player's page address (`document.baseURI`); packages live under `scenes/` beside it. */
  readonly siteBase: string;
  /** @default globalThis.caches */
  readonly caches?: CacheStorage;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** Where a film's cache stands, for the operator panel and the root element's `data-offline`. */
export interface FilmCacheProgress {
  readonly film: string;
  /** Reading the film's list, fetching its files, or done. */
  readonly phase: 'checking' | 'downloading' | 'done';
  /** Every file on the film's list is held at its listed version: the film plays without a network. */
  readonly complete: boolean;
  /** Files on the list, and how many the cache holds at their current version (so far, while working). */
  readonly files: { readonly held: number; readonly total: number };
  /** Bytes of those files held; the total is known when files.json lists every size, null otherwise. */
  readonly bytes: { readonly held: number; readonly total: number | null };
  /** Where the list came from: the package's files.json, its story.json (no files.json), or nowhere yet. */
  readonly listedBy: 'files.json' | 'story.json' | null;
  /** Whether the server answered this time; false means offline, and the cache's own list was used. */
  readonly online: boolean;
  /** When every held file last matched the server's (ISO 8601), or null if never. */
  readonly lastUpdate: string | null;
  /** What kept the list or a file from being cached, one line each. */
  readonly problems: readonly string[];
}

export interface FilmCache {
  readonly film: string;
  /**
   * Brings the cache in line with the server: fetches the film's list (network first), downloads
   * only the files whose version changed, deletes files no longer listed, and reports progress as it
   * goes. Offline, reports what the cache holds against the list it last saw. Never rejects; calls
   * made while one runs share it.
   */
  update(onProgress?: (progress: FilmCacheProgress) => void): Promise<FilmCacheProgress>;
  /** What the cache holds, without the network. */
  inspect(): Promise<FilmCacheProgress>;
  /** Drops the film's cache; true if there was one. */
  clear(): Promise<boolean>;
}

/** One file of the film as its list names it. */
interface ListedFile {
  readonly url: string;
  /** From files.json; null when the list is the story's, and versions are told by ETag instead. */
  readonly sha256: string | null;
  readonly bytes: number | null;
}

interface FilmList {
  readonly by: 'files.json' | 'story.json';
  readonly files: readonly ListedFile[];
  /** The list's own file as the server sent it, stored last, stamped when every file matches. */
  readonly source: { readonly url: string; readonly text: string; readonly headers: Headers };
}

const FILM_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The kiosk's film in Cache Storage (one cache per film, named in shared.ts), so it plays with the
 * network gone: the service worker answers the film's requests from this cache first. Only a kiosk
 * creates one; a plain viewer's browser never downloads a whole film.
 *
 * The list of files is the package's `files.json` (hash and size of every file, written by the
 * build), or, for a film dropped into a deployed player without one, its story's assets plus
 * story.json and its provenance file, revalidated by ETag. Files download one at a time (a festival
 * network is shared and the film plays meanwhile); the list's own file is stored last, so a
 * changed story reaches the cache after the files it names.
 */
export function createFilmCache(options: FilmCacheOptions): FilmCache {
  const { film } = options;
  if (!FILM_ID.test(film)) throw new Error(`kiosk: "${film}" is not a film id`);
  // Absent where the page is not a secure context (an http:// address other than localhost).
  const storage: CacheStorage | undefined = options.caches ?? globalThis.caches;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? (() => new Date());
  const filmBase = filmBaseUrl(film, options.siteBase);
  const filesUrl = new URL(FILM_FILES, filmBase).href;
  const storyUrl = new URL('story.json', filmBase).href;
  const open = () => {
    if (!storage) throw new Error('this page has no Cache Storage (it needs https:// or localhost)');
    return storage.open(filmCacheName(film));
  };

  function listOfFiles(text: string, headers: Headers): FilmList | string {
    const parsed = parseJson(text, FILM_FILES);
    if ('diagnostic' in parsed) return `${FILM_FILES}: ${parsed.diagnostic.message}`;
    const result = filmFilesSchema.safeParse(parsed.value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      return `${FILM_FILES} $.${issue.path.join('.')}: ${issue.message}`;
    }
    if (result.data.film !== film) return `${FILM_FILES} lists the files of "${result.data.film}", not of "${film}"`;
    const files = result.data.files.map((f) => ({ url: assetUrl(filmBase, f.path), sha256: f.sha256, bytes: f.bytes }));
    return { by: 'files.json', files, source: { url: filesUrl, text, headers } };
  }

  function listOfStory(text: string, headers: Headers): FilmList | string {
    const parsed = parseJson(text, 'story.json');
    if ('diagnostic' in parsed) return `story.json: ${parsed.diagnostic.message}`;
    const { story } = validateStory(parsed.value, { expectedId: film });
    if (!story) return 'story.json is not a valid package (sightline validate says why)';
    const paths = new Set(['story.json', ...(story.provenance === undefined ? [] : [story.provenance]), ...storyAssets(story).map((a) => a.src)]);
    const files = [...paths].map((path) => ({ url: assetUrl(filmBase, path), sha256: null, bytes: null }));
    return { by: 'story.json', files, source: { url: storyUrl, text, headers } };
  }

  /** The list as the server has it; null when the server cannot be reached. */
  async function listFromServer(cache: Cache): Promise<FilmList | string | null> {
    let response: Response;
    try {
      response = await fetchImpl(filesUrl, { cache: 'no-store', headers: FILL });
    } catch {
      return null;
    }
    if (response.ok && !isMissing(response)) return listOfFiles(await response.text(), response.headers);
    if (!isMissing(response)) return `${FILM_FILES}: HTTP ${response.status}`;
    // No files.json: a film dropped into a deployed player. Its story names its files.
    const held = await cache.match(storyUrl);
    try {
      response = await fetchImpl(storyUrl, { cache: 'no-store', headers: validators(held) });
    } catch {
      return null;
    }
    if (response.status === 304 && held) return listOfStory(await held.text(), held.headers);
    if (isMissing(response)) return 'story.json: not found on the server';
    if (!response.ok) return `story.json: HTTP ${response.status}`;
    return listOfStory(await response.text(), response.headers);
  }

  /** The list the cache last stored: files.json if the film had one, else its story. */
  async function listFromCache(cache: Cache): Promise<FilmList | null> {
    for (const [url, read] of [[filesUrl, listOfFiles], [storyUrl, listOfStory]] as const) {
      const held = await cache.match(url);
      if (!held) continue;
      const list = read(await held.text(), held.headers);
      if (typeof list !== 'string') return list;
    }
    return null;
  }

  /** Fetches one file into the cache (unless a conditional request says the held one is current); its size. */
  async function download(cache: Cache, file: ListedFile, revalidate: Response | undefined, onBytes: (bytes: number) => void): Promise<number> {
    const response = await fetchImpl(file.url, { cache: 'no-store', headers: validators(revalidate) });
    if (response.status === 304 && revalidate) return sizeOf(revalidate);
    if (isMissing(response)) throw new Error('not found on the server');
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    let seen = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          seen += chunk.byteLength;
          onBytes(seen);
          out.enqueue(chunk);
        },
      }),
    );
    // A Blob, not an ArrayBuffer: the browser may keep a large video on disk while it is stored.
    const blob = await new Response(counted).blob();
    if (file.bytes !== null && blob.size !== file.bytes)
      throw new Error(`${blob.size} bytes arrived where ${FILM_FILES} lists ${file.bytes} (was the package being copied?)`);
    await cache.put(file.url, new Response(blob, { status: 200, statusText: 'OK', headers: storedHeaders(response.headers, blob.size, file.sha256) }));
    return blob.size;
  }

  async function run(onProgress: (progress: FilmCacheProgress) => void): Promise<FilmCacheProgress> {
    let cache: Cache;
    try {
      cache = await open();
    } catch (error) {
      return report(film, 'done', null, 0, 0, false, null, [`Cache Storage cannot be opened: ${error instanceof Error ? error.message : String(error)}`]);
    }
    onProgress(report(film, 'checking', null, 0, 0, false, null, []));
    const fromServer = await listFromServer(cache);
    const online = fromServer !== null;
    const problems = typeof fromServer === 'string' ? [fromServer] : online ? [] : ['the server cannot be reached; the cache was not checked for a newer version'];
    // The server's list when it gave one; otherwise the cache's own, to report what it holds.
    const fresh = typeof fromServer === 'string' ? null : fromServer;
    const list = fresh ?? (await listFromCache(cache));
    if (!list) {
      problems.push('the film has never been cached');
      return report(film, 'done', null, 0, 0, online, null, problems);
    }
    const checkedBefore = (await cache.match(list.source.url))?.headers.get(CHECKED_HEADER) ?? null;
    if (!fresh) {
      const { held, bytes } = await tally(cache, list);
      return report(film, 'done', list, held, bytes, online, checkedBefore, problems);
    }

    let held = 0;
    let heldBytes = 0;
    const progress = (partial = 0) => report(film, 'downloading', list, held, heldBytes + partial, online, checkedBefore, problems);
    onProgress(progress());
    const sourceListed = list.files.some((f) => f.url === list.source.url);
    for (const file of list.files) {
      if (file.url === list.source.url) continue; // story.json as the list: stored last, below
      const cached = await cache.match(file.url);
      const known = heldSize(cached, file);
      try {
        // A hash tells a current file without asking; a file listed by the story is asked about by ETag.
        heldBytes +=
          known !== null && file.sha256 !== null
            ? known
            : await download(cache, file, file.sha256 === null ? cached : undefined, (bytes) => onProgress(progress(bytes)));
        held += 1;
      } catch (error) {
        problems.push(`${file.url.slice(filmBase.href.length)}: ${error instanceof Error ? error.message : String(error)}`);
        // A full disk fails every file after this one the same way.
        if (error instanceof DOMException && error.name === 'QuotaExceededError') break;
      }
      onProgress(progress());
    }

    const listed = new Set([list.source.url, ...list.files.map((f) => f.url)]);
    for (const request of await cache.keys()) if (!listed.has(request.url)) await cache.delete(request);
    let lastUpdate = held === list.files.length - (sourceListed ? 1 : 0) ? now().toISOString() : checkedBefore;
    const body = new Blob([list.source.text], { type: list.source.headers.get('content-type') ?? 'application/json' });
    const headers = storedHeaders(list.source.headers, body.size, null);
    if (lastUpdate !== null) headers.set(CHECKED_HEADER, lastUpdate);
    try {
      await cache.put(list.source.url, new Response(body, { status: 200, statusText: 'OK', headers }));
      if (sourceListed) {
        held += 1;
        heldBytes += body.size;
      }
    } catch (error) {
      problems.push(`${list.source.url.slice(filmBase.href.length)}: ${String(error)}`);
      lastUpdate = checkedBefore;
    }
    return report(film, 'done', list, held, heldBytes, online, lastUpdate, problems);
  }

  let running: Promise<FilmCacheProgress> | null = null;
  return {
    film,
    update(onProgress = () => {}) {
      running ??= run(onProgress)
        // A connection dropped mid-list or a cache that fails to read: reported, like any problem.
        .catch((error: unknown) => report(film, 'done', null, 0, 0, false, null, [error instanceof Error ? error.message : String(error)]))
        .finally(() => {
          running = null;
        });
      return running;
    },
    async inspect() {
      const cache = storage && (await storage.has(filmCacheName(film))) ? await open() : null;
      const list = cache && (await listFromCache(cache));
      if (!cache || !list) return report(film, 'done', null, 0, 0, false, null, []);
      const { held, bytes } = await tally(cache, list);
      const lastUpdate = (await cache.match(list.source.url))?.headers.get(CHECKED_HEADER) ?? null;
      return report(film, 'done', list, held, bytes, false, lastUpdate, []);
    },
    clear: async () => (storage ? storage.delete(filmCacheName(film)) : false),
  };
}

/** How many of the list's files the cache holds at their listed version, and their bytes. */
async function tally(cache: Cache, list: FilmList): Promise<{ held: number; bytes: number }> {
  let held = 0;
  let bytes = 0;
  for (const file of list.files) {
    const size = heldSize(await cache.match(file.url), file);
    if (size === null) continue;
    held += 1;
    bytes += size;
  }
  return { held, bytes };
}

/** The size of a cached copy at the file's listed version (any copy, for a file listed by its story), or null. */
function heldSize(cached: Response | undefined, file: ListedFile): number | null {
  if (cached === undefined || (file.sha256 !== null && cached.headers.get(SHA256_HEADER) !== file.sha256)) return null;
  return sizeOf(cached);
}

function report(
  film: string,
  phase: FilmCacheProgress['phase'],
  list: FilmList | null,
  held: number,
  heldBytes: number,
  online: boolean,
  lastUpdate: string | null,
  problems: readonly string[],
): FilmCacheProgress {
  const total = list?.files.length ?? 0;
  const sizes = list?.files.map((f) => f.bytes) ?? [];
  return {
    film,
    phase,
    complete: phase === 'done' && list !== null && held === total,
    files: { held, total },
    bytes: { held: heldBytes, total: sizes.every((b) => b !== null) && list !== null ? sizes.reduce<number>((sum, b) => sum + b!, 0) : null },
    listedBy: list?.by ?? null,
    online,
    lastUpdate,
    problems: [...problems],
  };
}

/** On every request of the film cache: the service worker lets them through to the server. */
const FILL = { [FILL_HEADER]: '1' };

/** The film cache's request headers, with those asking the server whether a held copy is still current. */
function validators(held: Response | undefined): Record<string, string> {
  const etag = held?.headers.get('etag');
  if (etag) return { ...FILL, 'If-None-Match': etag };
  const modified = held?.headers.get('last-modified');
  return modified ? { ...FILL, 'If-Modified-Since': modified } : FILL;
}

/** The headers a cached file keeps: what the player and range answers need, and its version. */
function storedHeaders(from: Headers, bytes: number, sha256: string | null): Headers {
  const headers = new Headers({ 'Content-Length': String(bytes) });
  for (const name of ['content-type', 'etag', 'last-modified']) {
    const value = from.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (sha256 !== null) headers.set(SHA256_HEADER, sha256);
  return headers;
}

function sizeOf(response: Response | undefined): number {
  return Number(response?.headers.get('content-length') ?? 0) || 0;
}
