/**
 * Test assets of the `video-sources` fixture package: the same tiny equirectangular video in each
 * encoding a film may list in a video's `sources` (AV1 WebM, VP9 WebM, H.264 MP4), plus decoys
 * the player must skip (an HEVC MP4, a VP9 declared too wide for any device) and a 180° mono VP9.
 * Each file is one flat colour of its own, so a test tells from the pixel ahead which file the
 * player shows; a small white square drifts across the picture above the horizon (pitch 20°, left
 * of yaw 0), so screenshots show playback advancing without touching the pixel ahead.
 * Run: npx tsx src/generate/video-sources.ts (needs Debian's ffmpeg with libaom-av1, libvpx-vp9,
 * libx264 and libx265). Encoders run single-threaded with bit-exact flags, so a rerun writes the
 * same bytes. Outputs are committed; tests never run this.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type RGB = readonly [number, number, number];

/** Every file's colour, by file name; the browser tests look for these. */
export const VIDEO_COLORS = {
  'av1.webm': [220, 130, 40],
  'vp9.webm': [40, 150, 160],
  'h264.mp4': [150, 70, 190],
  /** Decoys: red, so showing either fails a test at once. */
  'hevc.mp4': [210, 40, 50],
  'vp9-wide.webm': [210, 40, 50],
  'vr180.webm': [70, 170, 70],
} as const satisfies Record<string, RGB>;
export type VideoFile = keyof typeof VIDEO_COLORS;

const OUT = resolve(import.meta.dirname, '../../test/fixtures/packages/video-sources/assets');
const SECONDS = 2;
const RATE = 12;

const hex = (c: RGB) => '0x' + c.map((v) => v.toString(16).padStart(2, '0')).join('');

/** Per encoder: flags for one thread and a small, fixed-quality stream. */
const CODECS = {
  av1: ['-c:v', 'libaom-av1', '-crf', '30', '-b:v', '0', '-cpu-used', '8', '-row-mt', '0', '-threads', '1'],
  vp9: ['-c:v', 'libvpx-vp9', '-crf', '30', '-b:v', '0', '-row-mt', '0', '-threads', '1'],
  // Constrained baseline, level 3.0: the "avc1.42E01E" every H.264 decoder takes.
  h264: ['-c:v', 'libx264', '-profile:v', 'baseline', '-level', '3.0', '-crf', '23', '-threads', '1', '-movflags', '+faststart'],
  hevc: ['-c:v', 'libx265', '-tag:v', 'hvc1', '-crf', '28', '-x265-params', 'pools=none:frame-threads=1:log-level=error', '-movflags', '+faststart'],
} as const;

/**
 * Encodes `SECONDS` of a flat `colour` equirectangular picture, `width`×`height`, with the drifting
 * marker: it moves 40 pixels of a 512-wide 360° picture (28°) over the clip, from yaw −39° on.
 */
function encode(file: VideoFile, codec: keyof typeof CODECS, width: number, height: number): void {
  const row = Math.round((70 / 180) * height) - 8; // pitch 20°
  const x0 = Math.round(width * (200 / 512));
  const speed = (40 * width) / 512 / SECONDS;
  execFileSync('ffmpeg', [
    '-y', '-loglevel', 'error',
    '-f', 'lavfi', '-i', `color=c=${hex(VIDEO_COLORS[file])}:s=${width}x${height}:r=${RATE}:d=${SECONDS},format=rgb24`,
    '-f', 'lavfi', '-i', `color=c=white:s=16x16:r=${RATE}:d=${SECONDS},format=rgb24`,
    // The marker moves with time (overlay evaluates x per frame; drawbox has no time variable), then
    // BT.709 limited range, said in the stream, so the browser converts back the way we converted.
    '-filter_complex', `[0][1]overlay=x='${x0}+${speed}*t':y=${row}:eval=frame,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p`,
    '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv',
    ...CODECS[codec], '-an',
    '-flags', '+bitexact', '-fflags', '+bitexact', '-map_metadata', '-1',
    join(OUT, file),
  ]);
}

export function main(): void {
  mkdirSync(OUT, { recursive: true });
  encode('av1.webm', 'av1', 512, 256);
  encode('vp9.webm', 'vp9', 512, 256);
  encode('h264.mp4', 'h264', 512, 256);
  encode('hevc.mp4', 'hevc', 512, 256);
  encode('vp9-wide.webm', 'vp9', 512, 256);
  // 180° mono is 1:1.
  encode('vr180.webm', 'vp9', 256, 256);
  console.log(`wrote the video-sources test assets to ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
