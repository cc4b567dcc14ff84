import type { Database } from './database';

/**
 * The station's schema, in order. A migration is never edited once shipped: a change is a new one.
 * Figures are computed from these tables by the read side's SQL (figures.ts); `record` keeps each
 * viewing as it arrived, for exports.
 */
export const MIGRATIONS: ReadonlyArray<{ readonly version: number; readonly name: string; readonly sql: string }> = [
  {
    version: 1,
    name: 'viewings',
    sql: `
      CREATE TABLE viewings (
        id text PRIMARY KEY,
        kiosk text,
        film text NOT NULL,
        revision text,
        edition text,
        language text NOT NULL,
        -- Instants as ms since the epoch, parsed once by the station (Date.parse), as the records module does.
        started_ms bigint NOT NULL,
        ended_ms bigint,
        outcome text NOT NULL,
        ending text,
        -- The record as received (validated), byte for byte, for exports.
        record json NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX viewings_film_started ON viewings (film, started_ms);
      CREATE TABLE path_entries (
        viewing text NOT NULL REFERENCES viewings (id) ON DELETE CASCADE,
        seq int NOT NULL,
        scene text NOT NULL,
        entered_ms bigint NOT NULL,
        left_ms bigint,
        PRIMARY KEY (viewing, seq)
      );
      CREATE INDEX path_entries_scene ON path_entries (scene);
      CREATE TABLE clues (
        viewing text NOT NULL REFERENCES viewings (id) ON DELETE CASCADE,
        seq int NOT NULL,
        clue text NOT NULL,
        scene text NOT NULL,
        at_ms bigint NOT NULL,
        PRIMARY KEY (viewing, seq)
      );
      CREATE TABLE choices (
        viewing text NOT NULL REFERENCES viewings (id) ON DELETE CASCADE,
        seq int NOT NULL,
        scene text NOT NULL,
        choice text NOT NULL,
        at_ms bigint NOT NULL,
        by_default boolean NOT NULL,
        PRIMARY KEY (viewing, seq)
      );
      CREATE TABLE gaze (
        viewing text NOT NULL REFERENCES viewings (id) ON DELETE CASCADE,
        entry int NOT NULL,
        seq int NOT NULL,
        scene text NOT NULL,
        at_ms bigint NOT NULL,
        yaw float8 NOT NULL,
        pitch float8 NOT NULL,
        PRIMARY KEY (viewing, entry, seq)
      );
      CREATE INDEX gaze_scene ON gaze (scene);
      CREATE TABLE kiosks (
        id text PRIMARY KEY,
        film text,
        state text,
        viewing text,
        seen_ms bigint NOT NULL,
        last_record text,
        last_record_ms bigint
      );
    `,
  },
];

/** Brings the schema up to date; stations sharing one PostgreSQL take turns under a lock. */
export async function migrate(db: Database): Promise<number[]> {
  return db.exclusive(async (session) => {
    await session.script('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await session.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      // One script, one transaction: a migration applies whole or not at all.
      await session.script(`BEGIN; ${m.sql}; INSERT INTO schema_migrations (version, name) VALUES (${m.version}, '${m.name}'); COMMIT;`);
      applied.push(m.version);
    }
    return applied;
  });
}
