import { describe, expect, it } from 'vitest';
import { formatLength, operatorStats } from '../../src/kiosk/operator-stats';
import type { ViewingSummary } from '../../src/kiosk/record-store';

const summary = (id: string, startedAt: string, outcome: ViewingSummary['outcome'], lengthMs: number | null): ViewingSummary =>
  ({ id, film: 'hello', edition: 'full', language: 'en', startedAt, endedAt: lengthMs === null ? null : new Date(Date.parse(startedAt) + lengthMs).toISOString(), outcome, lengthMs });

describe("the operator panel's figures", () => {
  it('count today, all time and each ending, and the mean length of ended viewings', () => {
    const now = new Date(2026, 11, 5, 18, 0);
    const today = new Date(2026, 11, 5, 9, 30).toISOString();
    const yesterday = new Date(2026, 11, 4, 23, 50).toISOString();
    const stats = operatorStats(
      [
        summary('a', today, { kind: 'ending', ending: 'tower' }, 300_000),
        summary('b', today, { kind: 'ending', ending: 'below' }, 420_000),
        summary('c', yesterday, { kind: 'ending', ending: 'tower' }, 480_000),
        summary('d', today, { kind: 'left' }, 60_000),
        summary('e', today, { kind: 'playing' }, null),
      ],
      now,
    );
    expect(stats).toEqual({ today: 4, allTime: 5, endings: [['tower', 2], ['below', 1]], meanMs: 315_000 });
    expect(operatorStats([], now)).toEqual({ today: 0, allTime: 0, endings: [], meanMs: null });
  });

  it('says a length in minutes and seconds', () => {
    expect(formatLength(485_400)).toBe('8 min 05 s');
    expect(formatLength(59_600)).toBe('1 min 00 s');
  });
});
