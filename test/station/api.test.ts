import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AudienceFilter, type ViewingRecord, choicesCsv, cluesCsv, gazeGrid, gazeSamples, matches, summarize, toNdjson, viewingsCsv } from '../../src/records';
import { PASSWORD, TOKENS, type TestStation, basic, bearer, fakeDist, postRecord, startStation } from './harness';
import { syntheticRecords } from './synthetic';

const records = syntheticRecords(120, { seed: 3, kiosks: ['foyer-1', 'foyer-2'] });
const byStart = (a: ViewingRecord, b: ViewingRecord) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : 1);
let clock = Date.parse('2026-12-05T12:00:00.000Z');

describe('the station over HTTP', () => {
  const { dist, root } = fakeDist();
  let station: TestStation;
  const read = async (path: string) => {
    const response = await fetch(`${station.url}${path}`, { headers: { authorization: basic(PASSWORD) } });
    expect(response.status, path).toBe(200);
    return response;
  };

  beforeAll(async () => {
    station = await startStation({ dist, now: () => clock });
    for (const record of records) {
      const response = await postRecord(station, record, TOKENS[record.kiosk as keyof typeof TOKENS]);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ id: record.id, stored: 'new' });
    }
  });
  afterAll(async () => {
    await station?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 200 to a record sent again, and keeps one copy', async () => {
    const again = await postRecord(station, records[5]!, TOKENS[records[5]!.kiosk as keyof typeof TOKENS]);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: records[5]!.id, stored: 'stored' });
    expect((await (await read('/api/stats/viewings')).json()).viewings).toBe(records.length);
  });

  const filters: Array<[string, AudienceFilter]> = [
    ['', {}],
    ['?film=hello', { film: 'hello' }],
    ['?kiosk=foyer-2&language=en', { kiosk: 'foyer-2', language: 'en' }],
    ['?edition=full&from=2026-12-02T00:00:00Z&to=2026-12-05T00:00:00Z', { edition: 'full', from: '2026-12-02T00:00:00Z', to: '2026-12-05T00:00:00Z' }],
  ];
  it.each(filters)('serves the figures summarize() gives (%s)', async (query, filter) => {
    const expected = summarize(records, filter);
    expect(await (await read(`/api/stats${query}`)).json()).toEqual(JSON.parse(JSON.stringify(expected)));
    const parts = { viewings: { viewings: expected.viewings, finished: expected.finished, outcomes: expected.outcomes, meanMs: expected.meanMs }, endings: expected.endings, scenes: expected.scenes, choices: expected.choices, clues: expected.clues };
    for (const [part, value] of Object.entries(parts)) expect(await (await read(`/api/stats/${part}${query}`)).json(), part).toEqual(value);
  });

  it('serves the gaze grid of a scene as gazeGrid() counts it', async () => {
    expect(await (await read('/api/stats/gaze?scene=street&film=glass-sky')).json()).toEqual(gazeGrid(gazeSamples(records, 'street', { film: 'glass-sky' })));
    expect(await (await read('/api/stats/gaze?scene=square&cols=12&rows=6')).json()).toEqual(gazeGrid(gazeSamples(records, 'square'), 12, 6));
  });

  it('exports with the records module writers, filtered, in the order viewings started', async () => {
    const kept = records.filter((r) => matches(r, { film: 'hello' })).sort(byStart);
    const ndjson = await read('/api/exports/viewings.ndjson?film=hello');
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(ndjson.headers.get('content-disposition')).toBe('attachment; filename="viewings.ndjson"');
    expect(await ndjson.text()).toBe(toNdjson(kept));
    expect(await (await read('/api/exports/viewings.csv?film=hello')).text()).toBe(viewingsCsv(kept));
    expect(await (await read('/api/exports/choices.csv?film=hello')).text()).toBe(choicesCsv(kept));
    expect(await (await read('/api/exports/clues.csv?film=hello')).text()).toBe(cluesCsv(kept));
    expect(await (await read('/api/exports/viewings.csv?film=nothing')).text()).toBe(viewingsCsv([]));
  });

  it('refuses a filter it does not understand', async () => {
    for (const query of ['?film=Not%20an%20id', '?from=yesterday', '?colour=red', '?film=a&film=b'])
      expect((await fetch(`${station.url}/api/stats${query}`, { headers: { authorization: basic(PASSWORD) } })).status, query).toBe(400);
    expect((await fetch(`${station.url}/api/stats/gaze`, { headers: { authorization: basic(PASSWORD) } })).status).toBe(400);
  });

  it('shows the kiosks heard from in the last minutes, with their state and last record', async () => {
    const status = (kiosk: string, body: unknown, token = TOKENS[kiosk as keyof typeof TOKENS]) =>
      fetch(`${station.url}/api/kiosks/${kiosk}/status`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: bearer(token) }, body: JSON.stringify(body) });
    clock += 60 * 60_000;
    expect((await status('foyer-1', { film: 'hello', state: 'playing', viewing: 'abcdef123456' })).status).toBe(204);
    expect((await status('foyer-1', { film: 'hello', state: 'dancing', viewing: null })).status).toBe(400);
    expect((await status('foyer-2', { film: 'hello', state: 'attract', viewing: null }, TOKENS['foyer-1'])).status).toBe(403);
    let live = await (await read('/api/live')).json();
    expect(live.minutes).toBe(10);
    // foyer-2 sent its records an hour ago (station time): not live any more.
    expect(live.kiosks).toEqual([
      { id: 'foyer-1', film: 'hello', state: 'playing', viewing: 'abcdef123456', seenAt: new Date(clock).toISOString(), lastRecord: expect.objectContaining({ id: expect.any(String) }) },
    ]);
    const last = records.filter((r) => r.kiosk === 'foyer-1').at(-1)!;
    expect(live.kiosks[0].lastRecord.id).toBe(last.id);
    live = await (await read('/api/live?minutes=120')).json();
    expect(live.kiosks.map((k: { id: string }) => k.id)).toEqual(['foyer-1', 'foyer-2']);
    expect(live.kiosks[1].state).toBeNull();
  });

  it('checks the database at /healthz', async () => {
    const response = await fetch(`${station.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });
});
