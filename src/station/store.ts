import type { AudienceFilter, ViewingRecord } from '../records';
import type { Database } from './database';
import { filterSql } from './filter';

export type KioskState = 'attract' | 'playing' | 'credits' | 'operator' | 'error';

export interface KioskStatus {
  readonly film: string;
  readonly state: KioskState;
  readonly viewing: string | null;
}

/** A kiosk as the live view shows it. */
export interface LiveKiosk {
  readonly id: string;
  readonly film: string | null;
  /** Null until the kiosk sent a status (it may only have sent records). */
  readonly state: KioskState | null;
  readonly viewing: string | null;
  readonly seenAt: string;
  readonly lastRecord: { readonly id: string; readonly at: string } | null;
}

/**
 * One statement stores a viewing and its rows, so it is stored whole or not at all, and only once:
 * a second copy of an id inserts nothing (`inserted` 0). The kiosk counts as seen either way (a
 * resend is still a sign of life); its last record changes only with a new one. Child rows come
 * from the record's own JSON, in SQL.
 */
const INSERT_VIEWING = `
WITH v AS (
  INSERT INTO viewings (id, kiosk, film, revision, edition, language, started_ms, ended_ms, outcome, ending, record)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::json)
  ON CONFLICT (id) DO NOTHING
  RETURNING id
),
r AS (SELECT $11::text::jsonb AS j),
p AS (
  INSERT INTO path_entries (viewing, seq, scene, entered_ms, left_ms)
  SELECT v.id, e.ord - 1, e.val->>'scene', (e.val->>'enteredMs')::bigint, (e.val->>'leftMs')::bigint
  FROM v, r, jsonb_array_elements(r.j->'path') WITH ORDINALITY AS e(val, ord)
),
c AS (
  INSERT INTO clues (viewing, seq, clue, scene, at_ms)
  SELECT v.id, e.ord - 1, e.val->>'clue', e.val->>'scene', (e.val->>'atMs')::bigint
  FROM v, r, jsonb_array_elements(r.j->'clues') WITH ORDINALITY AS e(val, ord)
),
ch AS (
  INSERT INTO choices (viewing, seq, scene, choice, at_ms, by_default)
  SELECT v.id, e.ord - 1, e.val->>'scene', e.val->>'choice', (e.val->>'atMs')::bigint, (e.val->>'byDefault')::boolean
  FROM v, r, jsonb_array_elements(r.j->'choices') WITH ORDINALITY AS e(val, ord)
),
g AS (
  INSERT INTO gaze (viewing, entry, seq, scene, at_ms, yaw, pitch)
  SELECT v.id, e.ord - 1, s.ord - 1, e.val->>'scene', (s.val->>0)::bigint, (s.val->>1)::float8, (s.val->>2)::float8
  FROM v, r, jsonb_array_elements(r.j->'path') WITH ORDINALITY AS e(val, ord), jsonb_array_elements(e.val->'gaze') WITH ORDINALITY AS s(val, ord)
),
k AS (
  INSERT INTO kiosks (id, film, seen_ms, last_record, last_record_ms)
  SELECT $2, $3, $12, (SELECT id FROM v), (SELECT $12::bigint FROM v) WHERE $2::text IS NOT NULL
  ON CONFLICT (id) DO UPDATE SET seen_ms = greatest(kiosks.seen_ms, excluded.seen_ms),
    last_record = coalesce(excluded.last_record, kiosks.last_record), last_record_ms = coalesce(excluded.last_record_ms, kiosks.last_record_ms),
    film = coalesce(kiosks.film, excluded.film)
)
SELECT count(*)::int AS inserted FROM v`;

const HEARTBEAT = `
INSERT INTO kiosks (id, film, state, viewing, seen_ms) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (id) DO UPDATE SET film = excluded.film, state = excluded.state, viewing = excluded.viewing, seen_ms = greatest(kiosks.seen_ms, excluded.seen_ms)`;

/** Records read back a page at a time, in the order they started. */
const PAGE = 500;

/** The write side of the station and the record-level reads (exports, live view). */
export class ViewingStore {
  constructor(private readonly db: Database) {}

  /** Stores a validated record; resolves once it is committed: 'new', or 'stored' when the id was there already. */
  async insert(record: ViewingRecord, nowMs: number): Promise<'new' | 'stored'> {
    const ended = record.endedAt === null ? null : Date.parse(record.endedAt);
    const [row] = await this.db.query<{ inserted: number }>(INSERT_VIEWING, [
      record.id,
      record.kiosk,
      record.film,
      record.revision,
      record.edition,
      record.language,
      Date.parse(record.startedAt),
      ended,
      record.outcome.kind,
      record.outcome.kind === 'ending' ? record.outcome.ending : null,
      JSON.stringify(record),
      nowMs,
    ]);
    return row?.inserted === 1 ? 'new' : 'stored';
  }

  async heartbeat(kiosk: string, status: KioskStatus, nowMs: number): Promise<void> {
    await this.db.query(HEARTBEAT, [kiosk, status.film, status.state, status.viewing, nowMs]);
  }

  /** Kiosks that sent a status or a record at or after `sinceMs`. */
  async live(sinceMs: number): Promise<LiveKiosk[]> {
    const rows = await this.db.query<{ id: string; film: string | null; state: KioskState | null; viewing: string | null; seen_ms: string | number; last_record: string | null; last_record_ms: string | number | null }>(
      'SELECT id, film, state, viewing, seen_ms, last_record, last_record_ms FROM kiosks WHERE seen_ms >= $1::bigint ORDER BY id',
      [sinceMs],
    );
    return rows.map((r) => ({
      id: r.id,
      film: r.film,
      state: r.state,
      viewing: r.viewing,
      seenAt: new Date(Number(r.seen_ms)).toISOString(),
      lastRecord: r.last_record === null ? null : { id: r.last_record, at: new Date(Number(r.last_record_ms)).toISOString() },
    }));
  }

  /**
   * Every stored record that passes the filter, in the order the viewings started (then by id, byte
   * by byte whatever the database's locale), read a page at a time.
   */
  async *records(filter: AudienceFilter = {}): AsyncGenerator<ViewingRecord[]> {
    const { where, params } = filterSql(filter, 3, 'v');
    let after: [number, string] | null = null;
    for (;;) {
      const page: Array<{ id: string; started_ms: string | number; record: string }> = await this.db.query(
        `SELECT v.id, v.started_ms, v.record::text AS record FROM viewings v
         WHERE ${where} AND ($1::bigint IS NULL OR (v.started_ms, v.id COLLATE "C") > ($1::bigint, $2::text))
         ORDER BY v.started_ms, v.id COLLATE "C" LIMIT ${PAGE}`,
        [after?.[0] ?? null, after?.[1] ?? null, ...params],
      );
      if (page.length === 0) return;
      yield page.map((row) => JSON.parse(row.record) as ViewingRecord);
      const last = page.at(-1)!;
      after = [Number(last.started_ms), last.id];
      if (page.length < PAGE) return;
    }
  }

  /** Whether the database answers. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
