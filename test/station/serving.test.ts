import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CSP, contentSecurityPolicy, metaPolicy } from '../../src/station/csp';
import { type Database, openDatabase } from '../../src/station/database';
import { localCertificate } from '../../src/station/tls';
import { CSP_META, type TestStation, fakeDist, rawGet, startStation } from './harness';
import { pgliteDataDir } from './synthetic';

// Every station in this file serves files; they share one database.
const dataDir = pgliteDataDir();
let db: Database;
beforeAll(async () => {
  db = await openDatabase({ dataDir });
});
afterAll(async () => {
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('serving the player', () => {
  const { dist, root } = fakeDist();
  let station: TestStation;
  beforeAll(async () => {
    station = await startStation({ dist, db, frameAncestors: "'self' https://festival.example" });
  });
  afterAll(async () => {
    await station?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/index-AbCd12_-.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-Zz9_yY8x.css', 'text/css; charset=utf-8'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['/scenes/hello/story.json', 'application/json; charset=utf-8'],
    ['/scenes/hello/assets/hall.ktx2', 'image/ktx2'],
    ['/scenes/hello/assets/world.spz', 'application/octet-stream'],
    ['/scenes/hello/assets/prop.glb', 'model/gltf-binary'],
    ['/scenes/hello/assets/hall.mp4', 'video/mp4'],
    ['/scenes/hello/assets/hall.en.vtt', 'text/vtt; charset=utf-8'],
    ['/scenes/hello/assets/views.ndjson', 'application/x-ndjson; charset=utf-8'],
  ])('%s is served as %s', async (path, type) => {
    const response = await fetch(`${station.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    if (path !== '/') expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(join(dist, path)));
  });

  it('caches hashed assets for a year, everything else is revalidated', async () => {
    for (const path of ['/assets/index-AbCd12_-.js', '/assets/index-Zz9_yY8x.css'])
      expect((await fetch(`${station.url}${path}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/scenes/hello/story.json', '/scenes/hello/assets/hall.mp4', '/kiosk.json']) {
      const response = await rawGet(station.port, path);
      expect(response.headers['cache-control'], path).toBe('no-cache');
      // (Not with fetch: it adds Cache-Control: no-cache to a conditional request, which asks for the whole file.)
      expect((await rawGet(station.port, path, { 'if-none-match': response.headers.etag! })).status, path).toBe(304);
    }
  });

  it('answers byte ranges, for video seeking', async () => {
    const whole = readFileSync(join(dist, 'scenes/hello/assets/hall.mp4'));
    const response = await fetch(`${station.url}/scenes/hello/assets/hall.mp4`, { headers: { range: 'bytes=1000-1999', 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 1000-1999/${whole.length}`);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer())).toEqual(whole.subarray(1000, 2000));
    expect((await fetch(`${station.url}/scenes/hello/assets/hall.mp4`, { headers: { range: `bytes=${whole.length + 10}-` } })).status).toBe(416);
  });

  it('compresses text, not media', async () => {
    for (const [path, compressed] of [['/assets/index-AbCd12_-.js', true], ['/scenes/hello/story.json', true], ['/scenes/hello/assets/hall.ktx2', false], ['/scenes/hello/assets/hall.mp4', false]] as const) {
      const response = await rawGet(station.port, path, { 'accept-encoding': 'br, gzip' });
      expect(response.headers['content-encoding'], path).toBe(compressed ? 'br' : undefined);
    }
    expect((await rawGet(station.port, '/assets/index-AbCd12_-.js', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
  });

  it("sends the index.html meta policy as a header, with this station's frame-ancestors", async () => {
    const expected = `${CSP_META}; frame-ancestors 'self' https://festival.example`;
    for (const path of ['/', '/scenes/hello/story.json', '/nothing-here', '/healthz']) expect((await fetch(`${station.url}${path}`)).headers.get('content-security-policy'), path).toBe(expected);
    expect((await fetch(`${station.url}/`)).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('404 for what is not there; HEAD works', async () => {
    expect((await fetch(`${station.url}/scenes/hello/missing.webp`)).status).toBe(404);
    const head = await rawGet(station.port, '/scenes/hello/assets/prop.glb', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('3000');
  });
});

describe('the Content-Security-Policy', () => {
  it('reads the meta in any attribute order and quoting, and decodes entities', () => {
    expect(metaPolicy(`<meta content="default-src &#39;self&#39;" http-equiv="content-security-policy">`)).toBe("default-src 'self'");
    expect(metaPolicy(`<META HTTP-EQUIV='Content-Security-Policy' CONTENT="img-src 'self'">`)).toBe("img-src 'self'");
    expect(metaPolicy('<meta charset="utf-8"><meta name="viewport" content="width=device-width">')).toBeNull();
  });

  it('falls back to a strict default, and frame-ancestors is always the station\'s', () => {
    expect(contentSecurityPolicy(null)).toBe(`${DEFAULT_CSP}; frame-ancestors 'none'`);
    expect(contentSecurityPolicy('<html><head></head></html>', "'self'")).toBe(`${DEFAULT_CSP}; frame-ancestors 'self'`);
    expect(contentSecurityPolicy(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-ancestors *">`)).toBe("default-src 'self'; frame-ancestors 'none'");
  });

  it('a station serving a build without the meta sends the default', async () => {
    const { dist, root } = fakeDist({ csp: null });
    const station = await startStation({ dist, db });
    try {
      const response = await rawGet(station.port, '/');
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toBe(`${DEFAULT_CSP}; frame-ancestors 'none'`);
    } finally {
      await station.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('HTTPS with a local authority', () => {
  it('makes the authority once, a server certificate for the names, and a new one when the names change', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sightline-tls-'));
    try {
      const first = localCertificate(dataDir, { ips: ['127.0.0.1'], hosts: ['localhost'] });
      expect(first.made).toBe('authority');
      expect(localCertificate(dataDir, { ips: ['127.0.0.1'], hosts: ['localhost'] }).made).toBeNull();
      const moved = localCertificate(dataDir, { ips: ['127.0.0.1', '10.9.8.7', '::1'], hosts: ['localhost'] });
      expect(moved.made).toBe('certificate');
      expect(localCertificate(dataDir, { ips: ['127.0.0.1', '10.9.8.7', '::1'], hosts: ['localhost'] }).made).toBeNull();
      expect(moved.ca).toBe(first.ca);
      expect(moved.caFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(readdirSync(join(dataDir, 'tls')).sort()).toEqual(['ca.crt', 'ca.key', 'server.crt', 'server.key']);

      // A client that trusts the authority (and nothing else) accepts the station for 127.0.0.1.
      const { dist, root } = fakeDist();
      const station = await startStation({ dist, db, https: { key: moved.key, cert: moved.cert }, ca: moved.ca });
      try {
        const get = (path: string) =>
          new Promise<{ status: number; body: string }>((done, fail) => {
            const req = request({ host: '127.0.0.1', port: station.port, path, agent: new Agent({ ca: moved.ca! }) }, (res) => {
              let body = '';
              res.on('data', (c) => (body += c));
              res.on('end', () => done({ status: res.statusCode ?? 0, body }));
            });
            req.on('error', fail);
            req.end();
          });
        expect((await get('/healthz')).status).toBe(200);
        expect((await get('/sightline-ca.crt')).body).toBe(moved.ca);
        await expect(new Promise((done, fail) => request({ host: '127.0.0.1', port: station.port, path: '/' }, done).on('error', fail).end())).rejects.toThrow(/self-signed|unable to verify|certificate/i);
      } finally {
        await station.close();
        rmSync(root, { recursive: true, force: true });
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// The real build, when one is there (npm test builds it before the station tests).
const built = resolve(import.meta.dirname, '../../dist');
describe.runIf(existsSync(join(built, 'index.html')))('serving the real build', () => {
  let station: TestStation;
  beforeAll(async () => {
    station = await startStation({ dist: built, db });
  });
  afterAll(() => station?.close());

  it('serves index.html with its own policy as the header, and its hashed scripts for a year', async () => {
    const html = await (await fetch(`${station.url}/`)).text();
    expect(html).toBe(readFileSync(join(built, 'index.html'), 'utf8'));
    const again = await fetch(`${station.url}/`);
    await again.arrayBuffer();
    expect(again.headers.get('content-security-policy')).toBe(contentSecurityPolicy(html));
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const response = await fetch(`${station.url}/${script}`);
    // Every body read: one left unread keeps its connection busy, and closing the station waits
    // for it (a minute, until keep-alive gives up).
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const story = await fetch(`${station.url}/scenes/glass-sky/story.json`);
    await story.arrayBuffer();
    expect(story.status).toBe(200);
    expect(story.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});
