import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILM_FILES_FORMAT, type FilmCacheProgress, createFilmCache, filmCacheName } from '../../../src/kiosk';
import { FakeCacheStorage, FakeServer } from './fake-web';

const SITE = 'https://films.example/player/';
const FILM = 'dome';
const BASE = `${SITE}scenes/${FILM}/`;
const NOW = '2026-06-01T10:00:00.000Z';
const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');

/** A small package served with its files.json, written like the build writes it. */
function served(files: Record<string, string>, { listed = Object.keys(files), lie = {} as Record<string, number> } = {}) {
  const server = new FakeServer(SITE);
  for (const [path, body] of Object.entries(files)) server.serve(`scenes/${FILM}/${path}`, { body, etag: `"${sha256(body).slice(0, 8)}"` });
  const list = listed.map((path) => ({ path, sha256: sha256(files[path]!), bytes: lie[path] ?? Buffer.byteLength(files[path]!) }));
  server.serve(`scenes/${FILM}/files.json`, { body: JSON.stringify({ format: FILM_FILES_FORMAT, film: FILM, files: list }) });
  return server;
}

const PACKAGE = { 'story.json': '{"id":"dome"}', 'assets/hall.webp': 'pixels of the hall', 'assets/hall.en.vtt': 'WEBVTT\n\n00:00.000 --> 00:02.000\nUnder the dome.\n' };

function setUp(server: FakeServer) {
  const storage = new FakeCacheStorage();
  const cache = createFilmCache({ film: FILM, siteBase: SITE, caches: storage.asCacheStorage(), fetch: server.fetch, now: () => new Date(NOW) });
  return { storage, cache };
}

