/**
 * Section 5, size: the built entry script (the one index.html loads) and every other script of
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
  readonly entry: ScriptSize;
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
  const lazy = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && `assets/${f}` !== entry)
    .map((f) => measure(`assets/${f}`))
    .sort((a, b) => b.gzipKb - a.gzipKb);
  return { entry: measure(entry), lazy };
}
