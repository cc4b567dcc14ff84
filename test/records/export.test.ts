import { describe, expect, it } from 'vitest';
import { choicesCsv, cluesCsv, parseNdjson, toNdjson, viewingsCsv } from '../../src/records';
import { record } from './fixtures';

describe('exports of viewing records', () => {
  it('round-trips NDJSON, one record a line', () => {
    const records = [record('b-0000001'), record('b-0000002', { language: 'zh-CN' })];
    const text = toNdjson(records);
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(parseNdjson(text)).toEqual({ records, diagnostics: [] });
  });

  it('keeps the good lines of a damaged export and names the bad ones by line and field', () => {
    const good = JSON.stringify(record('b-0000003'));
    const bad = JSON.stringify({ ...record('b-0000004'), language: 42 });
    const { records, diagnostics } = parseNdjson(`${good}\n{oops\n${bad}\n`, 'kiosk-1.ndjson');
    expect(records.map((r) => r.id)).toEqual(['b-0000003']);
    expect(diagnostics.map((d) => [d.file, d.code, d.path])).toEqual([
      ['kiosk-1.ndjson:2', 'json.syntax', '$'],
      ['kiosk-1.ndjson:3', 'schema.invalid-type', '$.language'],
    ]);
  });

  it('writes CSV summaries a spreadsheet reads as data', () => {
    const r = record('b-0000005', { kiosk: '=cmd|calc', outcome: { kind: 'ending', ending: 'tower' } });
    const rows = viewingsCsv([r]).trim().split('\r\n');
    expect(rows[0]).toBe('id,kiosk,film,revision,edition,language,started_at,ended_at,length_ms,outcome,ending,scenes,clues,choices');
    expect(rows[1]).toBe("b-0000005,'=cmd|calc,hello,,full,en,2026-12-05T10:00:00.000Z,2026-12-05T10:01:00.000Z,60000,ending,tower,hall tower,1,1");
    expect(choicesCsv([r]).trim().split('\r\n')[1]).toBe('b-0000005,hello,full,en,hall,climb,20000,false');
    expect(cluesCsv([r]).trim().split('\r\n')[1]).toBe('b-0000005,hello,full,en,sky-is-real,hall,5000');
  });
});
