import type { AudienceFilter } from '../records';

/**
 * An audience filter as a SQL condition on `viewings` (aliased `alias`), with its parameters
 * numbered from `first`. Means the same as `matches` in src/records: every field narrows, `from` is
 * inclusive, `to` exclusive, both compared on the instant the viewing started.
 */
export function filterSql(filter: AudienceFilter, first = 1, alias = 'viewings'): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    conditions.push(condition.replace('?', `$${first + params.length - 1}`));
  };
  if (filter.film !== undefined) add(`${alias}.film = ?::text`, filter.film);
  if (filter.edition !== undefined) add(`${alias}.edition = ?::text`, filter.edition);
  if (filter.language !== undefined) add(`${alias}.language = ?::text`, filter.language);
  if (filter.kiosk !== undefined) add(`${alias}.kiosk = ?::text`, filter.kiosk);
  if (filter.from !== undefined) add(`${alias}.started_ms >= ?::bigint`, Date.parse(filter.from));
  if (filter.to !== undefined) add(`${alias}.started_ms < ?::bigint`, Date.parse(filter.to));
  return { where: conditions.length > 0 ? conditions.join(' AND ') : 'true', params };
}
