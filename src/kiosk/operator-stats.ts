import type { ViewingSummary } from './record-store';

/** What the operator panel says of the viewings this kiosk holds. */
export interface OperatorStats {
  readonly today: number;
  readonly allTime: number;
  /** Ending scene → viewings that reached it. */
  readonly endings: ReadonlyArray<readonly [string, number]>;
  /** Mean length of an ended viewing, ms; null when none has ended. */
  readonly meanMs: number | null;
}

/** Counts from the viewings' summaries; "today" is the kiosk's local calendar day of `now`. */
export function operatorStats(summaries: readonly ViewingSummary[], now: Date): OperatorStats {
  const day = localDay(now);
  const endings = new Map<string, number>();
  let total = 0;
  let ended = 0;
  for (const s of summaries) {
    if (s.outcome.kind === 'ending') endings.set(s.outcome.ending, (endings.get(s.outcome.ending) ?? 0) + 1);
    if (s.lengthMs !== null) {
      total += s.lengthMs;
      ended++;
    }
  }
  return {
    today: summaries.filter((s) => localDay(new Date(s.startedAt)) === day).length,
    allTime: summaries.length,
    endings: [...endings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    meanMs: ended > 0 ? total / ended : null,
  };
}

const localDay = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/** "8 min 05 s" */
export function formatLength(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
