import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, normalize, relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadPackage } from '../cli';
import type { Diagnostic } from '../story';
import { PACKAGE_EVENT, PACKAGE_URL, type PackagePayload } from './package-protocol';

const TYPES: Record<string, string> = {
  '.json': 'application/json', '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.avif': 'image/avif',
  '.ktx2': 'image/ktx2', '.glb': 'model/gltf-binary', '.gltf': 'model/gltf+json', '.mp4': 'video/mp4', '.webm': 'video/webm', '.vtt': 'text/vtt',
  '.ogg': 'audio/ogg', '.opus': 'audio/ogg', '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.wav': 'audio/wav', '.spz': 'application/octet-stream',
};

/**
 * The studio's side of the dev server (`npm run studio -- <package>`): serves the package folder
 * at `scenes/<its name>/` (before the repo's own scenes/, so a copy anywhere on disk plays), hands
 * the page story.json with the validator's diagnostics (file checks included, as the command line
 * runs them), and on every save in the folder sends them again as an HMR event: the map and the
 * preview follow without a reload.
 */
export function studioPackage(folder: string): Plugin {
  const dir = resolve(folder);
  const film = basename(dir);
  let revision = 0;
  const payload = (): PackagePayload => {
    const file = resolve(dir, 'story.json');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const diagnostics =
      text === null
        ? [{ severity: 'error', code: 'film.not-found', file: 'story.json', path: '$', message: 'there is no story.json in the package folder', hint: `Write ${file}.` } satisfies Diagnostic]
        : loadPackage(dir).diagnostics;
    return { film, revision: String(revision), text, diagnostics };
  };
  return {
    name: 'sightline-studio-package',
    apply: 'serve',
    enforce: 'pre',
    configureServer(server: ViteDevServer) {
      server.watcher.add(dir);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const changed = (path: string) => {
        if (!resolve(path).startsWith(dir + sep)) return;
        // An editor's save is often several events (truncate, write, rename): one update for them all.
        clearTimeout(timer);
        timer = setTimeout(() => {
          revision++;
          server.ws.send({ type: 'custom', event: PACKAGE_EVENT, data: payload() });
        }, 60);
      };
      server.watcher.on('add', changed).on('change', changed).on('unlink', changed);
      const prefix = `/scenes/${film}/`;
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
        if (url === PACKAGE_URL) {
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify(payload()));
          return;
        }
        if (!url.startsWith(prefix)) return next();
        const file = normalize(resolve(dir, url.slice(prefix.length)));
        if (!file.startsWith(dir + sep) || relative(dir, file).startsWith('..') || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-store');
        createReadStream(file).pipe(res);
      });
    },
  };
}
