import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type Socket, createConnection, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { RecordStore } from '../../src/kiosk';
import { UploadQueue } from '../../src/kiosk';
import type { ViewingRecord } from '../../src/records';
import { random, syntheticRecords } from './synthetic';

/**
 * A kiosk's outbox in memory, with the RecordStore methods the UploadQueue uses: the real queue
 * (one record at a time, the same id again after a failure, backoff) without IndexedDB.
 */
class MemoryOutbox {
  private readonly waiting = new Map<string, ViewingRecord>();
  private emptied: () => void = () => {};
  /** Resolves when the station has confirmed every record. */
  readonly empty: Promise<void>;
  constructor(records: readonly ViewingRecord[]) {
    for (const r of records) this.waiting.set(r.id, r);
    this.empty = new Promise((done) => (this.emptied = done));
  }
  get size(): number {
    return this.waiting.size;
  }
  async outbox(): Promise<string[]> {
    return [...this.waiting.keys()];
  }
  async get(id: string): Promise<ViewingRecord | undefined> {
    return this.waiting.get(id);
  }
  async confirmed(id: string): Promise<void> {
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.emptied();
  }
}

export interface KioskFleet {
  readonly ids: string[];
  readonly records: ViewingRecord[];
  /** Writes the fleet's `--kiosks` file. */
  writeKiosksFile(path: string): void;
  /** Starts every kiosk's upload queue against `url`; resolves when all records are confirmed. */
  run(url: string): Promise<FleetResult>;
  /** Ids the station answered 2xx for. */
  readonly acknowledged: Set<string>;
  /** Status codes and network errors seen, by kind. */
  readonly answers: Map<string, number>;
  stop(): void;
}

export interface FleetResult {
  readonly seconds: number;
  readonly recordsPerSecond: number;
  /** Latency of the requests the station answered, ms. */
  readonly p50: number;
  readonly p99: number;
  readonly attempts: number;
}

const tokenOf = (id: string) => `token-${id}-${'x'.repeat(16)}`;

/** `kiosks` simulated kiosks with `perKiosk` small ended viewings each, all waiting at once. */
export function kioskFleet(kiosks: number, perKiosk: number, seed = 1): KioskFleet {
  const ids = Array.from({ length: kiosks }, (_, i) => `kiosk-${String(i + 1).padStart(2, '0')}`);
  const byKiosk = ids.map((id, i) =>
    syntheticRecords(perKiosk, { seed: seed * 1000 + i, kiosks: [id], gaze: 4, idPrefix: id }).map((r) => ({ ...r, endedAt: r.endedAt ?? r.startedAt, outcome: r.outcome.kind === 'playing' ? { kind: 'left' as const } : r.outcome })),
  );
  const acknowledged = new Set<string>();
  const answers = new Map<string, number>();
  const queues: UploadQueue[] = [];
  const count = (kind: string) => answers.set(kind, (answers.get(kind) ?? 0) + 1);
  return {
    ids,
    records: byKiosk.flat(),
    acknowledged,
    answers,
    writeKiosksFile(path) {
      writeFileSync(path, JSON.stringify(ids.map((id) => ({ id, token: tokenOf(id) }))));
    },
    async run(url) {
      const latencies: number[] = [];
      const started = performance.now();
      const outboxes = byKiosk.map((records, i) => {
        const outbox = new MemoryOutbox(records);
        const timed: typeof fetch = async (input, init) => {
          const t0 = performance.now();
          try {
            const response = await fetch(input, init);
            latencies.push(performance.now() - t0);
            count(String(response.status));
            if (response.ok) acknowledged.add(JSON.parse(String(init?.body)).id);
            return response;
          } catch (error) {
            count('network');
            throw error;
          }
        };
        const queue = new UploadQueue({ store: outbox as unknown as RecordStore, station: { url, token: tokenOf(ids[i]!) }, fetch: timed, timeoutMs: 20_000, backoffMs: 25, maxBackoffMs: 400 });
        queues.push(queue);
        queue.kick();
        return outbox;
      });
      await Promise.all(outboxes.map((o) => o.empty));
      const seconds = (performance.now() - started) / 1000;
      for (const q of queues) q.stop();
      latencies.sort((a, b) => a - b);
      const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
      return { seconds, recordsPerSecond: Math.round(byKiosk.flat().length / seconds), p50: at(0.5), p99: at(0.99), attempts: [...answers.values()].reduce((a, b) => a + b, 0) };
    },
    stop() {
      for (const q of queues) q.stop();
    },
  };
}

/**
 * A TCP proxy on 127.0.0.1 that drops connections at random: a request that never reaches the
 * station, or the station's answer cut off after it stored the record (the kiosk must send it again
 * and the station must not store it twice). Seeded, so a run can be repeated.
 */
export async function faultyProxy(targetPort: number, dropRate: number, seed = 9): Promise<{ port: number; drops: () => number; close(): Promise<void> }> {
  const rand = random(seed);
  let drops = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    sockets.add(client).add(upstream);
    const cut = () => {
      drops++;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => (rand() < dropRate ? cut() : upstream.write(chunk)));
    upstream.on('data', (chunk) => (rand() < dropRate ? cut() : client.write(chunk)));
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      a.on('end', () => b.end());
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    drops: () => drops,
    close: () =>
      new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

const cli = resolve(import.meta.dirname, '../../src/cli/sightline.mjs');

export interface StationProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** What it printed on stderr (the banner) and stdout (one JSON line per request). */
  readonly output: () => string;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | string>;
}

/** `sightline serve` as a child process on 127.0.0.1, once it says where it listens. */
export async function spawnStation(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<StationProcess> {
  const child = spawn(process.execPath, [cli, 'serve', '--host', '127.0.0.1', ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(code ?? signal ?? -1)));
  const port = await new Promise<number>((done, fail) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) done(Number(m[1]));
    };
    child.stderr.on('data', look);
    // Request lines are not kept: a load test writes thousands.
    child.stdout.on('data', () => {});
    void exited.then((code) => fail(new Error(`the station exited (${code}) before listening:\n${output}`)));
  });
  return { port, child, output: () => output, exited };
}

export const dataDirIn = (root: string) => join(root, 'data');
