/**
 * A static server for the benchmark on 127.0.0.1: the build (dist/), with the bench's own
 * packages and pages from a temporary folder beside it, and the baselines' libraries from
 * node_modules. No compression, no caching headers: every contestant is served alike.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.avif': 'image/avif', '.ktx2': 'image/ktx2', '.glb': 'model/gltf-binary', '.wasm': 'application/wasm', '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg', '.mp4': 'video/mp4', '.webm': 'video/webm', '.vtt': 'text/vtt',
};

export interface BenchServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveBench(tempDir: string): Promise<BenchServer> {
  // First match wins: the bench's packages before the build's films.
  const mounts: Array<[prefix: string, dir: string]> = [
    ['/bench/', join(tempDir, 'bench')],
    ['/vendor/three/', join(root, 'node_modules/three/build')],
    ['/vendor/pannellum/', join(root, 'node_modules/pannellum/build')],
    ['/scenes/', join(tempDir, 'scenes')],
    ['/', join(root, 'dist')],
  ];
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) continue;
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': statSync(file).size,
        // Cross-origin isolated pages get performance.now() in 5 µs steps instead of 100 µs: frame
        // callbacks of a few tenths of a millisecond need them. Everything here is same-origin.
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
