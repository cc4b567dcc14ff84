import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Serves the built player (`npm run test:browser` builds it first) on a free local port. Test
 * packages are dropped into the build's scenes/ the way an author adds a film to a deployed player.
 */
export default async function setup(project: TestProject) {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('browser tests: no build in dist/; run `npm run test:browser`, which builds first');
  const packages = join(root, 'test/fixtures/packages');
  for (const name of readdirSync(packages)) cpSync(join(packages, name), join(dist, 'scenes', name), { recursive: true });
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('browser tests: the preview server has no local URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
