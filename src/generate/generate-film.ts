/**
 * The film pipeline from the command line, with every film's catalogue:
 *
 *   npm run generate -- scenes/<film> [--scene <id> ...]
 */
import { CATALOGUE } from './films';
import { generateFilm } from './pipeline';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--scene');
const scenes = args.flatMap((a, i) => (args[i - 1] === '--scene' ? [a] : []));
if (!dir) {
  console.error('usage: npm run generate -- scenes/<film> [--scene <id> ...]');
  process.exitCode = 2;
} else
  generateFilm(dir, CATALOGUE, scenes.length > 0 ? { scenes } : {}).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
