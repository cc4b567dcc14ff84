import { describe, expect, it } from 'vitest';
import { gazeSamples, summarize } from '../../src/records';
import { record } from './fixtures';

const toArchive = (id: string, over = {}) =>
  record(id, {
    outcome: { kind: 'ending', ending: 'below' },
    path: [
      { scene: 'hall', enteredMs: 0, leftMs: 10_000, gaze: [[1000, 90, 30]] },
      { scene: 'archive', enteredMs: 10_000, leftMs: 40_000, gaze: [] },
      { scene: 'below', enteredMs: 40_000, leftMs: 60_000, gaze: [] },
    ],
    clues: [],
    choices: [
      { scene: 'hall', choice: 'corridor', atMs: 10_000, byDefault: false },
      { scene: 'archive', choice: 'descend', atMs: 40_000, byDefault: true },
    ],
    ...over,
  });

describe('what an audience did, from viewing records', () => {
  const records = [
    record('a-0000001'),
    record('a-0000002', { language: 'zh-CN' }),
    toArchive('a-0000003'),
    toArchive('a-0000004', {
      endedAt: '2026-12-05T10:00:30.000Z',
      outcome: { kind: 'left' },
      path: [
        { scene: 'hall', enteredMs: 0, leftMs: 10_000, gaze: [[2000, -90, 0]] },
        { scene: 'archive', enteredMs: 10_000, leftMs: 30_000, gaze: [[12_000, 5, 5]] },
      ],
      choices: [{ scene: 'hall', choice: 'corridor', atMs: 10_000, byDefault: false }],
    }),
  ];

  it('counts viewings, outcomes, endings and their mean length', () => {
    const s = summarize(records);
    expect(s.viewings).toBe(4);
    expect(s.finished).toBe(4);
    expect(s.outcomes).toEqual({ ending: 3, left: 1 });
    expect(s.endings).toEqual({ tower: 2, below: 1 });
    expect(s.meanMs).toBe((60_000 * 3 + 30_000) / 4);
  });

  it('gives each choice its share of the choices taken in its scene, and how many were defaults', () => {
    const s = summarize(records);
    expect(s.choices['hall']).toEqual({ climb: { count: 2, share: 0.5, byDefault: 0 }, corridor: { count: 2, share: 0.5, byDefault: 0 } });
    expect(s.choices['archive']).toEqual({ descend: { count: 1, share: 1, byDefault: 1 } });
  });

  it('gives viewers, mean time and where viewers left, per scene', () => {
    const s = summarize(records);
    expect(s.scenes['hall']).toEqual({ viewers: 4, visits: 4, meanMs: 15_000, left: 0 });
    expect(s.scenes['archive']).toEqual({ viewers: 2, visits: 2, meanMs: 25_000, left: 1 });
  });

  it('rates a clue among the viewers of the scene it is found in', () => {
    expect(summarize(records).clues).toEqual({ 'sky-is-real': { found: 2, rate: 0.5 } });
  });

  it('filters by language, edition and date, and counts a record imported twice once', () => {
    expect(summarize(records, { language: 'zh-CN' }).viewings).toBe(1);
    expect(summarize(records, { edition: 'discussion' }).viewings).toBe(0);
    expect(summarize(records, { from: '2026-12-05T10:00:00.000Z', to: '2026-12-05T10:00:00.001Z' }).viewings).toBe(4);
    expect(summarize(records, { from: '2026-12-06T00:00:00.000Z' }).viewings).toBe(0);
    expect(summarize([...records, ...records]).viewings).toBe(4);
  });

  it('counts a record still playing as a viewing, not a finished one', () => {
    const s = summarize([record('a-0000009', { endedAt: null, outcome: { kind: 'playing' } })]);
    expect([s.viewings, s.finished, s.meanMs]).toEqual([1, 0, 0]);
  });

  it('yields the gaze samples of one scene', () => {
    expect([...gazeSamples(records, 'hall')]).toEqual([
      [1000, 90, 30],
      [2000, -90, 0],
    ]);
    expect([...gazeSamples(records, 'hall', { language: 'zh-CN' })]).toEqual([]);
  });
});
