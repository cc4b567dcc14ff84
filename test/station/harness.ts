import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import request from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ViewingRecord } from '../../src/records';
import { type Database, openDatabase } from '../../src/station/database';
import { loadKiosks } from '../../src/station/kiosks';
import { migrate } from '../../src/station/migrations';
import { type StationConfig, createStation } from '../../src/station/server';
import { pgliteDataDir } from './synthetic';

export const PASSWORD = 'operator-password-for-tests';
export const TOKENS = { 'foyer-1': 'token-of-foyer-one-0123456789', 'foyer-2': 'token-of-foyer-two-0123456789' } as const;
/** What the served folder's sibling holds: a file no request may ever read. */
export const SECRET = 'SECRET-OUTSIDE-THE-ROOT-7f3a';
export const CSP_META = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' blob: data:";

export const basic = (password: string) => `Basic ${Buffer.from(`operator:${password}`).toString('base64')}`;
export const bearer = (token: string) => `Bearer ${token}`;

const kioskFile = (id: string, token: string) => ({
  format: 'sightline-kiosk/1',
  id,
  film: 'hello',
  languages: ['en'],
  operator: { pin: '2468' },
  station: { url: 'http://127.0.0.1:8080/', token },
});

/**
 * A small built player in a temp folder: index.html with a CSP meta, hashed assets, a story
 * package's kinds of files, two kiosk files and a studio entry; beside it, a secret file.
 */
export function fakeDist(options: { csp?: string | null; studio?: boolean } = {}): { dist: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'sightline-dist-'));
  const dist = join(root, 'dist');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, 'scenes', 'hello', 'assets'), { recursive: true });
  const csp = options.csp === undefined ? CSP_META : options.csp;
  const meta = csp === null ? '' : `<meta http-equiv="Content-Security-Policy" content="${csp.replaceAll("'", '&#39;')}">`;
  writeFileSync(join(dist, 'index.html'), `<!doctype html><html><head>${meta}<title>Sightline</title></head><body><div id="root"></div></body></html>`);
  writeFileSync(join(dist, 'assets', 'index-AbCd12_-.js'), `export const film = ${JSON.stringify('x'.repeat(20_000))};\n`);
  writeFileSync(join(dist, 'assets', 'index-Zz9_yY8x.css'), `body { color: black; }\n`.repeat(200));
  writeFileSync(join(dist, 'manifest.webmanifest'), JSON.stringify({ name: 'Sightline' }));
  const pkg = join(dist, 'scenes', 'hello');
  writeFileSync(join(pkg, 'story.json'), JSON.stringify({ id: 'hello', padding: 'y'.repeat(4000) }));
  writeFileSync(join(pkg, 'assets', 'hall.ktx2'), randomBytes(5000));
  writeFileSync(join(pkg, 'assets', 'world.spz'), randomBytes(5000));
  writeFileSync(join(pkg, 'assets', 'prop.glb'), randomBytes(3000));
  writeFileSync(join(pkg, 'assets', 'hall.mp4'), randomBytes(100_000));
  writeFileSync(join(pkg, 'assets', 'hall.en.vtt'), `WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n`);
  writeFileSync(join(pkg, 'assets', 'views.ndjson'), '{"a":1}\n');
  writeFileSync(join(dist, 'kiosk.json'), JSON.stringify(kioskFile('foyer-1', TOKENS['foyer-1'])));
  writeFileSync(join(dist, 'kiosk-2.json'), JSON.stringify(kioskFile('foyer-2', TOKENS['foyer-2'])));
  if (options.studio !== false) writeFileSync(join(dist, 'studio.html'), '<!doctype html><title>Studio</title><p>STUDIO-ENTRY</p>');
  return { dist, root };
}

export interface TestStation {
  readonly url: string;
  readonly port: number;
  readonly app: FastifyInstance;
  readonly db: Database;
  /** Every log line the station wrote. */
  readonly logs: string[];
  close(): Promise<void>;
}

/** A station listening on 127.0.0.1, on a fresh PGlite (or `databaseUrl`, or `db`, which it leaves open), serving `dist`. */
export async function startStation(options: Partial<StationConfig> & { dist: string | null; databaseUrl?: string; kiosksFile?: string } = { dist: null }): Promise<TestStation> {
  const dataDir = options.databaseUrl || options.db ? '' : pgliteDataDir();
  const db = options.db ?? (await openDatabase({ dataDir, url: options.databaseUrl }));
  await migrate(db);
  const logs: string[] = [];
  const log = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await createStation({
    kiosks: loadKiosks({ dist: options.dist ?? undefined, file: options.kiosksFile }),
    password: PASSWORD,
    log,
    ...options,
    db,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    db,
    logs,
    async close() {
      await app.close();
      if (!options.db) await db.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Posts a record as a kiosk would. */
export function postRecord(station: { url: string }, record: ViewingRecord | string, token: string | null): Promise<Response> {
  return fetch(`${station.url}/api/viewings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: bearer(token) }) },
    body: typeof record === 'string' ? record : JSON.stringify(record),
  });
}

/** A GET with the path sent exactly as written (fetch would normalise `..` and encodings away). */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: request.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
