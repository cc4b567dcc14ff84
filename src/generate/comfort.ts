/**
 * The comfort test film's panorama: twelve flat-coloured sectors of 30°, sector k centred on
 * yaw k × 30, so the colour at the centre of a view tells which way the viewer faces (to a
 * sector). Lossless WebP keeps the colours exact. Run: `npx tsx src/generate/comfort.ts`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { type Panorama, type RGB, createPanorama, shade, wrapYaw } from './panorama';

export const SECTOR_DEG = 30;

/** The colour of the sector centred on `k × 30°` (k from -6 to 5): hues a twelfth apart. */
export function sectorColour(k: number): RGB {
  const hue = ((((k % 12) + 12) % 12) * 30) / 60;
  const c = 0.75 * 230;
  const x = c * (1 - Math.abs((hue % 2) - 1));
  const m = 25;
  const [r, g, b] = hue < 1 ? [c, x, 0] : hue < 2 ? [x, c, 0] : hue < 3 ? [0, c, x] : hue < 4 ? [0, x, c] : hue < 5 ? [x, 0, c] : [c, 0, x];
  return [Math.round(r + m), Math.round(g + m), Math.round(b + m)];
}

/** The sector a yaw falls in: the nearest multiple of 30°, as k in -6..5. */
export const sectorOf = (yaw: number) => {
  const k = Math.round(wrapYaw(yaw) / SECTOR_DEG);
  return k === 6 ? -6 : k;
};

/** The sector whose colour is nearest to an observed pixel. */
export function nearestSector(rgb: readonly [number, number, number]): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let k = -6; k < 6; k++) {
    const c = sectorColour(k);
    const d = (c[0] - rgb[0]) ** 2 + (c[1] - rgb[1]) ** 2 + (c[2] - rgb[2]) ** 2;
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

export function paintSectors(width = 1024, height = 512): Panorama {
  const pano = createPanorama(width, height);
  shade(pano, (s) => {
    const centre = sectorOf(s.yaw) * SECTOR_DEG;
    // A thin dark seam between sectors and along the horizon, so screenshots read as a dial.
    const seam = Math.abs(Math.abs(wrapYaw(s.yaw - centre)) - SECTOR_DEG / 2) < 0.4 || Math.abs(s.pitch) < 0.3;
    const c = seam ? ([20, 20, 24] as const) : sectorColour(sectorOf(s.yaw));
    return [c[0], c[1], c[2], 1];
  });
  return pano;
}

export async function main(): Promise<void> {
  const out = resolve(import.meta.dirname, '../../test/fixtures/packages/comfort/assets/dial.webp');
  mkdirSync(dirname(out), { recursive: true });
  const pano = paintSectors();
  await sharp(Buffer.from(pano.data.buffer, pano.data.byteOffset, pano.data.byteLength), { raw: { width: pano.width, height: pano.height, channels: 4 } })
    .webp({ lossless: true })
    .toFile(out);
  console.log(`comfort: ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
