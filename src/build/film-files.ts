import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FilmFiles } from '../kiosk/index.ts';
import { FILM_FILES, FILM_FILES_FORMAT } from '../offline-shared/index.ts';

/**
 * A package folder's files.json: every file in it (files.json itself and dot-files aside), sorted,
 * with its sha256 and size, for the kiosk's film cache (src/kiosk/offline/film-cache.ts).
 */
export function filmFiles(dir: string, film: string): FilmFiles {
  const files: FilmFiles['files'] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !(folder === dir && entry.name === FILM_FILES)) {
        const bytes = readFileSync(path);
        files.push({ path: relative(dir, path).split(sep).join('/'), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
      }
    }
  };
  walk(dir);
  return { format: FILM_FILES_FORMAT, film, files };
}

/** Writes `<out>/<film>/files.json` for every package (a folder with a story.json) under `scenes`. */
export function writeFilmFiles(scenes: string, out: string): string[] {
  const films = readdirSync(scenes, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(scenes, e.name, 'story.json')));
  for (const { name } of films) {
    mkdirSync(join(out, name), { recursive: true });
    writeFileSync(join(out, name, FILM_FILES), `${JSON.stringify(filmFiles(join(scenes, name), name))}\n`);
  }
  writeFileSync(join(out, FILM_INDEX), `${JSON.stringify(filmIndex(scenes, films.map((f) => f.name)))}\n`);
  return films.map((f) => f.name);
}

/** The list of films a deployed player holds (`scenes/films.json`), for the kiosk operator's film choice. */
export const FILM_INDEX = 'films.json';

export interface FilmIndexEntry {
  readonly id: string;
  readonly title: unknown;
  readonly languages: readonly string[];
  readonly editions: readonly string[];
}

function filmIndex(scenes: string, films: readonly string[]): FilmIndexEntry[] {
  return films.map((id) => {
    const story = JSON.parse(readFileSync(join(scenes, id, 'story.json'), 'utf8').replace(/^\uFEFF/, '')) as { title?: unknown; languages?: unknown; editions?: unknown };
    return {
      id,
      title: story.title ?? id,
      languages: Array.isArray(story.languages) ? story.languages.filter((l): l is string => typeof l === 'string') : [],
      editions: story.editions && typeof story.editions === 'object' ? Object.keys(story.editions) : [],
    };
  });
}
