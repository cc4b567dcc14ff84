import { resolve } from 'node:path';
import { createServer } from 'vite';
import { studioPackage } from './dev-server';
import { type StationForward, stationForward } from './station-forward';

export interface StudioServerOptions {
  /** The package folder the studio shows. */
  readonly folder: string;
  /** @default 5174; 0 picks a free port */
  readonly port?: number;
  /** A station whose `/api/…` the studio reads through this server. @default none */
  readonly station?: StationForward | undefined;
}

export interface StudioServer {
  /** The studio page's address. */
  readonly url: string;
  close(): Promise<void>;
}

/** The Vite dev server with the studio for one package folder, on 127.0.0.1. */
export async function startStudio(options: StudioServerOptions): Promise<StudioServer> {
  const root = resolve(import.meta.dirname, '../..');
  const port = options.port ?? 5174;
  const server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    plugins: [studioPackage(options.folder), ...(options.station ? [stationForward(options.station)] : [])],
    server: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
    logLevel: 'warn',
  });
  await server.listen();
  const address = server.httpServer?.address();
  const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}/` : (server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`);
  return { url: `${base}studio.html`, close: () => server.close() };
}
