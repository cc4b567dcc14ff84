/**
 * Section 5, size: the scripts the page loads as it starts (the entry script index.html runs and
 * every script it preloads: the player's code the entry imports at once), and every other script of
 * the build (lazy chunks, workers, decoders' glue), raw, gzip and brotli at their highest levels.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '../../dist');

export interface ScriptSize {
  readonly file: string;
  readonly kb: number;
  readonly gzipKb: number;
  readonly brotliKb: number;
}

export interface SizeResult {
  /** The entry script alone. */
  readonly entry: ScriptSize;
  /** The entry and every script index.html preloads: what a viewer downloads before the first frame. */
  readonly start: readonly ScriptSize[];
  readonly lazy: readonly ScriptSize[];
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function measure(file: string): ScriptSize {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    kb: kb(bytes.length),
    gzipKb: kb(gzipSync(bytes, { level: 9 }).length),
    brotliKb: kb(brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length),
  };
}

export function benchSize(): SizeResult {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('bench: dist/index.html loads no module script');
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
  const atStart = new Set([entry, ...preloaded]);
  const bySize = (a: ScriptSize, b: ScriptSize) => b.gzipKb - a.gzipKb;
  const lazy = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && !atStart.has(`assets/${f}`))
    .map((f) => measure(`assets/${f}`))
    .sort(bySize);
  return { entry: measure(entry), start: [...atStart].map(measure).sort(bySize), lazy };
}
