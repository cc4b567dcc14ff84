/**
 * The film's splat-world generators, by the name a scene's `script.world.generator` gives, and the
 * writer of their .spz files.
 */
import { gzipSync } from 'node:zlib';
import { type Splat, writeSpzPayload } from '../../splat-formats';
import { shardCloud } from './shard-cloud';

export { shardCloud } from './shard-cloud';

export const WORLDS: Record<string, (seed: number) => Splat[]> = {
  'shard-cloud': shardCloud,
};

/**
 * A world as an .spz file: the SPZ v2 payload gzipped. Node's gzip writes mtime 0 and no file name
 * in its header, and with a fixed level the same splats give the same bytes every run.
 */
export function writeWorldSpz(splats: readonly Splat[]): Uint8Array {
  const gz = gzipSync(writeSpzPayload(splats), { level: 9 });
  return new Uint8Array(gz.buffer, gz.byteOffset, gz.byteLength);
}
