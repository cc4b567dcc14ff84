/** The versions of the outside programs the generator runs, as its provenance records them. */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';

export const GENERATOR_TOOL = 'sightline generate';
/** Bumped whenever a change to the generator changes the bytes it writes. */
export const GENERATOR_VERSION = '1.0.0';

let cached: Record<string, string> | undefined;

export function toolVersions(): Readonly<Record<string, string>> {
  if (cached) return cached;
  const first = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]!.trim();
    } catch {
      return 'not installed';
    }
  };
  cached = {
    espeak: first('espeak-ng', ['--version']).replace(/^eSpeak NG text-to-speech: /, '').split(' ')[0] ?? 'unknown',
    sox: first('sox', ['--version']).replace(/^sox:\s+SoX v/, ''),
    ffmpeg: first('ffmpeg', ['-version']).replace(/^ffmpeg version /, '').split(' ')[0] ?? 'unknown',
    libvips: sharp.versions.vips,
  };
  return cached;
}
