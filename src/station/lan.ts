import { hostname, networkInterfaces } from 'node:os';
import { renderUnicodeCompact } from 'uqr';
import type { ServerNames } from './tls';

/** The machine's addresses other devices can reach: IPv4 and routable IPv6 on interfaces that are up, loopback excluded. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) {
      if (a.internal) continue;
      if (a.family === 'IPv4' || (a.family === 'IPv6' && !a.address.toLowerCase().startsWith('fe80'))) found.push(a.address);
    }
  // IPv4 first: it is what people type and what a QR code should carry.
  return found.sort((a, b) => Number(b.includes('.')) - Number(a.includes('.')));
}

/** What the station's certificate names: the LAN addresses, loopback, the host name and its .local (mDNS) name. */
export function serverNames(): ServerNames {
  const host = hostname().toLowerCase();
  const hosts = [...new Set([host, host.endsWith('.local') ? host : `${host}.local`, 'localhost'])].filter((h) => /^[a-z0-9.-]+$/.test(h));
  return { ips: [...lanAddresses(), '127.0.0.1', '::1'], hosts };
}

/** A URL for an address and port ([…] around IPv6). */
export function addressUrl(protocol: 'http' | 'https', address: string, port: number): string {
  return `${protocol}://${address.includes(':') ? `[${address}]` : address}:${port}/`;
}

/** A QR code of `text` for the terminal (two rows of modules per line, with its quiet zone). */
export function terminalQr(text: string): string {
  return renderUnicodeCompact(text, { border: 2 });
}
