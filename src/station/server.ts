import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import { contentSecurityPolicy } from './csp';
import type { Database } from './database';
import { registerIngest } from './ingest';
import type { KioskTokens } from './kiosks';
import { DEFAULT_LIMITS, type StationLimits, createMinuteCounter } from './limits';
import { createOperatorCheck } from './operator';
import { registerReadSide } from './read';
import { pathProblem, registerStatic } from './static';
import { ViewingStore } from './store';

declare module 'fastify' {
  interface FastifyRequest {
    /** The kiosk whose token the request carried (ingest routes). */
    kiosk: string | null;
    /** Whether the request carried the operator password (read side). */
    operator: boolean;
  }
}

export interface StationConfig {
  /** The built player to serve (with its scenes/); null serves only the API. */
  readonly dist: string | null;
  readonly db: Database;
  readonly kiosks: KioskTokens;
  /** The operator password, which opens the read side. */
  readonly password: string;
  /** Who may show the player in a frame (CSP `frame-ancestors`). @default "'none'" */
  readonly frameAncestors?: string;
  /** Kiosks heard from within this many minutes are live. @default 10 */
  readonly liveMinutes?: number;
  readonly limits?: Partial<StationLimits>;
  /** Where the one JSON line per request goes; false for none. @default process.stdout */
  readonly log?: NodeJS.WritableStream | false;
  /** Key and certificate for HTTPS; absent for HTTP. */
  readonly https?: { readonly key: string; readonly cert: string } | undefined;
  /** The local authority's certificate, offered at /sightline-ca.crt for headsets to trust. */
  readonly ca?: string | null | undefined;
  /** Behind a load balancer: take the client's address from X-Forwarded-For. @default false */
  readonly trustProxy?: boolean;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * The station as a Fastify app, not yet listening: the player's files, the ingest of viewing
 * records, the read side behind the operator password, and /healthz. The caller owns the database
 * (and migrates it first) and closes it after the app.
 */
export async function createStation(config: StationConfig): Promise<FastifyInstance> {
  const dist = config.dist === null ? null : resolve(config.dist);
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  const now = config.now ?? Date.now;
  const store = new ViewingStore(config.db);
  const indexHtml = dist !== null && existsSync(join(dist, 'index.html')) ? readFileSync(join(dist, 'index.html'), 'utf8') : null;
  const csp = contentSecurityPolicy(indexHtml, config.frameAncestors);

  const app = Fastify({
    ...(config.https ? { https: { key: config.https.key, cert: config.https.cert } } : {}),
    logger: config.log === false ? false : { level: 'info', stream: config.log ?? process.stdout, redact: ['req.headers.authorization'] },
    // Fastify's own request lines are off: the onResponse hook below writes one line per request.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy ?? false,
    // A client that sends its request slowly is cut off rather than holding a connection.
    requestTimeout: 30_000,
    bodyLimit: 4096,
  });
  app.decorateRequest('kiosk', null);
  app.decorateRequest('operator', false);

  // Before anything else: a path that cannot name a file is refused, and every answer carries the policy.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    const problem = pathProblem(request.url);
    if (problem !== null) return reply.code(400).send({ error: `bad path: ${problem}` });
    // Bodies are taken as sent; a compressed one could expand past every limit.
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return reply.code(415).send({ error: 'compressed request bodies are not accepted' });
  });
  // One structured line per request; no header is logged, so no token or password is.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url.slice(0, 300), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, ip: request.ip, kiosk: request.kiosk ?? undefined }, 'request');
  });

  // With request logging off Fastify no longer logs failures itself: a server-side one is logged here.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if ((error.statusCode ?? 500) >= 500) request.log.error({ err: error }, 'request failed');
    return reply.send(error);
  });

  await app.register(rateLimit, { global: true, max: limits.staticPerMinute, timeWindow: 60_000 });
  await app.register(compress, { global: true, globalDecompression: false, threshold: 1024, encodings: ['br', 'gzip'] });

  const failures = createMinuteCounter(limits.authFailuresPerMinute, now);
  const authFailed = (request: FastifyRequest) => failures.hit(request.ip);
  const authOver = (request: FastifyRequest) => failures.over(request.ip);

  app.get('/healthz', { config: { rateLimit: false } }, async (request, reply) => {
    try {
      await store.ping();
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: config.db.kind });
    } catch (error) {
      request.log.error({ err: error }, 'health check: the database does not answer');
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable', database: config.db.kind });
    }
  });
  if (config.ca) {
    const ca = config.ca;
    app.get('/sightline-ca.crt', async (_request, reply) => reply.type('application/x-x509-ca-cert').header('content-disposition', 'attachment; filename="sightline-ca.crt"').send(ca));
  }

  await registerIngest(app, { store, kiosks: config.kiosks, limits, now, authFailed });
  if (dist !== null) await registerStatic(app, dist);
  await registerReadSide(app, { db: config.db, store, isOperator: createOperatorCheck(config.password), limits, now, liveMinutes: config.liveMinutes ?? 10, dist, authOver, authFailed });
  return app;
}
