export { type FilmCache, type FilmCacheOptions, type FilmCacheProgress, createFilmCache } from './film-cache';
export { type FilmFile, type FilmFiles, filmFilesSchema } from './film-files';
export { type LoadKioskFileOptions, type LoadedKioskFile, kioskFileName, loadKioskFile } from './kiosk-file';
export { type StorageStatus, readStorageStatus, requestPersistentStorage } from './persistent-storage';
export { type PlayerServiceWorkerOptions, type ServiceWorkerState, registerPlayerServiceWorker } from './service-worker';
export { FILM_FILES, FILM_FILES_FORMAT, KIOSK_MANIFEST, filmCacheName } from '../../offline-shared';
export { linkKioskManifest } from './web-manifest';
