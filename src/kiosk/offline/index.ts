export { type FilmCache, type FilmCacheOptions, type FilmCacheProgress, createFilmCache } from './film-cache';
export { type FilmFile, type FilmFiles, filmFilesSchema } from './film-files';
export { FILM_FILES, FILM_FILES_FORMAT, KIOSK_MANIFEST, filmCacheName } from './shared';
