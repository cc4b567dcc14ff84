/**
 * Cache Storage and a static server in memory, for the kiosk's offline code in Node: the server
 * answers by path with an ETag, honours If-None-Match, can go offline, and logs every request.
 */

const urlOf = (request: RequestInfo | URL): string => (request instanceof Request ? request.url : String(request));

interface Stored {
  readonly body: ArrayBuffer;
  readonly status: number;
  readonly headers: Array<[string, string]>;
}

export class FakeCache {
  readonly entries = new Map<string, Stored>();

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const stored = this.entries.get(urlOf(request));
    return stored && new Response(stored.body.slice(0), { status: stored.status, headers: stored.headers });
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.entries.set(urlOf(request), { body: await response.arrayBuffer(), status: response.status, headers: [...response.headers] });
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(urlOf(request));
  }
}

export class FakeCacheStorage {
  readonly caches = new Map<string, FakeCache>();

  async open(name: string): Promise<FakeCache> {
    if (!this.caches.has(name)) this.caches.set(name, new FakeCache());
    return this.caches.get(name)!;
  }

  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }

  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }

  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }

  /** The cached text at a URL, or undefined. */
  async text(name: string, url: string): Promise<string | undefined> {
    return (await this.caches.get(name)?.match(url))?.text();
  }

  asCacheStorage(): CacheStorage {
    return this as unknown as CacheStorage;
  }
}

export interface ServedFile {
  readonly body: string | Uint8Array;
  readonly etag?: string;
  readonly contentType?: string;
  /** An HTTP status other than 200 for this path. */
  readonly status?: number;
}

export interface ServerRequest {
  readonly path: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly cache: RequestCache | undefined;
}

export class FakeServer {
  readonly files = new Map<string, ServedFile>();
  readonly requests: ServerRequest[] = [];
  online = true;
  /** What a single-page-app host answers for an unknown path: 404, or its index.html with 200. */
  missing: 'not-found' | 'index-html' = 'not-found';

  constructor(readonly site: string) {}

  serve(path: string, file: ServedFile): void {
    this.files.set(path, file);
  }

  /** Paths requested since the last call, and forgets them. */
  take(): string[] {
    return this.requests.splice(0).map((r) => r.path);
  }

  readonly fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (!this.online) throw new TypeError('Failed to fetch');
    const url = urlOf(input);
    if (!url.startsWith(this.site)) throw new Error(`fake server: ${url} is not on ${this.site}`);
    const path = url.slice(this.site.length);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const file = this.files.get(path);
    const answer = (status: number, body: BodyInit | null, extra: Record<string, string> = {}) => {
      this.requests.push({ path, status, headers, cache: init.cache });
      return new Response(body, { status, headers: extra });
    };
    if (!file)
      return this.missing === 'not-found'
        ? answer(404, 'not found', { 'content-type': 'text/plain' })
        : answer(200, '<!doctype html><title>app</title>', { 'content-type': 'text/html' });
    if (file.status !== undefined) return answer(file.status, 'failed', { 'content-type': 'text/plain' });
    const etag = file.etag ?? `"${path}-1"`;
    if (headers['if-none-match'] === etag) return answer(304, null, { etag });
    return answer(200, typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
      'content-type': file.contentType ?? (path.endsWith('.json') ? 'application/json' : 'application/octet-stream'),
      etag,
    });
  }) as typeof fetch;
}
