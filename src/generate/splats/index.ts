/**
 * Writes the splat test world (see world.ts) in every format the player reads that we can write
 * here: .ply, .splat, .spz and .ksplat, into the `splats` test package.
 * Run: npx tsx src/generate/splats/index.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeKsplat, writePly, writeSplat, writeSpzPayload } from '../splat-formats';
import { splatWorld } from './world';

const OUT = resolve(import.meta.dirname, '../../../test/fixtures/packages/splats/assets');

export function main(out = OUT): void {
  mkdirSync(out, { recursive: true });
  const world = splatWorld();
  const files: Array<[string, Uint8Array]> = [
    ['pillar.ply', writePly(world)],
    ['pillar.splat', writeSplat(world)],
    // mtime 0 in the gzip header (Node writes none), so the bytes are the same every run.
    ['pillar.spz', gzipSync(writeSpzPayload(world), { level: 9 })],
    ['pillar.ksplat', writeKsplat(world)],
  ];
  for (const [name, bytes] of files) {
    writeFileSync(join(out, name), bytes);
    console.log(`${name}: ${world.length} splats, ${bytes.length} bytes`);
  }
}

main();
