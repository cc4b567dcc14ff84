/**
 * The sketch from the command line, with every film's catalogue: stand-in panoramas painted from
 * the scripts, story.json untouched (src/generate/pipeline/sketch.ts).
 *
 *   npm run sketch -- scenes/<film> [--width 1024]
 */
import { CATALOGUE } from './films';
import { sketchFilm } from './pipeline';

const args = process.argv.slice(2);
const at = args.indexOf('--width');
const dir = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
if (!dir) {
  console.error('usage: npm run sketch -- scenes/<film> [--width 1024]');
  process.exitCode = 2;
} else
  sketchFilm(dir, CATALOGUE, at >= 0 ? { width: Number(args[at + 1]) } : {}).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
