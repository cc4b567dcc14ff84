// The studio's audience layer: viewing records from files or a station, their figures and gaze heatmaps.
export { AudiencePanel, type AudiencePanelProps } from './AudiencePanel';
export { GazeHeatmap, type GazeHeatmapProps } from './GazeHeatmap';
export { type Audience, NO_AUDIENCE, audienceOfRecords, audienceOfStation, emptyGrid } from './audience';
export { type FilterChoices, type FilterSelection, NO_SELECTION, filterChoices, filterOf, filterQuery } from './filter';
export { type RecordProblem, type RecordsFile, loadRecordsFile } from './records-file';
export { type StationSource, type StationSourceOptions, StationError, createStationSource } from './station-source';
export { type HeatmapImage, HEAT_STOPS, heatColour, heatLegendGradient, heatmapPixels } from './heatmap-pixels';
export { type HeatmapImageOptions, heatmapImage } from './heatmap-image';
export { type AudienceTotals, audienceTotals, minutesSeconds } from './totals';
export { PREVIEW_HEATMAP_MESSAGE, PREVIEW_READY_MESSAGE, isPreviewReady, postPreviewHeatmap } from './preview-heatmap';
