import { describe, expect, it } from 'vitest';
import { type AudienceSummary, type GazeGrid, gazeGrid, summarize } from '../../src/records';
import { StationError, audienceOfStation, createStationSource } from '../../src/studio/audience';
import { record } from '../records/fixtures';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A station as its API answers (src/station/read.ts), recording what was asked. */
function fakeStation(answer: (url: URL) => Response | Promise<Response>) {
  const asked: { url: URL; headers: Headers }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    asked.push({ url, headers: new Headers(init?.headers) });
    return answer(url);
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

const summary: AudienceSummary = summarize([
  record('aaaaaaaa'),
  record('bbbbbbbb', { path: [{ scene: 'hall', enteredMs: 0, leftMs: null, gaze: [] }], outcome: { kind: 'left' } }),
]);
const hallGrid: GazeGrid = gazeGrid([[0, 10, 10]]);

describe('a station as the audience source', () => {
  it('asks for the summary and each scene’s gaze grid with the filter, and answers gaze(scene) at once', async () => {
    const station = fakeStation((url) => {
      if (url.pathname === '/api/stats') return json(summary);
      if (url.pathname === '/api/stats/gaze') return json(url.searchParams.get('scene') === 'hall' ? hallGrid : gazeGrid([]));
      return json({ error: 'no' }, 404);
    });
    const source = createStationSource({ origin: 'https://station.local:8443/', fetch: station.fetch });
    const filter = { film: 'hello', edition: 'full', language: 'zh-CN', from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' };
    const audience = await audienceOfStation(source, filter);
    expect(audience.summary).toEqual(summary);
    expect(audience.gaze('hall')).toEqual(hallGrid);
    expect(audience.gaze('tower').total).toBe(0);
    expect(audience.gaze('never-entered')).toMatchObject({ cols: 72, rows: 36, total: 0 });
    const first = station.asked[0]!.url;
    expect(first.origin + first.pathname).toBe('https://station.local:8443/api/stats');
    expect(Object.fromEntries(first.searchParams)).toEqual(filter);
    const gazed = station.asked.slice(1).map((a) => Object.fromEntries(a.url.searchParams));
    expect(gazed.map((q) => q['scene']).sort()).toEqual(['hall', 'tower']);
    expect(gazed[0]).toMatchObject({ ...filter, cols: '72', rows: '36' });
    // Same origin, no password: the browser sends the credentials it was given for the station.
    expect(station.asked[0]!.headers.get('authorization')).toBeNull();
  });

  it('sends a given password as HTTP Basic, in UTF-8', async () => {
    const station = fakeStation(() => json(summary));
    await createStationSource({ origin: 'http://s', password: 'pässwörd', fetch: station.fetch }).summary({});
    const header = station.asked[0]!.headers.get('authorization')!;
    expect(header).toMatch(/^Basic /);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('studio:pässwörd');
  });

  it('says what to do when the station says no or cannot be reached', async () => {
    const refusing = (status: number, body: unknown = { error: 'x' }) => createStationSource({ origin: 'http://s', fetch: fakeStation(() => json(body, status)).fetch });
    await expect(refusing(401).summary({})).rejects.toThrow(/needs the station's password/);
    await expect(refusing(401).summary({})).rejects.toMatchObject({ status: 401, name: 'StationError' });
    await expect(refusing(429, { error: 'too many failed attempts; wait a minute' }).summary({})).rejects.toThrow(/too many failed attempts.*Wait a minute/);
    await expect(refusing(503).summary({})).rejects.toThrow(/cannot read its database/);
    await expect(refusing(400, { error: 'bad query', issues: ['edition: Invalid'] }).summary({})).rejects.toThrow(/answered 400: bad query \(edition: Invalid\)/);
    await expect(refusing(200, { hello: 1 }).summary({})).rejects.toThrow(/not audience figures/);
    await expect(refusing(200, { cols: 10, rows: 5, counts: [], total: 0 }).gaze('hall', {})).rejects.toThrow(/not a gaze grid of 72×36/);
    const unreachable = createStationSource({
      origin: 'http://192.0.2.1:8443',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    const failure = await unreachable.summary({}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StationError);
    expect((failure as StationError).message).toMatch(/^The station is not reachable at http:\/\/192\.0\.2\.1:8443 \(Failed to fetch\)/);
    expect((failure as StationError).status).toBeNull();
  });
});
