import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/station/database';
import { fakeDist } from './harness';
import { type StationProcess, dataDirIn, faultyProxy, kioskFleet, spawnStation } from './kiosk-sim';
import { type ThrowawayPostgres, startPostgres } from './postgres';
import { pgliteDataDir } from './synthetic';

const KIOSKS = 50;
const PER_KIOSK = 200;

/**
 * 50 kiosks with 200 ended viewings each send them all at once, through a proxy that drops one
 * connection chunk in 50: the station stores each exactly once. Prints records/s and p99 latency.
 */
async function loadRun(name: string, env: NodeJS.ProcessEnv, dataDir: string, count: (sql: string) => Promise<number>) {
  const { dist, root } = fakeDist();
  const fleet = kioskFleet(KIOSKS, PER_KIOSK);
  const kiosksFile = join(root, 'kiosks.json');
  fleet.writeKiosksFile(kiosksFile);
  let station: StationProcess | undefined;
  let proxy: Awaited<ReturnType<typeof faultyProxy>> | undefined;
  try {
    station = await spawnStation([dist, '--port', '0', '--data', dataDir, '--kiosks', kiosksFile, '--password', 'load-test-password'], env);
    proxy = await faultyProxy(station.port, 0.02);
    const result = await fleet.run(`http://127.0.0.1:${proxy.port}/`);
    const line = `${name}: ${fleet.records.length} viewings from ${KIOSKS} kiosks in ${result.seconds.toFixed(1)} s = ${result.recordsPerSecond} records/s; latency p50 ${result.p50} ms, p99 ${result.p99} ms; ${result.attempts} requests, ${proxy.drops()} connections dropped, answers ${JSON.stringify(Object.fromEntries(fleet.answers))}`;
    console.log(line);
    expect(fleet.acknowledged.size).toBe(KIOSKS * PER_KIOSK);
    expect(proxy.drops()).toBeGreaterThan(20);
    // Some answers were lost after the record was stored: those came back as 200 (stored already).
    expect(fleet.answers.get('200') ?? 0).toBeGreaterThan(0);
    station.child.kill('SIGTERM');
    expect(await station.exited).toBe(0);
    station = undefined;
  } finally {
    station?.child.kill('SIGKILL');
    await proxy?.close();
    rmSync(root, { recursive: true, force: true });
  }
  // Exactly the records sent, and no child row twice.
  expect(await count('SELECT count(*)::int AS n FROM viewings')).toBe(KIOSKS * PER_KIOSK);
  expect(await count('SELECT count(DISTINCT id)::int AS n FROM viewings')).toBe(KIOSKS * PER_KIOSK);
  expect(await count('SELECT count(*)::int AS n FROM path_entries')).toBe(fleet.records.reduce((n, r) => n + r.path.length, 0));
  expect(await count('SELECT count(*)::int AS n FROM gaze')).toBe(fleet.records.reduce((n, r) => n + r.path.reduce((m, e) => m + e.gaze.length, 0), 0));
  expect(await count('SELECT count(*)::int AS n FROM kiosks')).toBe(KIOSKS);
}

describe('load: 50 kiosks × 200 viewings at once, connections dropped at random', () => {
  it('on PGlite: 10,000 stored, none doubled', { timeout: 600_000 }, async () => {
    const root = pgliteDataDir();
    try {
      await loadRun('PGlite', {}, root, async (sql) => {
        const db = await openDatabase({ dataDir: root });
        try {
          return (await db.query<{ n: number }>(sql))[0]!.n;
        } finally {
          await db.close();
        }
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  let server: ThrowawayPostgres | undefined;
  afterAll(() => server?.destroy());
  it('on PostgreSQL: 10,000 stored, none doubled', { timeout: 600_000 }, async () => {
    server = await startPostgres();
    const url = await server.createDatabase('load');
    const scratch = mkdtempSync(join(tmpdir(), 'sightline-load-'));
    const db = await openDatabase({ dataDir: '', url });
    try {
      await loadRun('PostgreSQL', { DATABASE_URL: url }, dataDirIn(scratch), async (sql) => (await db.query<{ n: number }>(sql))[0]!.n);
    } finally {
      await db.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
