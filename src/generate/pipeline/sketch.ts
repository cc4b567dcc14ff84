/**
 * Stand-in panoramas from the scripts, to block out a film before its real pictures exist
 * (`npm run sketch -- scenes/<film> [--width 1024]`, src/generate/sketch-film.ts).
 *
 * For every scene whose script names a `setting` and whose media is a panorama, the catalogue's
 * painters paint the setting, the script's elements (at their hotspots) and the pipeline's grade of
 * its lighting and emotion, and the picture is written where the media's `src` says, as WebP, JPEG
 * or PNG by its extension. Unlike `generateFilm`, story.json is left exactly as written and
 * nothing else is made (no narration, ambience or provenance). Same script, same bytes.
 */
import { mkdirSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { briefOf } from './brief-of';
import type { Catalogue } from './catalogue';
import { paintScene } from './panorama-assets';
import { readStoryFile } from './story-file';

/** Wide enough to place hotspots by, small enough to commit (about 50 KB a WebP picture). */
export const SKETCH_WIDTH = 1024;

export interface SketchOptions {
  /** Picture width in pixels (the height is half). @default SKETCH_WIDTH */
  readonly width?: number;
  /** Where progress lines go. @default console.log */
  readonly log?: (line: string) => void;
}

/** Paints every scripted panorama of the package in `dir` with what `catalogue` names; returns the files written, relative to it. */
export async function sketchFilm(dir: string, catalogue: Catalogue, options: SketchOptions = {}): Promise<string[]> {
  const width = options.width ?? SKETCH_WIDTH;
  const log = options.log ?? console.log;
  if (!Number.isInteger(width) || width < 64 || width % 2 !== 0) throw new Error(`sketch: --width must be an even number of pixels, at least 64, not ${width}`);
  const { story } = readStoryFile(resolve(dir));
  const written: string[] = [];
  for (const [id, scene] of Object.entries(story.scenes)) {
    if (!scene.script?.setting || scene.media.type !== 'panorama') continue;
    const pixels = paintScene(briefOf(id, scene), catalogue, width);
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
