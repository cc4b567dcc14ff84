export { type KioskIncident, RecordStore, type ViewingSummary } from './record-store';
export { INGEST_PATH, type StationAddress, UploadQueue, type UploadQueueOptions, type UploadStatus } from './upload-queue';
export { type PresenceOptions, type PresenceState, PresenceWatch } from './presence';
