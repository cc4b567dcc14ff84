export { type KioskIncident, RecordStore, type ViewingSummary } from './record-store';
export { INGEST_PATH, type StationAddress, UploadQueue, type UploadQueueOptions, type UploadStatus } from './upload-queue';
export {
  FILM_FILES,
  FILM_FILES_FORMAT,
  type FilmCache,
  type FilmCacheOptions,
  type FilmCacheProgress,
  type FilmFile,
  type FilmFiles,
  KIOSK_MANIFEST,
  createFilmCache,
  filmCacheName,
  filmFilesSchema,
} from './offline';
