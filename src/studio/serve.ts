import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createServer } from 'vite';
import { studioPackage } from './dev-server';

/**
 * `npm run studio -- scenes/<film> [--port N]`: the Vite dev server with the studio for one
 * package folder. Prints the studio's address; saving anything in the folder updates the page.
 */
const USAGE = 'Usage: npm run studio -- <package-folder> [--port N]   (for example scenes/glass-sky)';

async function main(argv: readonly string[]): Promise<number> {
  const rest = [...argv];
  let port = 5174;
  const at = rest.indexOf('--port');
  if (at >= 0) {
    port = Number(rest[at + 1]);
    rest.splice(at, 2);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port takes a port number, not ${JSON.stringify(argv[at + 1])}`);
  }
  if (rest.length !== 1) return fail(rest.length === 0 ? 'name a package folder' : `unexpected ${rest.slice(1).join(' ')}`);
  const folder = resolve(rest[0]!);
  if (!existsSync(resolve(folder, 'story.json'))) return fail(`no story.json in ${rest[0]}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(basename(folder))) return fail(`the folder's name "${basename(folder)}" is not a film id ([a-z0-9-]); the player opens packages by it`);
  const root = resolve(import.meta.dirname, '../..');
  const server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    plugins: [studioPackage(folder)],
    server: { host: '127.0.0.1', port, strictPort: true, open: false },
    logLevel: 'warn',
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  process.stdout.write(`Sightline studio for ${rest[0]}: ${base}studio.html\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  return 0;
}

function fail(problem: string): number {
  process.stderr.write(`studio: ${problem}\n${USAGE}\n`);
  return 2;
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
