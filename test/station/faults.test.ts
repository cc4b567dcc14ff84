import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/station/database';
import { fakeDist } from './harness';
import { type StationProcess, dataDirIn, kioskFleet, spawnStation } from './kiosk-sim';
import { type ThrowawayPostgres, freePort, startPostgres } from './postgres';
import { pgliteDataDir } from './synthetic';

/** Resolves once `ready()` holds, checking every 10 ms (a state to wait for, not a time). */
async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await ready())) await new Promise((done) => setTimeout(done, 10));
}

describe('faults', () => {
  it('the station killed mid-ingest (SIGKILL) and restarted: nothing acknowledged is lost, nothing doubles', { timeout: 300_000 }, async () => {
    const dataDir = pgliteDataDir();
    const { dist, root } = fakeDist();
    const fleet = kioskFleet(10, 60, 2);
    const kiosksFile = join(root, 'kiosks.json');
    fleet.writeKiosksFile(kiosksFile);
    const port = await freePort();
    const args = [dist, '--port', String(port), '--data', dataDir, '--kiosks', kiosksFile, '--password', 'fault-test-password'];
    let station: StationProcess | undefined = await spawnStation(args);
    try {
      const sending = fleet.run(`http://127.0.0.1:${port}/`);
      await until(() => fleet.acknowledged.size >= 150);
      station.child.kill('SIGKILL');
      expect(await station.exited).toBe('SIGKILL');
      const acknowledgedBeforeKill = new Set(fleet.acknowledged);
      const refusedWhileDown = fleet.answers.get('network') ?? 0;
      await until(() => (fleet.answers.get('network') ?? 0) > refusedWhileDown);

      station = await spawnStation(args);
      await sending;
      station.child.kill('SIGTERM');
      expect(await station.exited).toBe(0);
      station = undefined;

      const db = await openDatabase({ dataDir });
      try {
        const ids = new Set((await db.query<{ id: string }>('SELECT id FROM viewings')).map((r) => r.id));
        // Kiosks drop what was acknowledged and never send it again: it survived the kill, or it is missing.
        for (const id of acknowledgedBeforeKill) expect(ids.has(id), id).toBe(true);
        expect(ids.size).toBe(fleet.records.length);
        expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM viewings'))[0]!.n).toBe(fleet.records.length);
        expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM path_entries'))[0]!.n).toBe(fleet.records.reduce((n, r) => n + r.path.length, 0));
      } finally {
        await db.close();
      }
    } finally {
      station?.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  });

  let server: ThrowawayPostgres | undefined;
  afterAll(() => server?.destroy());
  it('PostgreSQL stopped for a while: ingest answers 503, kiosks keep their queue, everything arrives after', { timeout: 300_000 }, async () => {
    server = await startPostgres();
    const url = await server.createDatabase('faults');
    const { dist, root } = fakeDist();
    const scratch = mkdtempSync(join(tmpdir(), 'sightline-faults-'));
    const fleet = kioskFleet(10, 60, 3);
    const kiosksFile = join(root, 'kiosks.json');
    fleet.writeKiosksFile(kiosksFile);
    let station: StationProcess | undefined = await spawnStation([dist, '--port', '0', '--data', dataDirIn(scratch), '--kiosks', kiosksFile, '--password', 'fault-test-password'], { DATABASE_URL: url });
    const health = async () => (await fetch(`http://127.0.0.1:${station!.port}/healthz`)).status;
    try {
      const sending = fleet.run(`http://127.0.0.1:${station.port}/`);
      await until(() => fleet.acknowledged.size >= 100);
      await server.stop();
      await until(() => (fleet.answers.get('503') ?? 0) >= 10);
      expect(await health()).toBe(503);
      const acknowledgedWhileDown = fleet.acknowledged.size;
      await until(() => (fleet.answers.get('503') ?? 0) >= 30);
      // Nothing was confirmed while the database was down.
      expect(fleet.acknowledged.size).toBe(acknowledgedWhileDown);
      await server.start();
      await sending;
      expect(await health()).toBe(200);
      station.child.kill('SIGTERM');
      expect(await station.exited).toBe(0);
      station = undefined;

      const db = await openDatabase({ dataDir: '', url });
      try {
        expect((await db.query<{ n: number }>('SELECT count(DISTINCT id)::int AS n FROM viewings'))[0]!.n).toBe(fleet.records.length);
        expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM viewings'))[0]!.n).toBe(fleet.records.length);
        expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM path_entries'))[0]!.n).toBe(fleet.records.reduce((n, r) => n + r.path.length, 0));
      } finally {
        await db.close();
      }
    } finally {
      station?.child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
