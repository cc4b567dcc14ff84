export {
  GAZE_SAMPLES_PER_SECOND,
  type GazeSample,
  type PathEntry,
  RECORD_LIMITS,
  VIEWING_FORMAT,
  type ViewingOutcome,
  type ViewingRecord,
  isFinished,
  viewingJsonSchema,
  viewingRecordSchema,
} from './schema';
export { type ViewingStart, ViewingLog, closeInterrupted, lastMs, viewingMs } from './viewing-log';
export { type AudienceFilter, type AudienceSummary, type ChoiceFigures, type ClueFigures, type SceneFigures, gazeSamples, matches, summarize, unique } from './aggregate';
export { GAZE_COLS, GAZE_ROWS, type GazeGrid, gazeBin, gazeDensity, gazeGrid } from './heatmap';
export { type ParsedRecords, choicesCsv, cluesCsv, parseNdjson, parseRecord, toNdjson, viewingsCsv } from './export';
export { KIOSK_FORMAT, type KioskFile, kioskFileSchema, kioskJsonSchema } from './kiosk-file';
