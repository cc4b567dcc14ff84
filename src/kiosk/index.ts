export { type KioskIncident, RecordStore, type ViewingSummary } from './record-store';
export { INGEST_PATH, type StationAddress, UploadQueue, type UploadQueueOptions, type UploadStatus } from './upload-queue';
export { type PresenceOptions, type PresenceState, PresenceWatch } from './presence';
export {
  FILM_FILES,
  FILM_FILES_FORMAT,
  type FilmCache,
  type FilmCacheOptions,
  type FilmCacheProgress,
  type FilmFile,
  type FilmFiles,
  KIOSK_MANIFEST,
  type LoadKioskFileOptions,
  type LoadedKioskFile,
  type PlayerServiceWorkerOptions,
  type ServiceWorkerState,
  type StorageStatus,
  createFilmCache,
  filmCacheName,
  filmFilesSchema,
  kioskFileName,
  linkKioskManifest,
  loadKioskFile,
  readStorageStatus,
  registerPlayerServiceWorker,
  requestPersistentStorage,
} from './offline';
export { Kiosk, type KioskProps } from './Kiosk';
