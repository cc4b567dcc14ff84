import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The station's store: PGlite (PostgreSQL compiled to WebAssembly, in the data folder) by default,
 * a PostgreSQL server when a URL is given. Both speak the same SQL; nothing above this file knows
 * which one it has.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** One statement with parameters; resolves after it committed. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs `fn` on one session that holds the station's migration lock (stations sharing a server take turns). */
  exclusive<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One connection: parameterised statements, and scripts of several statements. */
export interface Session {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, sent as one script (one implicit transaction unless it says otherwise). */
  script(sql: string): Promise<void>;
}

export interface DatabaseOptions {
  /** The station's data folder; PGlite keeps its database in `<dataDir>/pglite`. */
  readonly dataDir: string;
  /** A PostgreSQL connection URL (postgres://…); when set, PGlite is not used. */
  readonly url?: string | undefined;
  /** Connections to PostgreSQL at most. @default 10 */
  readonly poolSize?: number;
}

/** Key of the advisory lock under which migrations run (any stable number; "sightline" in ASCII). */
const MIGRATION_LOCK = 0x7369676874;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(join(options.dataDir, 'pglite'));
}

/**
 * PGlite in a folder. Its PostgreSQL commits with synchronous_commit on, so a statement resolves once
 * its WAL record is written to the folder's files: a killed station loses nothing it acknowledged.
 * (PGlite runs with fsync off and its file system cannot fsync, so the operating system's cache is
 * the last step; a power cut can lose what it held. PostgreSQL, below, fsyncs every commit.)
 * `relaxedDurability` stays off, so each query waits for PGlite's file system sync too.
 */
async function openPglite(dir: string): Promise<Database> {
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir, { relaxedDurability: false });
  const session: Session = {
    query: async <R>(sql: string, params: readonly unknown[] = []) => (await db.query<R>(sql, [...params])).rows,
    script: async (sql) => {
      await db.exec(sql);
    },
  };
  return {
    kind: 'pglite',
    query: session.query,
    // PGlite is one session, opened by this station alone: nothing to take turns with.
    exclusive: (fn) => fn(session),
    close: () => db.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // A connection that dies while idle (server restarted) is dropped by the pool; without a listener
  // the error would end the process.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    query: async <R>(sql: string, params: readonly unknown[] = []) => (await pool.query(sql, [...params])).rows as R[],
    exclusive: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          return await fn({
            query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as R[],
            script: async (sql) => {
              await client.query(sql);
            },
          });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
