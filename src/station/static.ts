import { existsSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Content types of what a Sightline build and its story packages hold. Anything else is served as bytes. */
export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.ktx2': 'image/ktx2',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.bin': 'application/octet-stream',
  '.spz': 'application/octet-stream',
  '.ply': 'application/octet-stream',
  '.splat': 'application/octet-stream',
  '.ksplat': 'application/octet-stream',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.crt': 'application/x-x509-ca-cert',
};

/** Vite's output under assets/: name-<8 character hash>.ext. Its contents never change under that name. */
const HASHED = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/;

/**
 * Whether a request path can name a file at all: decoded once, it may not climb (`.`, `..`), hold an
 * empty segment (`//etc/passwd`), a backslash, a NUL or other control character, or a `%` left
 * over from double encoding. Answered 400 before any route or file system lookup.
 */
export function pathProblem(url: string): string | null {
  const raw = url.split('?')[0]!;
  if (!raw.startsWith('/')) return 'the path must start with /';
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return 'the path is not valid percent-encoding';
  }
  if (/[\\%\u0000-\u001f\u007f]/.test(path)) return 'the path holds a backslash, a control character or an encoded %';
  const segments = path.slice(1).split('/');
  if (segments.some((s, i) => s === '.' || s === '..' || (s === '' && i < segments.length - 1))) return 'the path climbs or has an empty segment';
  return null;
}

/** The studio's files: served only behind the operator password (read.ts), never by the static side. */
export const isStudioPath = (pathname: string) => /^\/?studio(\.html$|\/|$)/.test(pathname);

export function setFileHeaders(dist: string): (res: { setHeader(name: string, value: string): unknown }, path: string) => void {
  return (res, path) => {
    res.setHeader('content-type', MIME[extname(path).toLowerCase()] ?? 'application/octet-stream');
    const rel = relative(dist, path).split(sep).join('/');
    // Hashed files are cached for a year; everything else is checked again (ETag, Last-Modified) each time.
    res.setHeader('cache-control', HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
}

/** Serves the built player and its scenes/ from `dist`, with byte ranges, validators and the caching above. */
export async function registerStatic(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: true,
    index: ['index.html'],
    dotfiles: 'ignore',
    contentType: false,
    cacheControl: false,
    acceptRanges: true,
    setHeaders: setFileHeaders(dist),
    // The studio's routes set `operator` once the password was checked; nothing else reaches its files.
    allowedPath: (pathname, _root, request) => !isStudioPath(pathname) || request.operator,
  });
}

/** The studio's entry: `studio.html`, or `studio/index.html`, in the build, if it has one. */
export function studioEntry(dist: string | null): string | null {
  if (dist === null) return null;
  for (const candidate of ['studio.html', join('studio', 'index.html')]) if (existsSync(join(dist, candidate))) return candidate;
  return null;
}
