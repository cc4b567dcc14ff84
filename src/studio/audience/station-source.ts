import { type AudienceFilter, type AudienceSummary, GAZE_COLS, GAZE_ROWS, type GazeGrid } from '../../records';
import { filterQuery } from './filter';

export interface StationSourceOptions {
  /**
   * The station's origin, for example `https://192.168.1.20:8443`. The station sends no CORS
   * headers: a studio on another origin reads it through `npm run studio -- <package> --station
   * <url>`, which forwards this origin's `/api/…` to it (src/studio/station-forward.ts).
   * @default the studio's own origin (the station serves the studio at /studio.html)
   */
  readonly origin?: string | undefined;
  /**
   * The operator password, sent as HTTP Basic. Not needed when the studio was opened from the
   * station: the browser asked for it then and sends it with every request to that origin.
   * @default none
   */
  readonly password?: string | undefined;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/** The audience figures of a station's database, read through its API (`src/station/read.ts`). */
export interface StationSource {
  /** Where it is, as said in messages. */
  readonly origin: string;
  summary(filter: AudienceFilter): Promise<AudienceSummary>;
  gaze(scene: string, filter: AudienceFilter, cols?: number, rows?: number): Promise<GazeGrid>;
}

/** A station that said no, or could not be asked; `message` says what to do. */
export class StationError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or null when the station could not be reached. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'StationError';
  }
}

export function createStationSource(options: StationSourceOptions = {}): StationSource {
  const origin = (options.origin ?? globalThis.location?.origin ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const where = origin || 'this address';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.password !== undefined && options.password !== '') headers['authorization'] = `Basic ${base64(`studio:${options.password}`)}`;

  async function get(path: string, query: URLSearchParams): Promise<unknown> {
    const url = `${origin}${path}?${query}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers, credentials: 'same-origin', cache: 'no-store' });
    } catch (error) {
      throw new StationError(`The station is not reachable at ${where} (${error instanceof Error ? error.message : String(error)}). Is \`sightline serve\` running there, and is the address right?`, null);
    }
    if (!response.ok) throw new StationError(await refusal(response, where), response.status);
    try {
      return await response.json();
    } catch {
      throw new StationError(`The answer from ${where}${path} is not JSON: is that address a Sightline station?`, response.status);
    }
  }

  return {
    origin: where,
    async summary(filter) {
      const value = await get('/api/stats', filterQuery(filter));
      if (!isSummary(value)) throw new StationError(`The answer from ${where}/api/stats is not audience figures: is that address a Sightline station of this version?`, 200);
      return value;
    },
    async gaze(scene, filter, cols = GAZE_COLS, rows = GAZE_ROWS) {
      const query = filterQuery(filter);
      query.set('scene', scene);
      query.set('cols', String(cols));
      query.set('rows', String(rows));
      const value = await get('/api/stats/gaze', query);
      if (!isGrid(value, cols, rows)) throw new StationError(`The answer from ${where}/api/stats/gaze is not a gaze grid of ${cols}×${rows}: is that address a Sightline station of this version?`, 200);
      return value;
    },
  };
}

async function refusal(response: Response, where: string): Promise<string> {
  let said = '';
  try {
    const body = (await response.json()) as { error?: unknown; issues?: unknown };
    if (typeof body.error === 'string') said = body.error;
    if (Array.isArray(body.issues)) said += ` (${body.issues.join('; ')})`;
  } catch {
    // Not JSON: the status says enough.
  }
  switch (response.status) {
    case 401:
      return `The station at ${where} needs the station's password (the operator password it was started with): give it here, or open the studio from the station itself.`;
    case 429:
      return `The station at ${where} refuses for now: ${said || 'too many requests or failed passwords'}. Wait a minute and try again.`;
    case 503:
      return `The station at ${where} cannot read its database now: ${said || 'not available'}. Try again in a few seconds.`;
    case 404:
      return `${where} has no audience figures (404): is it a Sightline station?`;
    default:
      return `The station at ${where} answered ${response.status}${said ? `: ${said}` : ''}.`;
  }
}

const isCounts = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' && value !== null && Object.values(value).every((n) => typeof n === 'number');

function isSummary(value: unknown): value is AudienceSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['viewings'] === 'number' &&
    typeof v['finished'] === 'number' &&
    typeof v['meanMs'] === 'number' &&
    isCounts(v['outcomes']) &&
    isCounts(v['endings']) &&
    typeof v['scenes'] === 'object' &&
    v['scenes'] !== null &&
    typeof v['choices'] === 'object' &&
    v['choices'] !== null &&
    typeof v['clues'] === 'object' &&
    v['clues'] !== null
  );
}

function isGrid(value: unknown, cols: number, rows: number): value is GazeGrid {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v['cols'] === cols && v['rows'] === rows && typeof v['total'] === 'number' && Array.isArray(v['counts']) && v['counts'].length === cols * rows && v['counts'].every((n) => typeof n === 'number');
}

/** Base64 of a string's UTF-8 bytes (btoa alone takes only Latin-1). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
