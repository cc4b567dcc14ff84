import { describe, expect, it } from 'vitest';
import { type ViewingRecord, gazeGrid, gazeSamples, summarize, toNdjson } from '../../src/records';
import { NO_SELECTION, audienceOfRecords, audienceTotals, filterChoices, filterOf, loadRecordsFile, minutesSeconds } from '../../src/studio/audience';
import { record } from '../records/fixtures';

describe('loadRecordsFile: a kiosk or station export, line by line', () => {
  it('keeps every valid line, and names the file, line and field of each bad one', () => {
    const good = toNdjson([record('aaaaaaaa'), record('bbbbbbbb')]).split('\n');
    const badField = JSON.stringify({ ...record('cccccccc'), language: 'not a tag!' });
    const text = [good[0], '{"format": "sightline-viewing/1", "id": ', '', badField, good[1], ''].join('\n');
    const loaded = loadRecordsFile(text, 'foyer-1.ndjson');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.records.map((r) => r.id)).toEqual(['aaaaaaaa', 'bbbbbbbb']);
    expect(loaded.problems.map((p) => [p.file, p.line, p.path])).toEqual([
      ['foyer-1.ndjson', 2, '$'],
      ['foyer-1.ndjson', 4, '$.language'],
    ]);
    expect(loaded.problems[0]!.message).toMatch(/not valid JSON/);
    expect(loaded.problems[1]!.hint).not.toBe('');
  });

  it('counts a record exported twice once, the later copy winning', () => {
    const open = record('aaaaaaaa', { endedAt: null, outcome: { kind: 'playing' } });
    const closed = record('aaaaaaaa');
    const loaded = loadRecordsFile(toNdjson([open, record('bbbbbbbb'), closed]), 'x.ndjson');
    expect(loaded.ok && loaded.records.map((r) => [r.id, r.outcome.kind])).toEqual([
      ['aaaaaaaa', 'ending'],
      ['bbbbbbbb', 'ending'],
    ]);
  });

  it('reads Windows line ends and a byte-order mark', () => {
    const loaded = loadRecordsFile(`\uFEFF${toNdjson([record('aaaaaaaa'), record('bbbbbbbb')]).replaceAll('\n', '\r\n')}`, 'w.ndjson');
    expect(loaded.ok && loaded.records.length).toBe(2);
    expect(loaded.problems).toEqual([]);
  });

  it('is a clear error when nothing in the file is a record', () => {
    const wrong = loadRecordsFile('id,film\n1,hello\n', 'viewings.csv');
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.error).toMatch(/viewings\.csv holds no valid viewing record \(2 lines with problems/);
    expect(wrong.problems.map((p) => p.line)).toEqual([1, 2]);
    const empty = loadRecordsFile('\n\n', 'empty.ndjson');
    expect(!empty.ok && empty.error).toMatch(/empty\.ndjson holds no viewing record: it is empty/);
  });
});

const at = (id: string, startedAt: string, over: Partial<ViewingRecord> = {}) => record(id, { startedAt, endedAt: new Date(Date.parse(startedAt) + 60_000).toISOString(), ...over });

describe('filters: what the records offer, and what a selection keeps', () => {
  const records = [
    at('aaaaaaaa', '2026-12-01T23:59:00.000Z'),
    at('bbbbbbbb', '2026-12-02T00:00:00.000Z', { language: 'zh-CN', edition: 'condensed' }),
    at('cccccccc', '2026-12-03T12:00:00.000Z', { edition: null }),
    at('dddddddd', '2026-11-01T12:00:00.000Z', { film: 'glass-sky', edition: 'discussion', language: 'fr' }),
  ];

  it('offers the editions, languages and days of the film shown', () => {
    expect(filterChoices(records, 'hello')).toEqual({ editions: ['condensed', 'full'], languages: ['en', 'zh-CN'], days: { first: '2026-12-01', last: '2026-12-03' } });
    expect(filterChoices(records).editions).toEqual(['condensed', 'discussion', 'full']);
    expect(filterChoices([], 'hello')).toEqual({ editions: [], languages: [], days: null });
  });

  it('keeps whole UTC days, both ends included, and the film always', () => {
    const ids = (selection: Partial<typeof NO_SELECTION>) =>
      records.filter((r) => audienceOfRecords([r], filterOf({ ...NO_SELECTION, ...selection }, 'hello')).summary.viewings === 1).map((r) => r.id);
    expect(ids({})).toEqual(['aaaaaaaa', 'bbbbbbbb', 'cccccccc']);
    expect(ids({ fromDay: '2026-12-02', toDay: '2026-12-02' })).toEqual(['bbbbbbbb']);
    expect(ids({ toDay: '2026-12-01' })).toEqual(['aaaaaaaa']);
    expect(ids({ edition: 'full' })).toEqual(['aaaaaaaa']);
    expect(ids({ language: 'zh-CN' })).toEqual(['bbbbbbbb']);
    expect(filterOf({ ...NO_SELECTION, fromDay: '2026-12-31', toDay: '2026-12-31' })).toEqual({ from: '2026-12-31T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(filterOf({ ...NO_SELECTION, fromDay: 'garbage' }, 'hello')).toEqual({ film: 'hello' });
  });
});

describe('the audience of records in hand', () => {
  const gazed = (id: string, yaw: number, language = 'en') =>
    record(id, {
      language,
      path: [
        { scene: 'hall', enteredMs: 0, leftMs: 20_000, gaze: [[0, yaw, 10], [250, yaw, 10]] },
        { scene: 'tower', enteredMs: 20_000, leftMs: 60_000, gaze: [] },
      ],
    });
  const records = [gazed('aaaaaaaa', 30), gazed('bbbbbbbb', -60, 'zh-CN'), gazed('aaaaaaaa', 30)];

  it('gives the records module’s own figures and grids, under the filter', () => {
    const filter = filterOf({ ...NO_SELECTION, language: 'en' }, 'hello');
    const audience = audienceOfRecords(records, filter);
    expect(audience.summary).toEqual(summarize(records, filter));
    expect(audience.summary.viewings).toBe(1);
    expect(audience.gaze('hall')).toEqual(gazeGrid(gazeSamples(records, 'hall', filter)));
    expect(audience.gaze('hall').total).toBe(2);
    expect(audience.gaze('hall')).toBe(audience.gaze('hall'));
    expect(audience.gaze('nowhere').total).toBe(0);
  });

  it('sums up totals for the panel', () => {
    const summary = summarize([
      record('aaaaaaaa'),
      record('bbbbbbbb', { outcome: { kind: 'ending', ending: 'below' } }),
      record('cccccccc', { outcome: { kind: 'ending', ending: 'below' } }),
      record('dddddddd', { outcome: { kind: 'left' }, endedAt: '2026-12-05T10:00:30.000Z' }),
      record('eeeeeeee', { outcome: { kind: 'playing' }, endedAt: null }),
    ]);
    expect(audienceTotals(summary)).toEqual({
      viewings: 5,
      endingsReached: 3,
      endings: [
        ['below', 2],
        ['tower', 1],
      ],
      outcomes: [
        ['ending', 3],
        ['left', 1],
      ],
      meanLength: '0:53',
    });
    expect(audienceTotals(summarize([])).meanLength).toBe('–');
    expect(minutesSeconds(754_000)).toBe('12:34');
    expect(minutesSeconds(3_723_000)).toBe('1:02:03');
  });
});
