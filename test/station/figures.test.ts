import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AudienceFilter, type ViewingRecord, gazeGrid, gazeSamples, matches, summarize } from '../../src/records';
import { type Database, openDatabase } from '../../src/station/database';
import { audienceSummary, gazeFigures } from '../../src/station/figures';
import { migrate } from '../../src/station/migrations';
import { ViewingStore } from '../../src/station/store';
import { type ThrowawayPostgres, startPostgres } from './postgres';
import { pgliteDataDir, syntheticRecords } from './synthetic';

const records = syntheticRecords(400, { seed: 7 });

const FILTERS: AudienceFilter[] = [
  {},
  { film: 'glass-sky' },
  { film: 'hello', edition: 'full' },
  { edition: 'condensed' },
  { language: 'zh-CN' },
  { kiosk: 'foyer-2' },
  { from: '2026-12-03T00:00:00.000Z' },
  { from: '2026-12-02T12:00:00.000Z', to: '2026-12-04T00:00:00.000Z', language: 'en' },
  { film: 'nothing-here' },
];
const SCENES = ['street', 'alley', 'square', 'edge', 'dusk', 'nowhere'];
const GRIDS: Array<[number, number]> = [[72, 36], [7, 5], [360, 180], [1, 1]];

/** Everything the read side computes, checked against the pure functions for the same records. */
function sameFiguresAs(open: () => Promise<Database>) {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    const store = new ViewingStore(db);
    for (const record of records) expect(await store.insert(record, Date.now())).toBe('new');
  });
  afterAll(() => db?.close());

  it('stores a record once, however often it is sent', async () => {
    const store = new ViewingStore(db);
    expect(await store.insert(records[0]!, Date.now())).toBe('stored');
    expect(await db.query('SELECT count(*)::int AS n FROM viewings')).toEqual([{ n: records.length }]);
    const entries = records.reduce((sum, r) => sum + r.path.length, 0);
    expect(await db.query('SELECT count(*)::int AS n FROM path_entries')).toEqual([{ n: entries }]);
  });

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('summary %s equals summarize()', async (_, filter) => {
    const expected = summarize(records, filter);
    expect(expected.viewings).toBe(records.filter((r) => matches(r, filter)).length);
    expect(await audienceSummary(db, filter)).toEqual(expected);
  });

  it('bins gaze as gazeBin does, in every scene, for every grid', async () => {
    for (const filter of [{}, { film: 'glass-sky', language: 'en' }] as AudienceFilter[])
      for (const scene of SCENES)
        for (const [cols, rows] of GRIDS) {
          const expected = gazeGrid(gazeSamples(records, scene, filter), cols, rows);
          expect(await gazeFigures(db, scene, filter, cols, rows), `${scene} ${cols}x${rows} ${JSON.stringify(filter)}`).toEqual(expected);
        }
    expect(gazeGrid(gazeSamples(records, 'street')).total).toBeGreaterThan(100);
  });

  it('reads records back as they came, in the order they started', async () => {
    const store = new ViewingStore(db);
    const filter = { film: 'glass-sky' };
    const back: ViewingRecord[] = [];
    for await (const page of store.records(filter)) back.push(...page);
    const expected = records.filter((r) => matches(r, filter)).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : 1));
    expect(back.map((r) => JSON.stringify(r))).toEqual(expected.map((r) => JSON.stringify(r)));
  });
}

describe('figures on PGlite', () => {
  const dir = pgliteDataDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  sameFiguresAs(() => openDatabase({ dataDir: dir }));
});

describe('figures on PostgreSQL', () => {
  let server: ThrowawayPostgres;
  afterAll(() => server?.destroy());
  sameFiguresAs(async () => {
    server = await startPostgres();
    return openDatabase({ dataDir: '', url: await server.createDatabase('figures') });
  });
});