describe('the film cache, from the package files.json', () => {
  it('downloads every listed file, reporting files and bytes as it goes, and is complete', async () => {
    const server = served(PACKAGE);
    const { storage, cache } = setUp(server);
    const reports: FilmCacheProgress[] = [];
    const done = await cache.update((p) => reports.push(p));
    const bytes = Object.values(PACKAGE).reduce((sum, body) => sum + Buffer.byteLength(body), 0);
    expect(done).toEqual({
      film: FILM,
      phase: 'done',
      complete: true,
      files: { held: 3, total: 3 },
      bytes: { held: bytes, total: bytes },
      listedBy: 'files.json',
      online: true,
      lastUpdate: NOW,
      problems: [],
    });
    expect(reports[0]!.phase).toBe('checking');
    expect(reports.filter((r) => r.phase === 'downloading').map((r) => r.files.held)).toEqual(expect.arrayContaining([0, 1, 2, 3]));
    expect(reports.every((r) => !r.complete)).toBe(true);
    // Every request goes to the server past the service worker, which answers the film's other requests from this cache.
    expect(server.requests.map((r) => [r.path, r.headers['x-sightline-fill'], r.cache])).toEqual(
      ['files.json', 'story.json', 'assets/hall.webp', 'assets/hall.en.vtt'].map((p) => [`scenes/${FILM}/${p}`, '1', 'no-store']),
    );
    expect(await storage.text(filmCacheName(FILM), `${BASE}assets/hall.en.vtt`)).toBe(PACKAGE['assets/hall.en.vtt']);
    const held = await (await storage.open(filmCacheName(FILM))).match(`${BASE}assets/hall.webp`);
    expect([held!.headers.get('x-sightline-sha256'), held!.headers.get('content-length')]).toEqual([sha256(PACKAGE['assets/hall.webp']), '18']);
  });

  it('fetches only a changed file at the next update, and deletes files no longer listed', async () => {
    const server = served(PACKAGE);
    const { storage, cache } = setUp(server);
    await cache.update();
    server.take();
    const changed = { ...PACKAGE, 'assets/hall.en.vtt': 'WEBVTT\n\n00:00.000 --> 00:02.000\nUnder the glass dome.\n' };
    const next = served(changed, { listed: ['story.json', 'assets/hall.en.vtt'] });
    server.files.clear();
    for (const [path, file] of next.files) server.serve(path, file);
    const done = await cache.update();
    expect(server.take()).toEqual([`scenes/${FILM}/files.json`, `scenes/${FILM}/assets/hall.en.vtt`]);
    expect([done.complete, done.files]).toEqual([true, { held: 2, total: 2 }]);
    const keys = (await (await storage.open(filmCacheName(FILM))).keys()).map((r) => r.url.slice(BASE.length)).sort();
    expect(keys).toEqual(['assets/hall.en.vtt', 'files.json', 'story.json']);
    expect(await storage.text(filmCacheName(FILM), `${BASE}assets/hall.en.vtt`)).toContain('glass dome');
    // Nothing changed: only the list is asked for.
    await cache.update();
    expect(server.take()).toEqual([`scenes/${FILM}/files.json`]);
  });

  it('keeps no file whose size differs from the list (a package still being copied), and says so', async () => {
    const server = served(PACKAGE, { lie: { 'assets/hall.webp': 4096 } });
    const { storage, cache } = setUp(server);
    const done = await cache.update();
    expect([done.complete, done.files, done.lastUpdate]).toEqual([false, { held: 2, total: 3 }, null]);
    expect(done.problems).toEqual(['assets/hall.webp: 18 bytes arrived where files.json lists 4096 (was the package being copied?)']);
    expect(await storage.text(filmCacheName(FILM), `${BASE}assets/hall.webp`)).toBeUndefined();
  });

  it('reports a file the server fails, and the rest are cached', async () => {
    const server = served(PACKAGE);
    server.serve(`scenes/${FILM}/assets/hall.webp`, { body: '', status: 503 });
    const done = await setUp(server).cache.update();
    expect([done.complete, done.files.held, done.problems]).toEqual([false, 2, ['assets/hall.webp: HTTP 503']]);
  });

  it('offline, reports what it holds against the list it last saw, keeping the last update', async () => {
    const server = served(PACKAGE);
    const { cache } = setUp(server);
    await cache.update();
    server.online = false;
    const done = await cache.update();
    expect(done).toMatchObject({ complete: true, online: false, files: { held: 3, total: 3 }, listedBy: 'files.json', lastUpdate: NOW });
    expect(done.problems).toEqual(['the server cannot be reached; the cache was not checked for a newer version']);
    expect(await cache.inspect()).toMatchObject({ complete: true, online: false, files: { held: 3, total: 3 }, lastUpdate: NOW, problems: [] });
  });

  it('offline and never cached, is incomplete and says why', async () => {
    const server = served(PACKAGE);
    server.online = false;
    const { cache } = setUp(server);
    const done = await cache.update();
    expect([done.complete, done.listedBy, done.files]).toEqual([false, null, { held: 0, total: 0 }]);
    expect(done.problems.at(-1)).toBe('the film has never been cached');
    expect(await cache.inspect()).toMatchObject({ complete: false, listedBy: null });
  });

  it.each([
    ['not JSON', '{"format": ', 'files.json: not valid JSON'],
    ['another film', JSON.stringify({ format: FILM_FILES_FORMAT, film: 'other', files: [] }), 'files.json lists the files of "other", not of "dome"'],
    ['a path out of the package', JSON.stringify({ format: FILM_FILES_FORMAT, film: FILM, files: [{ path: '../x', sha256: sha256(''), bytes: 0 }] }), 'files.json $.files.0.path: path "../x" climbs'],
  ])('rejects a files.json that is %s, and downloads nothing', async (_, body, problem) => {
    const server = served(PACKAGE);
    server.serve(`scenes/${FILM}/files.json`, { body });
    const done = await setUp(server).cache.update();
    expect([done.complete, server.take()]).toEqual([false, [`scenes/${FILM}/files.json`]]);
    expect(done.problems[0]).toContain(problem);
  });

  it('says so where the page has no Cache Storage (not a secure context), and downloads nothing', async () => {
    const server = served(PACKAGE);
    const cache = createFilmCache({ film: FILM, siteBase: SITE, fetch: server.fetch }); // Node, like an http:// page, has no caches
    const done = await cache.update();
    expect([done.complete, done.problems, server.take()]).toEqual([false, ['Cache Storage cannot be opened: this page has no Cache Storage (it needs https:// or localhost)'], []]);
    expect([(await cache.inspect()).complete, await cache.clear()]).toEqual([false, false]);
  });

  it('never rejects: a connection dropped mid-list is reported', async () => {
    const dropping = (async () => new Response(new ReadableStream({ start: (c) => c.error(new TypeError('network error')) }))) as typeof fetch;
    const cache = createFilmCache({ film: FILM, siteBase: SITE, caches: new FakeCacheStorage().asCacheStorage(), fetch: dropping });
    expect(await cache.update()).toMatchObject({ complete: false, problems: ['network error'] });
  });

  it('shares one run between calls made while it works, and drops the cache on clear()', async () => {
    const server = served(PACKAGE);
    const { storage, cache } = setUp(server);
    const [a, b] = await Promise.all([cache.update(), cache.update()]);
    expect(a).toBe(b);
    expect(server.take().filter((p) => p.endsWith('files.json'))).toHaveLength(1);
    expect(await cache.clear()).toBe(true);
    expect(await storage.keys()).toEqual([]);
  });
});

