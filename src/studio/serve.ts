import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { StationForward } from './station-forward';
import { startStudio } from './studio-server';

/**
 * `npm run studio -- scenes/<film> [--port N] [--station <url> [--station-ca <file>]]`: the Vite
 * dev server with the studio for one package folder. Prints the studio's address; saving anything
 * in the folder updates the page.
 */
const USAGE = 'Usage: npm run studio -- <package-folder> [--port N] [--station <url> [--station-ca <ca.crt>]]   (for example scenes/glass-sky)';

async function main(argv: readonly string[]): Promise<number> {
  const rest = [...argv];
  const option = (name: string): string | undefined => {
    const at = rest.indexOf(name);
    if (at < 0) return undefined;
    const value = rest[at + 1];
    rest.splice(at, 2);
    return value ?? '';
  };
  const portText = option('--port');
  const stationText = option('--station');
  const caFile = option('--station-ca');
  const port = portText === undefined ? 5174 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port takes a port number, not ${JSON.stringify(portText)}`);
  let station: StationForward | undefined;
  if (stationText !== undefined) {
    let url: URL;
    try {
      url = new URL(stationText);
    } catch {
      return fail(`--station takes the station's address as it prints it (https://192.168.1.20:8443/), not ${JSON.stringify(stationText)}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`--station takes an http:// or https:// address, not ${url.protocol}`);
    let ca: string | undefined;
    if (caFile !== undefined) {
      if (!existsSync(caFile)) return fail(`--station-ca: no file ${caFile} (the station keeps its authority in station-data/tls/ca.crt)`);
      ca = readFileSync(caFile, 'utf8');
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) return fail(`--station-ca: ${caFile} is not a PEM certificate (the station's station-data/tls/ca.crt is one)`);
    }
    station = { url, ca };
  } else if (caFile !== undefined) return fail('--station-ca goes with --station <url>');
  if (rest.length !== 1) return fail(rest.length === 0 ? 'name a package folder' : `unexpected ${rest.slice(1).join(' ')}`);
  const folder = resolve(rest[0]!);
  if (!existsSync(resolve(folder, 'story.json'))) return fail(`no story.json in ${rest[0]}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(basename(folder))) return fail(`the folder's name "${basename(folder)}" is not a film id ([a-z0-9-]); the player opens packages by it`);
  const studio = await startStudio({ folder, port, station });
  process.stdout.write(`Sightline studio for ${rest[0]}: ${studio.url}\n`);
  if (station) process.stdout.write(`Audience figures: leave the studio's station field empty; it reads ${station.url.origin} through this server (with the station's password).\n`);
  const stop = async () => {
    await studio.close();
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
