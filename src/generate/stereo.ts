/**
 * Test assets of the `stereo` fixture package: stereo panoramas (top-bottom and side-by-side), a
 * 180° picture and a short top-bottom stereo video. Each eye is one flat colour, so a test can tell
 * which half of the image reached which eye from a single pixel; thin grid lines (away from yaw 0
 * and the horizon) and a white disc per eye, to the left for the left eye and to the right for the
 * right eye, show the mapping in screenshots. Run: npx tsx src/generate/stereo.ts (needs ffmpeg for
 * the video). Outputs are committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

export type RGB = readonly [number, number, number];

/** What each eye is painted with; the browser tests look for these colours. */
export const STEREO_COLORS = {
  left: [200, 60, 40] as RGB,
  right: [40, 100, 200] as RGB,
  /** The 180° picture's colour. */
  front: [60, 160, 80] as RGB,
} as const;

const OUT = resolve(import.meta.dirname, '../../test/fixtures/packages/stereo/assets');
const GRID: RGB = [20, 20, 20];
const MARK: RGB = [250, 250, 250];

/**
 * Paints one eye's equirectangular picture, `span` degrees wide, into `data` (RGB rows top-down)
 * at column `x0`, row `y0` of an image `stride` pixels wide.
 */
export function paintEye(data: Uint8Array, stride: number, x0: number, y0: number, width: number, height: number, span: 360 | 180, fill: RGB, markYaw: number): void {
  const pxDeg = span / width;
  for (let y = 0; y < height; y++) {
    const pitch = 90 - ((y + 0.5) / height) * 180;
    for (let x = 0; x < width; x++) {
      const yaw = ((x + 0.5) / width - 0.5) * span;
      let c = fill;
      const nearYawLine = Math.abs(((yaw - 15 + 3600) % 30) - 15) > 15 - pxDeg; // lines at yaw 15 + 30k
      const nearPitchLine = pitch !== 0 && Math.abs(pitch) > 5 && Math.abs(((pitch + 900) % 30) - 15) > 15 - pxDeg; // ±30, ±60
      if (nearYawLine || nearPitchLine) c = GRID;
      if (Math.hypot(yaw - markYaw, pitch - 20) < 8) c = MARK;
      const i = ((y0 + y) * stride + x0 + x) * 3;
      data[i] = c[0];
      data[i + 1] = c[1];
      data[i + 2] = c[2];
    }
  }
}

async function writePng(name: string, width: number, height: number, paint: (data: Uint8Array) => void): Promise<string> {
  const data = new Uint8Array(width * height * 3);
  paint(data);
  const path = join(OUT, name);
  await sharp(data, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 9 }).toFile(path);
  return path;
}

export async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { left, right, front } = STEREO_COLORS;
  // 360° per eye is 2:1: 512×256 per eye.
  const tb = await writePng('top-bottom.png', 512, 512, (d) => {
    paintEye(d, 512, 0, 0, 512, 256, 360, left, -30);
    paintEye(d, 512, 0, 256, 512, 256, 360, right, 30);
  });
  await writePng('side-by-side.png', 1024, 256, (d) => {
    paintEye(d, 1024, 0, 0, 512, 256, 360, left, -30);
    paintEye(d, 1024, 512, 0, 512, 256, 360, right, 30);
  });
  // 180° is 1:1 per eye.
  await writePng('vr180.png', 512, 512, (d) => paintEye(d, 512, 0, 0, 512, 512, 180, front, -30));
  // One second of the top-bottom picture as VP9 (every Chromium decodes it), for stereo video and media layers.
  execFileSync('ffmpeg', [
    '-y', '-loglevel', 'error',
    '-loop', '1', '-framerate', '12', '-i', tb,
    '-t', '1',
    '-c:v', 'libvpx-vp9', '-b:v', '200k', '-pix_fmt', 'yuv420p', '-an',
    '-flags', '+bitexact', '-fflags', '+bitexact',
    join(OUT, 'top-bottom.webm'),
  ]);
  console.log(`wrote the stereo test assets to ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
