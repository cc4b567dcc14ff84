import {
  type AudienceFilter,
  type AudienceSummary,
  type ChoiceFigures,
  type ClueFigures,
  GAZE_COLS,
  GAZE_ROWS,
  type GazeGrid,
  type SceneFigures,
} from '../records';
import type { Database } from './database';
import { filterSql } from './filter';

/**
 * The audience figures in SQL, equal to `summarize` and `gazeGrid` in src/records for the same
 * records (test/station/figures.test.ts feeds both the same viewings). SQL counts and sums whole
 * milliseconds; the divisions happen here, in the same order as the pure functions do them.
 */

/** Viewings, how they finished and how long they lasted. */
export interface ViewingFigures {
  readonly viewings: number;
  readonly finished: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly meanMs: number;
}

const filtered = (filter: AudienceFilter) => {
  const { where, params } = filterSql(filter, 1, 'v');
  return { cte: `WITH f AS (SELECT v.* FROM viewings v WHERE ${where})`, params };
};

export async function viewingFigures(db: Database, filter: AudienceFilter = {}): Promise<ViewingFigures> {
  const { cte, params } = filtered(filter);
  const [totals] = await db.query<{ viewings: number; finished: number; total_ms: number }>(
    `${cte} SELECT count(*)::int AS viewings, count(f.ended_ms)::int AS finished,
       coalesce(sum(greatest(0, f.ended_ms - f.started_ms)), 0)::float8 AS total_ms FROM f`,
    params,
  );
  const outcomes = await db.query<{ outcome: string; n: number }>(
    `${cte} SELECT f.outcome, count(*)::int AS n FROM f WHERE f.ended_ms IS NOT NULL GROUP BY f.outcome`,
    params,
  );
  const finished = totals?.finished ?? 0;
  return {
    viewings: totals?.viewings ?? 0,
    finished,
    outcomes: Object.fromEntries(outcomes.map((r) => [r.outcome, r.n])),
    meanMs: finished > 0 ? totals!.total_ms / finished : 0,
  };
}

/** Ending scene → viewings that reached it (finished or still in the credits). */
export async function endingFigures(db: Database, filter: AudienceFilter = {}): Promise<Record<string, number>> {
  const { cte, params } = filtered(filter);
  const rows = await db.query<{ ending: string; n: number }>(`${cte} SELECT f.ending, count(*)::int AS n FROM f WHERE f.outcome = 'ending' GROUP BY f.ending`, params);
  return Object.fromEntries(rows.map((r) => [r.ending, r.n]));
}

/** Per scene: viewers, visits, mean time of a finished visit, and viewings that stopped there without an ending (drop-off). */
export async function sceneFigures(db: Database, filter: AudienceFilter = {}): Promise<Record<string, SceneFigures>> {
  const { cte, params } = filtered(filter);
  const visits = await db.query<{ scene: string; visits: number; viewers: number; finished_visits: number; total_ms: number }>(
    `${cte} SELECT p.scene, count(*)::int AS visits, count(DISTINCT p.viewing)::int AS viewers, count(p.left_ms)::int AS finished_visits,
       coalesce(sum(p.left_ms - p.entered_ms), 0)::float8 AS total_ms
     FROM path_entries p JOIN f ON f.id = p.viewing GROUP BY p.scene`,
    params,
  );
  const left = await db.query<{ scene: string; n: number }>(
    `${cte} SELECT last.scene, count(*)::int AS n FROM (
       SELECT DISTINCT ON (p.viewing) p.viewing, p.scene FROM path_entries p JOIN f ON f.id = p.viewing
       WHERE f.ended_ms IS NOT NULL AND f.outcome <> 'ending' ORDER BY p.viewing, p.seq DESC
     ) last GROUP BY last.scene`,
    params,
  );
  const leftBy = new Map(left.map((r) => [r.scene, r.n]));
  return Object.fromEntries(
    visits.map((r) => [r.scene, { viewers: r.viewers, visits: r.visits, meanMs: r.finished_visits > 0 ? r.total_ms / r.finished_visits : 0, left: leftBy.get(r.scene) ?? 0 }]),
  );
}

