import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The test fixture's 360° video: two seconds of ffmpeg's moving test pattern as an equirectangular
 * 1024×512 VP9 WebM (every browser decodes VP9; H.264 may be missing from Chromium builds).
 * Needs Debian's ffmpeg; the output is committed, so tests never run this.
 */
const out = resolve(import.meta.dirname, '../../test/fixtures/packages/video/assets/orbit.webm');
execFileSync('ffmpeg', [
  '-y', '-loglevel', 'error',
  '-f', 'lavfi', '-i', 'testsrc2=size=1024x512:rate=24',
  '-t', '2',
  '-c:v', 'libvpx-vp9', '-b:v', '400k', '-row-mt', '1', '-pix_fmt', 'yuv420p', '-an',
  '-flags', '+bitexact', '-fflags', '+bitexact',
  out,
]);
console.log(`wrote ${out}`);
