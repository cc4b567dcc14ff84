import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_LIMITS } from '../../src/records';
import { PASSWORD, SECRET, TOKENS, type TestStation, basic, bearer, fakeDist, postRecord, rawGet, startStation } from './harness';
import { syntheticRecords } from './synthetic';

const READ_SIDE = [
  '/api/stats',
  '/api/stats/viewings',
  '/api/stats/endings',
  '/api/stats/scenes',
  '/api/stats/choices',
  '/api/stats/clues',
  '/api/stats/gaze?scene=street',
  '/api/live',
  '/api/exports/viewings.ndjson',
  '/api/exports/viewings.csv',
  '/api/exports/choices.csv',
  '/api/exports/clues.csv',
  '/studio',
  '/studio.html',
  '/studio/',
];
const [record] = syntheticRecords(1, { seed: 11, kiosks: ['foyer-1'], idPrefix: 'sec' });

describe('station security', () => {
  const { dist, root } = fakeDist();
  let station: TestStation;
  beforeAll(async () => {
    // Generous failed-attempt limit here: these tests fail on purpose many times from one address.
    station = await startStation({ dist, limits: { authFailuresPerMinute: 10_000 } });
    expect((await postRecord(station, record!, TOKENS['foyer-1'])).status).toBe(201);
  });
  afterAll(async () => {
    await station?.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('no statistics without the operator password', () => {
    const wrong: Array<[string, Record<string, string>]> = [
      ['no credentials', {}],
      ['a wrong password', { authorization: basic('not-the-password') }],
      ["a kiosk's token as bearer", { authorization: bearer(TOKENS['foyer-1']) }],
      ["a kiosk's token as the password", { authorization: basic(TOKENS['foyer-1']) }],
      ['the password as a bearer token', { authorization: bearer(PASSWORD) }],
      ['a malformed header', { authorization: 'Basic !!!' }],
    ];
    it.each(wrong)('%s: 401 on every read route, nothing of the data', async (_, headers) => {
      for (const path of READ_SIDE) {
        const response = await fetch(`${station.url}${path}`, { headers });
        expect(response.status, path).toBe(401);
        expect(response.headers.get('www-authenticate'), path).toMatch(/^Basic realm=/);
        const body = await response.text();
        expect(body, path).not.toContain(record!.id);
        expect(body, path).not.toContain('STUDIO-ENTRY');
      }
    });

    it('with the password: every read route answers', async () => {
      for (const path of READ_SIDE) {
        const response = await fetch(`${station.url}${path}`, { headers: { authorization: basic(PASSWORD) } });
        expect(response.status, path).toBe(200);
      }
      const studio = await fetch(`${station.url}/studio`, { headers: { authorization: basic(PASSWORD) } });
      expect(await studio.text()).toContain('STUDIO-ENTRY');
    });

    it('the studio is not reachable around its routes', async () => {
      for (const path of ['/studio.html', '/%73tudio.html', '/studio%2ehtml', '/studio.html?x=1', '/studio.html/', '/studio/../studio.html', '/./studio.html', '//studio.html', '/studio.HTML']) {
        const response = await rawGet(station.port, path);
        expect([400, 401, 404], path).toContain(response.status);
        expect(response.body, path).not.toContain('STUDIO-ENTRY');
      }
    });
  });

  describe('ingest takes only a kiosk with its own token', () => {
    it('no token, a wrong token, the operator password: 401', async () => {
      for (const token of [null, 'x'.repeat(30), PASSWORD]) expect((await postRecord(station, { ...record!, id: 'sec-unauth-1' }, token)).status).toBe(401);
    });

    it("another kiosk's record, or one that names no kiosk: 403", async () => {
      expect((await postRecord(station, { ...record!, id: 'sec-other-1' }, TOKENS['foyer-2'])).status).toBe(403);
      expect((await postRecord(station, { ...record!, id: 'sec-other-2', kiosk: null }, TOKENS['foyer-1'])).status).toBe(403);
      expect((await postRecord(station, { ...record!, id: 'sec-other-3', kiosk: 'foyer-3' }, TOKENS['foyer-1'])).status).toBe(403);
    });

    it('a status for another kiosk: 403; without a token: 401', async () => {
      const send = (token: string | null) =>
        fetch(`${station.url}/api/kiosks/foyer-2/status`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: bearer(token) } : {}) },
          body: JSON.stringify({ film: 'hello', state: 'attract', viewing: null }),
        });
      expect((await send(TOKENS['foyer-1'])).status).toBe(403);
      expect((await send(null)).status).toBe(401);
    });
  });

  describe('hostile bodies', () => {
    const refused = async (body: string, status = 400, headers: Record<string, string> = {}) => {
      const response = await fetch(`${station.url}/api/viewings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: bearer(TOKENS['foyer-1']), ...headers }, body });
      expect(response.status).toBe(status);
      return response;
    };

    it('a body over the record limit: 413, before it is parsed', async () => {
      await refused(JSON.stringify({ ...record, variables: { pad: 'x'.repeat(RECORD_LIMITS.bytes) } }), 413);
    });

    it('deep nesting and array bombs: 400, cheaply', async () => {
      const started = performance.now();
      await refused('['.repeat(100_000) + ']'.repeat(100_000));
      await refused(`[${'[],'.repeat(300_000)}[]]`);
      await refused(JSON.stringify({ ...record, path: [{ ...record!.path[0], gaze: new Array(RECORD_LIMITS.gazeSamples + 1).fill([0, 0, 0]) }] }));
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('__proto__ and other unknown keys: 400, nothing polluted', async () => {
      await refused(`{"__proto__":{"polluted":true},${JSON.stringify({ ...record, id: 'sec-proto-1' }).slice(1)}`);
      await refused(JSON.stringify({ ...record, id: 'sec-proto-2', variables: JSON.parse('{"__proto__":{"polluted":true}}') }));
      await refused(`{"\\u005f_proto__":{"polluted":true},${JSON.stringify({ ...record, id: 'sec-proto-3' }).slice(1)}`);
      await refused(JSON.stringify({ ...record, id: 'sec-proto-4', constructor: { prototype: { polluted: true } } }));
      // The words alone, in a string, are no key: such a record is stored.
      expect((await postRecord(station, { ...record!, id: 'sec-proto-5', outcome: { kind: 'error', message: '"__proto__": {}' } }, TOKENS['foyer-1'])).status).toBe(201);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('not JSON, another content type, a compressed body: refused', async () => {
      await refused('{"format": ');
      await refused('');
      expect((await fetch(`${station.url}/api/viewings`, { method: 'POST', headers: { authorization: bearer(TOKENS['foyer-1']) } })).status).toBe(400);
      await refused(JSON.stringify(record), 415, { 'content-type': 'text/plain' });
      await refused(JSON.stringify(record), 415, { 'content-encoding': 'gzip' });
    });

    it('HTML in a record is stored as text and exported inertly', async () => {
      const html = { ...record!, id: 'sec-html-1', outcome: { kind: 'error', message: '<script>alert("station")</script>' }, variables: { note: '<img src=x onerror=alert(1)>' } } as const;
      expect((await postRecord(station, html, TOKENS['foyer-1'])).status).toBe(201);
      const response = await fetch(`${station.url}/api/exports/viewings.ndjson`, { headers: { authorization: basic(PASSWORD) } });
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.find((r) => r.id === 'sec-html-1')).toEqual(html);
    });
  });

  describe('paths outside the served folder', () => {
    const CORPUS = [
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/scenes/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/scenes/%2e%2e/%2e%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '/%252e%252e%252fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/scenes\\..\\..\\secret.txt',
      '/%5c..%5csecret.txt',
      '//etc/passwd',
      '/etc/passwd',
      `/${encodeURIComponent(`${process.cwd()}/package.json`)}`,
      '/index.html%00.png',
      '/%00',
      '/secret.txt%00',
      '/scenes/hello/story.json%00../../../secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/.%2e/secret.txt',
      '/scenes/./../secret.txt',
      '/.env',
      '/scenes/hello/assets/..;/..;/secret.txt',
    ];
    it.each(CORPUS)('%s: 400 or 404, never a file outside', async (path) => {
      const response = await rawGet(station.port, path);
      expect([400, 404]).toContain(response.status);
      expect(response.body).not.toContain(SECRET);
      expect(response.body).not.toMatch(/root:.*:0:0:/);
    });
  });

  it('logs one JSON line per request, without tokens or passwords', async () => {
    const before = station.logs.length;
    await fetch(`${station.url}/healthz`);
    await postRecord(station, { ...record!, id: 'sec-log-1' }, TOKENS['foyer-1']);
    await fetch(`${station.url}/api/stats`, { headers: { authorization: basic(PASSWORD) } });
    const lines = station.logs.slice(before).map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.method, l.url, l.status])).toEqual([
      ['GET', '/healthz', 200],
      ['POST', '/api/viewings', 201],
      ['GET', '/api/stats', 200],
    ]);
    expect(lines[1].kiosk).toBe('foyer-1');
    const all = station.logs.join('\n');
    for (const secret of [...Object.values(TOKENS), PASSWORD, Buffer.from(`operator:${PASSWORD}`).toString('base64')]) expect(all).not.toContain(secret);
  });
});

describe('station rate limits', () => {
  const { dist, root } = fakeDist();
  let station: TestStation;
  beforeAll(async () => {
    station = await startStation({ dist, limits: { ingestPerMinute: 4, readPerMinute: 3, authFailuresPerMinute: 2 } });
  });
  afterAll(async () => {
    await station?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('a kiosk sending too fast gets 429, another kiosk does not', async () => {
    const records = syntheticRecords(6, { seed: 5, kiosks: ['foyer-1'], idPrefix: 'rate' });
    const statuses = [];
    for (const r of records) statuses.push((await postRecord(station, r, TOKENS['foyer-1'])).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    const [other] = syntheticRecords(1, { seed: 6, kiosks: ['foyer-2'], idPrefix: 'rate2' });
    expect((await postRecord(station, other!, TOKENS['foyer-2'])).status).toBe(201);
  });

  it('the read side: 429 past its limit', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${station.url}/api/stats/endings`, { headers: { authorization: basic(PASSWORD) } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('after too many wrong passwords, even the right one waits', async () => {
    const statuses = [];
    for (const password of ['wrong-1', 'wrong-2', 'wrong-3', PASSWORD]) statuses.push((await fetch(`${station.url}/api/live`, { headers: { authorization: basic(password) } })).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
  });
});