/** Scene → choice → how often it was taken, its share of the choices taken there, how often by default. */
export async function choiceFigures(db: Database, filter: AudienceFilter = {}): Promise<Record<string, Record<string, ChoiceFigures>>> {
  const { cte, params } = filtered(filter);
  const rows = await db.query<{ scene: string; choice: string; n: number; by_default: number }>(
    `${cte} SELECT c.scene, c.choice, count(*)::int AS n, (count(*) FILTER (WHERE c.by_default))::int AS by_default
     FROM choices c JOIN f ON f.id = c.viewing GROUP BY c.scene, c.choice`,
    params,
  );
  const taken = new Map<string, number>();
  for (const r of rows) taken.set(r.scene, (taken.get(r.scene) ?? 0) + r.n);
  const figures: Record<string, Record<string, ChoiceFigures>> = {};
  for (const r of rows) (figures[r.scene] ??= {})[r.choice] = { count: r.n, share: r.n / taken.get(r.scene)!, byDefault: r.by_default };
  return figures;
}

/** Clue → viewings that found it, and the part of the viewings through a scene where it was found that found it. */
export async function clueFigures(db: Database, filter: AudienceFilter = {}): Promise<Record<string, ClueFigures>> {
  const { cte, params } = filtered(filter);
  const rows = await db.query<{ clue: string; found: number; visitors: number }>(
    `${cte},
     found AS (SELECT c.clue, count(DISTINCT c.viewing)::int AS found FROM clues c JOIN f ON f.id = c.viewing GROUP BY c.clue),
     places AS (SELECT DISTINCT c.clue, c.scene FROM clues c JOIN f ON f.id = c.viewing),
     visitors AS (
       SELECT pl.clue, count(DISTINCT p.viewing)::int AS visitors
       FROM places pl JOIN path_entries p ON p.scene = pl.scene JOIN f ON f.id = p.viewing GROUP BY pl.clue
     )
     SELECT found.clue, found.found, coalesce(visitors.visitors, 0)::int AS visitors FROM found LEFT JOIN visitors ON visitors.clue = found.clue`,
    params,
  );
  return Object.fromEntries(rows.map((r) => [r.clue, { found: r.found, rate: r.visitors > 0 ? r.found / r.visitors : 0 }]));
}

/** Everything `summarize` gives, from the database. */
export async function audienceSummary(db: Database, filter: AudienceFilter = {}): Promise<AudienceSummary> {
  const viewings = await viewingFigures(db, filter);
  return {
    ...viewings,
    endings: await endingFigures(db, filter),
    scenes: await sceneFigures(db, filter),
    choices: await choiceFigures(db, filter),
    clues: await clueFigures(db, filter),
  };
}

/**
 * `gazeBin` in SQL, for a gaze row `g` and the grid size in parameters `cols` and `rows`: the same
 * float8 operations in the same order, so every sample falls in the same bin as in the studio. JS's
 * `((yaw + 180) % 360 + 360) % 360` is written out for yaw in -180…180 (the record schema's bounds):
 * the first `%` only maps 360 to 0, the second subtracts 360 (or 720 when the sum rounded up to it);
 * both subtractions are exact, as fmod's result is.
 */
export const gazeBinSql = (cols: string, rows: string) => `
  SELECT least(${cols} - 1, floor(u * ${cols}))::int AS col, least(${rows} - 1, floor(v * ${rows}))::int AS row
  FROM (
    SELECT (CASE WHEN b >= 720 THEN b - 720 ELSE b - 360 END) / 360 AS u, (90 - greatest(-90, least(90, pitch))) / 180 AS v
    FROM (SELECT (CASE WHEN a >= 360 THEN a - 360 ELSE a END) + 360 AS b, pitch FROM (SELECT yaw + 180 AS a, pitch FROM samples) s0) s1
  ) s2`;

/** Gaze samples taken in a scene, counted into an equirectangular grid as `gazeGrid` does. */
export async function gazeFigures(db: Database, scene: string, filter: AudienceFilter = {}, cols = GAZE_COLS, rows = GAZE_ROWS): Promise<GazeGrid> {
  const { where, params } = filterSql(filter, 4, 'v');
  const binned = await db.query<{ col: number; row: number; n: number }>(
    `WITH samples AS (SELECT g.yaw, g.pitch FROM gaze g JOIN viewings v ON v.id = g.viewing WHERE g.scene = $1::text AND ${where})
     SELECT b.col, b.row, count(*)::int AS n FROM (${gazeBinSql('$2::int', '$3::int')}) b GROUP BY b.col, b.row`,
    [scene, cols, rows, ...params],
  );
  const counts = new Array<number>(cols * rows).fill(0);
  let total = 0;
  for (const b of binned) {
    counts[b.row * cols + b.col]! += b.n;
    total += b.n;
  }
  return { cols, rows, counts, total };
}
