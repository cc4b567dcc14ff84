import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AudienceFilter, type ViewingRecord, choicesCsv, cluesCsv, toNdjson, viewingsCsv } from '../records';
import type { Database } from './database';
import { audienceSummary, choiceFigures, clueFigures, endingFigures, gazeFigures, sceneFigures, viewingFigures } from './figures';
import type { StationLimits } from './limits';
import { studioEntry } from './static';
import type { ViewingStore } from './store';

const storyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** The audience filter, from a query string: the same fields as `AudienceFilter`. */
export const filterQuerySchema = z.strictObject({
  film: storyId.optional(),
  edition: storyId.optional(),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional(),
  kiosk: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const gazeQuerySchema = filterQuerySchema.extend({
  scene: storyId,
  cols: z.coerce.number().int().min(1).max(720).optional(),
  rows: z.coerce.number().int().min(1).max(360).optional(),
});
const liveQuerySchema = z.strictObject({ minutes: z.coerce.number().min(0.1).max(24 * 60).optional() });

export interface ReadSideOptions {
  readonly db: Database;
  readonly store: ViewingStore;
  /** Checks the request's Authorization header for the operator password. */
  readonly isOperator: (authorization: string | undefined) => boolean;
  readonly limits: StationLimits;
  readonly now: () => number;
  /** Kiosks seen within this many minutes are live. */
  readonly liveMinutes: number;
  readonly dist: string | null;
  /** Whether the request's address is over its failed-authentication limit, and counting a failure. */
  readonly authOver: (request: FastifyRequest) => boolean;
  readonly authFailed: (request: FastifyRequest) => boolean;
}

/** A query string parsed by `schema`, or a 400 already sent. */
function queryOf<T extends z.ZodType>(schema: T, request: FastifyRequest, reply: FastifyReply): z.output<T> | null {
  const parsed = schema.safeParse(request.query);
  if (parsed.success) return parsed.data;
  void reply.code(400).send({ error: 'bad query', issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`) });
  return null;
}

const toFilter = (q: z.output<typeof filterQuerySchema>): AudienceFilter => q;

/**
 * The read side, behind the operator password (HTTP Basic): the audience figures, the exports,
 * the live view of kiosks, and the studio. A kiosk token opens none of it.
 */
export async function registerReadSide(app: FastifyInstance, options: ReadSideOptions): Promise<void> {
  const { db, store, now } = options;

  const operatorOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    if (options.authOver(request)) return reply.code(429).send({ error: 'too many failed attempts; wait a minute' });
    if (options.isOperator(request.headers.authorization)) {
      request.operator = true;
      return;
    }
    if (options.authFailed(request)) return reply.code(429).send({ error: 'too many failed attempts; wait a minute' });
    return reply.code(401).header('www-authenticate', 'Basic realm="Sightline station", charset="UTF-8"').send({ error: "the station operator's password is needed" });
  };
  const config = { rateLimit: { max: options.limits.readPerMinute, timeWindow: 60_000 } };
  const guarded = { onRequest: operatorOnly, config };

  /** Runs a read; a database that does not answer is a 503, not a 500. */
  const answer = async <T>(request: FastifyRequest, reply: FastifyReply, read: () => Promise<T>) => {
    try {
      return reply.header('cache-control', 'no-store').send(await read());
    } catch (error) {
      request.log.error({ err: error }, 'reading figures failed');
      return reply.code(503).header('retry-after', '5').send({ error: 'the database is not available; try again later' });
    }
  };

  const figures: Record<string, (filter: AudienceFilter) => Promise<unknown>> = {
    '/api/stats': (f) => audienceSummary(db, f),
    '/api/stats/viewings': (f) => viewingFigures(db, f),
    '/api/stats/endings': (f) => endingFigures(db, f),
    '/api/stats/scenes': (f) => sceneFigures(db, f),
    '/api/stats/choices': (f) => choiceFigures(db, f),
    '/api/stats/clues': (f) => clueFigures(db, f),
  };
  for (const [path, read] of Object.entries(figures))
    app.get(path, guarded, async (request, reply) => {
      const query = queryOf(filterQuerySchema, request, reply);
      return query && answer(request, reply, () => read(toFilter(query)));
    });

  app.get('/api/stats/gaze', guarded, async (request, reply) => {
    const query = queryOf(gazeQuerySchema, request, reply);
    if (!query) return reply;
    const { scene, cols, rows, ...filter } = query;
    return answer(request, reply, () => gazeFigures(db, scene, filter, cols, rows));
  });

  app.get('/api/live', guarded, async (request, reply) => {
    const query = queryOf(liveQuerySchema, request, reply);
    if (!query) return reply;
    const minutes = query.minutes ?? options.liveMinutes;
    return answer(request, reply, async () => ({ minutes, kiosks: await store.live(now() - minutes * 60_000) }));
  });

  const exports: Record<string, { type: string; write: (records: ViewingRecord[]) => string; csv: boolean }> = {
    'viewings.ndjson': { type: 'application/x-ndjson; charset=utf-8', write: toNdjson, csv: false },
    'viewings.csv': { type: 'text/csv; charset=utf-8', write: viewingsCsv, csv: true },
    'choices.csv': { type: 'text/csv; charset=utf-8', write: choicesCsv, csv: true },
    'clues.csv': { type: 'text/csv; charset=utf-8', write: cluesCsv, csv: true },
  };
  for (const [name, format] of Object.entries(exports))
    app.get(`/api/exports/${name}`, guarded, async (request, reply) => {
      const query = queryOf(filterQuerySchema, request, reply);
      if (!query) return reply;
      const pages = store.records(toFilter(query));
      // The first page is read before answering, so a database that is down is a 503, not a cut-off file.
      let first: IteratorResult<ViewingRecord[]>;
      try {
        first = await pages.next();
      } catch (error) {
        request.log.error({ err: error }, 'export failed');
        return reply.code(503).header('retry-after', '5').send({ error: 'the database is not available; try again later' });
      }
      async function* body(): AsyncGenerator<string> {
        yield format.write(first.done ? [] : first.value);
        if (first.done) return;
        for await (const page of pages) {
          const text = format.write(page);
          // The writers start each text with the CSV header: only the first one keeps it.
          yield format.csv ? text.slice(text.indexOf('\r\n') + 2) : text;
        }
      }
      return reply
        .type(format.type)
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Readable.from(body()));
    });

  // The studio: the build's second entry, behind the same password. Absent until the build has it.
  const studio = async (request: FastifyRequest, reply: FastifyReply) => {
    const entry = studioEntry(options.dist);
    if (entry === null) return reply.code(404).send({ error: 'this build has no studio' });
    return reply.sendFile(entry);
  };
  app.get('/studio', guarded, studio);
  app.get('/studio.html', guarded, studio);
  app.get('/studio/*', guarded, async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    if (rest === '' || options.dist === null) return studio(request, reply);
    return reply.sendFile(`studio/${rest}`);
  });
}
