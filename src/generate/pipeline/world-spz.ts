/** A generated splat world as the .spz file the player loads. */
import { gzipSync } from 'node:zlib';
import { type Splat, writeSpzPayload } from '../geometry/splat-formats';

/**
 * A world as an .spz file: the SPZ v2 payload gzipped. Node's gzip writes mtime 0 and no file name
 * in its header, and with a fixed level the same splats give the same bytes every run.
 */
export function writeWorldSpz(splats: readonly Splat[]): Uint8Array {
  const gz = gzipSync(writeSpzPayload(splats), { level: 9 });
  return new Uint8Array(gz.buffer, gz.byteOffset, gz.byteLength);
}
