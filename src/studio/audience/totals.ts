import type { AudienceSummary } from '../../records';

/** The audience panel's headline figures, in words and numbers ready to show. */
export interface AudienceTotals {
  readonly viewings: number;
  /** Viewings that reached an ending, any ending. */
  readonly endingsReached: number;
  /** Ending scene → viewings, most reached first. */
  readonly endings: ReadonlyArray<readonly [ending: string, viewings: number]>;
  /** How finished viewings ended (ending, left, reset, interrupted, error), most first. */
  readonly outcomes: ReadonlyArray<readonly [outcome: string, viewings: number]>;
  /** Mean length of a finished viewing as m:ss, or '–' when none finished. */
  readonly meanLength: string;
}

const mostFirst = (counts: Readonly<Record<string, number>>) => Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));

export function audienceTotals(summary: AudienceSummary): AudienceTotals {
  const endings = mostFirst(summary.endings);
  return {
    viewings: summary.viewings,
    endingsReached: endings.reduce((sum, [, n]) => sum + n, 0),
    endings,
    outcomes: mostFirst(summary.outcomes),
    meanLength: summary.finished > 0 ? minutesSeconds(summary.meanMs) : '–',
  };
}

/** 754_000 → "12:34"; an hour or more → "1:02:03". */
export function minutesSeconds(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
