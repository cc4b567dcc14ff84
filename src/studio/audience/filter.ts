import type { AudienceFilter, ViewingRecord } from '../../records';

/** What the audience panel's filters offer: the values present in the records (of the film shown). */
export interface FilterChoices {
  readonly editions: readonly string[];
  readonly languages: readonly string[];
  /** First and last day a viewing started (UTC, `YYYY-MM-DD`), or null with no records. */
  readonly days: { readonly first: string; readonly last: string } | null;
}

/** What the viewer of the panel picked; null takes all. Days are UTC calendar days, both included. */
export interface FilterSelection {
  readonly edition: string | null;
  readonly language: string | null;
  readonly fromDay: string | null;
  readonly toDay: string | null;
}

export const NO_SELECTION: FilterSelection = { edition: null, language: null, fromDay: null, toDay: null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The editions, languages and days of the records of `film` (all films when undefined), sorted. */
export function filterChoices(records: Iterable<ViewingRecord>, film?: string): FilterChoices {
  const editions = new Set<string>();
  const languages = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of records) {
    if (film !== undefined && r.film !== film) continue;
    if (r.edition !== null) editions.add(r.edition);
    languages.add(r.language);
    const day = new Date(r.startedAt).toISOString().slice(0, 10);
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  }
  return { editions: [...editions].sort(), languages: [...languages].sort(), days: first !== null && last !== null ? { first, last } : null };
}

/**
 * The audience filter for a selection: the film always, the edition and language when picked, and
 * days as instants (from the start of the first day, up to the start of the day after the last),
 * so a day picked as both ends keeps that whole day.
 */
export function filterOf(selection: FilterSelection, film?: string): AudienceFilter {
  const filter: { -readonly [K in keyof AudienceFilter]: AudienceFilter[K] } = {};
  if (film !== undefined) filter.film = film;
  if (selection.edition !== null) filter.edition = selection.edition;
  if (selection.language !== null) filter.language = selection.language;
  if (selection.fromDay !== null && DAY.test(selection.fromDay)) filter.from = `${selection.fromDay}T00:00:00.000Z`;
  if (selection.toDay !== null && DAY.test(selection.toDay)) {
    const next = new Date(`${selection.toDay}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    filter.to = next.toISOString();
  }
  return filter;
}

/** The filter as the station's query string (the same fields, `src/station/read.ts`). */
export function filterQuery(filter: AudienceFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ['film', 'edition', 'language', 'kiosk', 'from', 'to'] as const) {
    const value = filter[key];
    if (value !== undefined) query.set(key, value);
  }
  return query;
}
