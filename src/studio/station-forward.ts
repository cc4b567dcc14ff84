import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Plugin } from 'vite';

/** Answer headers passed back to the studio: the figures, their type and caching, nothing about the connection. */
const PASSED = ['content-type', 'content-length', 'content-encoding', 'content-disposition', 'cache-control', 'etag', 'last-modified', 'vary', 'retry-after'];

export interface StationForward {
  /** The station's address, for example `https://192.168.1.20:8443`. */
  readonly url: URL;
  /** The certificate authority the station's certificate is checked against (its `station-data/tls/ca.crt`), PEM. @default the system's */
  readonly ca?: string | undefined;
}

/**
 * Forwards the studio's reads of `/api/…` to a station (`npm run studio -- <package> --station
 * <url>`), so the studio on this machine reads a station elsewhere as if it served the studio
 * itself: the station sends no CORS headers, and needs none. Reads only (GET, HEAD); the operator
 * password the studio sends travels on as it is, and the station's own answer to a missing one
 * (`WWW-Authenticate`) is dropped, so the studio's password field asks for it, not a browser dialog.
 */
export function stationForward(station: StationForward): Plugin {
  return {
    name: 'sightline-studio-station',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/api/', (req, res) => forward(station, req, res));
    },
  };
}

export function forward(station: StationForward, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    answer(res, 405, `npm run studio forwards only reads to the station, not ${req.method}.`);
    return;
  }
  // `use('/api/', …)` strips its prefix from req.url; originalUrl keeps the whole path.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const target = new URL(path, station.url);
  const headers: Record<string, string> = { accept: req.headers.accept ?? 'application/json' };
  if (req.headers.authorization) headers['authorization'] = req.headers.authorization;
  if (req.headers['accept-encoding']) headers['accept-encoding'] = req.headers['accept-encoding'];
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send(target, { method: req.method, headers, timeout: 30_000, ...(station.ca !== undefined && { ca: station.ca }) }, (reply) => {
    res.statusCode = reply.statusCode ?? 502;
    for (const name of PASSED) {
      const value = reply.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }
    reply.pipe(res);
  });
  outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 30 s')));
  outgoing.on('error', (error: NodeJS.ErrnoException) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const why = error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
    const hint = /certificate|self[- ]signed|CERT_/i.test(why)
      ? ' Give npm run studio the station’s certificate authority with --station-ca <station-data/tls/ca.crt>.'
      : ' Is `sightline serve` running there, and is the address right?';
    answer(res, 502, `npm run studio could not reach the station at ${station.url.origin} (${why}).${hint}`);
  });
  outgoing.end();
}

function answer(res: ServerResponse, status: number, error: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error }));
}
