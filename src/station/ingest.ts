import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RECORD_LIMITS, parseRecord } from '../records';
import type { KioskTokens } from './kiosks';
import { jsonShapeProblem } from './json-guard';
import type { StationLimits } from './limits';
import type { ViewingStore } from './store';

/** A viewing record nests 5 deep and holds about 22,000 arrays and objects at its limits (RECORD_LIMITS). */
const RECORD_SHAPE = { depth: 8, containers: 25_000 };

/** The kiosk's heartbeat, every 30 s, for the live view. */
export const kioskStatusSchema = z.strictObject({
  film: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  state: z.enum(['attract', 'playing', 'credits', 'operator', 'error']),
  viewing: z.string().regex(/^[A-Za-z0-9-]{8,64}$/).nullable(),
});

export interface IngestOptions {
  readonly store: ViewingStore;
  readonly kiosks: KioskTokens;
  readonly limits: StationLimits;
  readonly now: () => number;
  /** Counts a failed authentication for the request's address; true when it is over its limit. */
  readonly authFailed: (request: FastifyRequest) => boolean;
}

const bearer = (request: FastifyRequest) => /^Bearer ([\x21-\x7e]+)$/.exec(request.headers.authorization?.trim() ?? '')?.[1] ?? null;

/**
 * The write side: kiosks post ended viewings and heartbeats, each with its own bearer token. The
 * token is checked before the body is read; the body is read as text within its limit, looked at
 * for shape, then validated with the same schema the kiosk wrote it with.
 */
export async function registerIngest(app: FastifyInstance, options: IngestOptions): Promise<void> {
  const { store, kiosks, limits, now } = options;
  const kioskOf = (request: FastifyRequest) => {
    const token = bearer(request);
    return token === null ? null : kiosks.kioskOf(token);
  };

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    const kiosk = kioskOf(request);
    if (kiosk === null) {
      if (options.authFailed(request)) return reply.code(429).send({ error: 'too many failed attempts; wait a minute' });
      return reply.code(401).header('www-authenticate', 'Bearer realm="sightline-station"').send({ error: "a kiosk's token is needed (Authorization: Bearer <station.token of kiosk.json>)" });
    }
    request.kiosk = kiosk;
  };
  const rateLimit = { max: limits.ingestPerMinute, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `kiosk:${kioskOf(request) ?? request.ip}` };

  await app.register(async (scope) => {
    // Bodies arrive as text: parseRecord parses and validates, after the shape check.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    scope.post('/api/viewings', { onRequest: authenticate, bodyLimit: RECORD_LIMITS.bytes, config: { rateLimit } }, async (request, reply) => {
      const text = request.body;
      if (typeof text !== 'string') return reply.code(400).send({ error: 'expected a viewing record as JSON' });
      const shape = jsonShapeProblem(text, RECORD_SHAPE);
      if (shape !== null) return reply.code(400).send({ error: `not a viewing record: ${shape}` });
      const parsed = parseRecord(text, 'request body');
      if ('diagnostics' in parsed) return reply.code(400).send({ error: 'not a valid viewing record', diagnostics: parsed.diagnostics.slice(0, 20) });
      const record = parsed.record;
      if (record.kiosk !== request.kiosk) return reply.code(403).send({ error: `this token belongs to kiosk "${request.kiosk}", not to the record's kiosk` });
      let stored: 'new' | 'stored';
      try {
        stored = await store.insert(record, now());
      } catch (error) {
        request.log.error({ err: error }, 'storing a viewing failed');
        // The kiosk keeps the record and tries again later.
        return reply.code(503).header('retry-after', '5').send({ error: 'the database is not available; try again later' });
      }
      return reply.code(stored === 'new' ? 201 : 200).send({ id: record.id, stored });
    });

    scope.post<{ Params: { id: string } }>('/api/kiosks/:id/status', { onRequest: authenticate, bodyLimit: 2048, config: { rateLimit } }, async (request, reply) => {
      if (request.params.id !== request.kiosk) return reply.code(403).send({ error: `this token belongs to kiosk "${request.kiosk}"` });
      let value: unknown;
      try {
        value = JSON.parse(String(request.body));
      } catch {
        return reply.code(400).send({ error: 'not JSON' });
      }
      const status = kioskStatusSchema.safeParse(value);
      if (!status.success) return reply.code(400).send({ error: 'expected { film, state, viewing }', issues: status.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) });
      try {
        await store.heartbeat(request.kiosk!, status.data, now());
      } catch (error) {
        request.log.error({ err: error }, 'storing a kiosk status failed');
        return reply.code(503).header('retry-after', '5').send({ error: 'the database is not available; try again later' });
      }
      return reply.code(204).send();
    });
  });
}