describe('the film cache, for a film dropped in without files.json', () => {
  const dir = resolve(import.meta.dirname, '../../fixtures/packages/provenance');
  const PATHS = ['story.json', 'provenance.json', 'assets/gate.webp', 'assets/dawn.en.vtt', 'assets/dawn.zh-CN.vtt'];
  function dropped(missing: FakeServer['missing']) {
    const server = new FakeServer(SITE);
    server.missing = missing;
    for (const path of PATHS) server.serve(`scenes/provenance/${path}`, { body: readFileSync(resolve(dir, path)) });
    const storage = new FakeCacheStorage();
    const cache = createFilmCache({ film: 'provenance', siteBase: SITE, caches: storage.asCacheStorage(), fetch: server.fetch, now: () => new Date(NOW) });
    return { server, storage, cache };
  }

  it.each(['not-found', 'index-html'] as const)(
    'caches story.json, its provenance and every asset it names (a missing files.json answered as %s)',
    async (missing) => {
      const { server, storage, cache } = dropped(missing);
      const done = await cache.update();
      expect(done).toMatchObject({ complete: true, listedBy: 'story.json', files: { held: 5, total: 5 }, bytes: { total: null }, lastUpdate: NOW, problems: [] });
      expect(server.take().sort()).toEqual(['files.json', ...PATHS].map((p) => `scenes/provenance/${p}`).sort());
      const keys = (await (await storage.open(filmCacheName('provenance'))).keys()).map((r) => r.url.slice(`${SITE}scenes/provenance/`.length));
      expect(keys.sort()).toEqual([...PATHS].sort());
    },
  );

  it('asks by ETag at the next update, and downloads only the file the server has changed', async () => {
    const { server, cache } = dropped('not-found');
    await cache.update();
    server.take();
    server.serve('scenes/provenance/assets/dawn.en.vtt', { body: 'WEBVTT\n\n00:00.000 --> 00:01.000\nDawn, revised.\n', etag: '"revised"' });
    const done = await cache.update();
    expect(done.complete).toBe(true);
    const answered = server.requests.map((r) => [r.path.slice('scenes/provenance/'.length), r.status]);
    expect(answered.filter(([, status]) => status === 200)).toEqual([['assets/dawn.en.vtt', 200]]);
    expect(answered.filter(([, status]) => status === 304).map(([path]) => path).sort()).toEqual(PATHS.filter((p) => p !== 'assets/dawn.en.vtt').sort());
    expect(server.requests.find((r) => r.path.endsWith('gate.webp'))!.headers['if-none-match']).toBe('"scenes/provenance/assets/gate.webp-1"');
  });

  it('offline, reads its list from the cached story', async () => {
    const { server, cache } = dropped('not-found');
    await cache.update();
    server.online = false;
    expect(await cache.update()).toMatchObject({ complete: true, online: false, listedBy: 'story.json', files: { held: 5, total: 5 } });
  });
});
