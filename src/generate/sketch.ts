/**
 * Stand-in panoramas from the scripts, to block out a film before its real pictures exist.
 *
 *   npm run sketch -- scenes/<film> [--width 1024]
 *
 * For every scene whose script names a `setting` and whose media is a panorama, the film pipeline's
 * painters paint the setting, the script's elements (at their hotspots) and the grade of its
 * lighting and emotion, and the picture is written where the media's `src` says, as WebP, JPEG or
 * PNG by its extension. Unlike `npm run generate`, story.json is left exactly as written and
 * nothing else is made (no narration, ambience or provenance). Same script, same bytes.
 */
import { mkdirSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { briefOf } from './film/brief-of';
import { paintScene } from './film/panorama-assets';
import { readStoryFile } from './film/story-file';

/** Wide enough to place hotspots by, small enough to commit (about 50 KB a WebP picture). */
export const SKETCH_WIDTH = 1024;

export interface SketchOptions {
  /** Picture width in pixels (the height is half). @default SKETCH_WIDTH */
  readonly width?: number;
  /** Where progress lines go. @default console.log */
  readonly log?: (line: string) => void;
}

/** Paints every scripted panorama of the package in `dir`; returns the files written, relative to it. */
export async function sketchFilm(dir: string, options: SketchOptions = {}): Promise<string[]> {
  const width = options.width ?? SKETCH_WIDTH;
  const log = options.log ?? console.log;
  if (!Number.isInteger(width) || width < 64 || width % 2 !== 0) throw new Error(`sketch: --width must be an even number of pixels, at least 64, not ${width}`);
  const { story } = readStoryFile(resolve(dir));
  const written: string[] = [];
  for (const [id, scene] of Object.entries(story.scenes)) {
    if (!scene.script?.setting || scene.media.type !== 'panorama') continue;
    const pixels = paintScene(briefOf(id, scene), width);
    const out = join(resolve(dir), scene.media.src);
    mkdirSync(dirname(out), { recursive: true });
    const image = sharp(Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength), { raw: { width: pixels.width, height: pixels.height, channels: 4 } }).removeAlpha();
    await encode(image, extname(out).toLowerCase(), scene.media.src).toFile(out);
    written.push(scene.media.src);
    log(`${id}: ${scene.script.setting} painted at ${scene.media.src} (${pixels.width}×${pixels.height})`);
  }
  if (written.length === 0) log('sketch: no scene has a script with a "setting" and a panorama to paint');
  return written;
}

function encode(image: sharp.Sharp, extension: string, src: string): sharp.Sharp {
  if (extension === '.webp') return image.webp({ quality: 80, effort: 4 });
  if (extension === '.jpg' || extension === '.jpeg') return image.jpeg({ quality: 84, mozjpeg: true });
  if (extension === '.png') return image.png({ compressionLevel: 9 });
  throw new Error(`sketch: cannot write "${src}"; give the panorama a .webp, .jpg or .png src`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--width');
  const dir = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (!dir) {
    console.error('usage: npm run sketch -- scenes/<film> [--width 1024]');
    process.exitCode = 2;
  } else
    sketchFilm(dir, at >= 0 ? { width: Number(args[at + 1]) } : {}).catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
