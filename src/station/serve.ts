import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openDatabase } from './database';
import { KioskFileError, loadKiosks } from './kiosks';
import { addressUrl, lanAddresses, serverNames, terminalQr } from './lan';
import { migrate } from './migrations';
import { PASSWORD_FILE, operatorPassword } from './operator';
import { createStation } from './server';
import { type TlsIdentity, certificateFiles, localCertificate } from './tls';
import { studioEntry } from './static';

export const SERVE_USAGE = `Usage: sightline serve [dist] [options]

Serves the built player (default: dist/) to headsets and screens, and gathers their viewings.
  --port <n>              port (default 8080, or 8443 with HTTPS)
  --host <address>        address to listen on (default 0.0.0.0: every network)
  --https                 HTTPS with a local certificate authority made in the data folder
  --cert <file> --key <file>
                          HTTPS with this certificate and key instead
  --data <dir>            data folder: database, certificates, password (default station-data)
  --kiosks <file>         more kiosks: a JSON list of { "id", "token" }
  --password <text>       the operator password (else SIGHTLINE_STATION_PASSWORD, else generated)
  --frame-ancestors <v>   who may frame the player (CSP frame-ancestors, default 'none')
  --live-minutes <n>      kiosks heard from within this many minutes are live (default 10)
  --trust-proxy           behind a load balancer: client addresses from X-Forwarded-For
Environment: DATABASE_URL=postgres://… stores viewings in PostgreSQL instead of the data folder.
`;

/**
 * \`sightline serve\`: opens the database (migrating it), learns the kiosks, and serves until
 * SIGINT or SIGTERM, then closes gracefully: no new connections, requests in flight answered, the
 * database closed last. Resolves with the exit code.
 */
export async function serve(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string', default: '0.0.0.0' },
        https: { type: 'boolean', default: false },
        cert: { type: 'string' },
        key: { type: 'string' },
        data: { type: 'string', default: 'station-data' },
        kiosks: { type: 'string' },
        password: { type: 'string' },
        'frame-ancestors': { type: 'string', default: "'none'" },
        'live-minutes': { type: 'string', default: '10' },
        'trust-proxy': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    err(`sightline serve: ${error instanceof Error ? error.message : String(error)}\n\n${SERVE_USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    out(SERVE_USAGE);
    return 0;
  }
  if (args.positionals.length > 1) return usage(err, 'one folder to serve at most');
  if ((o.cert === undefined) !== (o.key === undefined)) return usage(err, '--cert and --key go together');
  const https = o.https || o.cert !== undefined;
  const port = o.port === undefined ? (https ? 8443 : 8080) : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(err, `--port ${o.port} is not a port`);
  const liveMinutes = Number(o['live-minutes']);
  if (!(liveMinutes > 0)) return usage(err, '--live-minutes needs a positive number');
  const dist = resolve(args.positionals[0] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) return usage(err, `no index.html in ${dist}; run "npm run build" first, or name the built folder`);
  const dataDir = resolve(o.data);

  let kiosks;
  try {
    kiosks = loadKiosks({ dist, file: o.kiosks });
  } catch (error) {
    err(`${error instanceof KioskFileError ? error.message : `sightline serve: ${String(error)}`}\n`);
    return 1;
  }
  const password = operatorPassword({ given: o.password, env: env.SIGHTLINE_STATION_PASSWORD, dataDir });
  let tls: TlsIdentity | undefined;
  if (https) tls = o.cert !== undefined ? certificateFiles(o.cert, o.key!) : localCertificate(dataDir, serverNames());

  let db: Database;
  try {
    db = await openDatabase({ dataDir, url: env.DATABASE_URL || undefined });
    await migrate(db);
  } catch (error) {
    err(`sightline serve: the database could not be opened: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const app = await createStation({
    dist,
    db,
    kiosks,
    password: password.password,
    frameAncestors: o['frame-ancestors'],
    liveMinutes,
    https: tls,
    ca: tls?.ca,
    trustProxy: o['trust-proxy'],
  });
  try {
    await app.listen({ port, host: o.host });
  } catch (error) {
    err(`sightline serve: cannot listen on ${o.host}:${port}: ${error instanceof Error ? error.message : String(error)}\n`);
    await db.close();
    return 1;
  }

  const bound = app.server.address();
  const boundPort = typeof bound === 'object' && bound ? bound.port : port;
  const protocol = https ? 'https' : 'http';
  const everywhere = o.host === '0.0.0.0' || o.host === '::';
  const urls = everywhere ? lanAddresses().map((a) => addressUrl(protocol, a, boundPort)) : [addressUrl(protocol, o.host, boundPort)];
  const main = urls[0] ?? addressUrl(protocol, '127.0.0.1', boundPort);
  const lines = [
    `Sightline station: serving ${dist}`,
    `  database: ${db.kind === 'pglite' ? `PGlite in ${join(dataDir, 'pglite')}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  kiosks: ${kiosks.ids.length > 0 ? kiosks.ids.join(', ') : 'none with a station token (records will be refused)'}`,
    `Listening on ${main}`,
    ...urls.slice(1).map((u) => `  also ${u}`),
  ];
  if (everywhere) lines.push('', 'Open on a headset (or scan):', terminalQr(main));
  if (tls?.ca) {
    lines.push(`HTTPS by the station's own authority${tls.made === 'authority' ? ' (new: trust it on each headset)' : ''}: ${main}sightline-ca.crt`, `  SHA-256 ${tls.caFingerprint}`);
  }
  lines.push(`Studio and figures: ${main}studio${studioEntry(dist) === null ? ' (not in this build yet; the API is at /api/stats)' : ''}`);
  if (password.generated) lines.push(`Operator password (shown once; kept in ${join(dataDir, PASSWORD_FILE)}): ${password.password}`);
  err(`${lines.join('\n')}\n`);

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'stopping');
      // Requests in flight are answered; a stuck one does not hold the station up forever.
      const force = setTimeout(() => done(1), 10_000);
      force.unref();
      try {
        await app.close();
        await db.close();
      } finally {
        clearTimeout(force);
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        done(0);
      }
    };
    const onInt = () => void stop('SIGINT');
    const onTerm = () => void stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

function usage(err: (s: string) => void, problem: string): number {
  err(`sightline serve: ${problem}\n\n${SERVE_USAGE}`);
  return 2;
}
