import { type AudienceFilter, type AudienceSummary, GAZE_COLS, GAZE_ROWS, type GazeGrid, type ViewingRecord, gazeGrid, gazeSamples, summarize, unique } from '../../records';
import type { StationSource } from './station-source';

/** What an audience did, as the map draws it: the figures, and per scene where viewers looked. */
export interface Audience {
  readonly summary: AudienceSummary;
  /** The gaze grid of a scene (an empty grid for a scene nobody looked around in). */
  readonly gaze: (scene: string) => GazeGrid;
}

export const emptyGrid = (cols = GAZE_COLS, rows = GAZE_ROWS): GazeGrid => ({ cols, rows, counts: new Array<number>(cols * rows).fill(0), total: 0 });

/** The audience of records in hand (files), through the records module's own functions; grids are made when first asked for. */
export function audienceOfRecords(records: Iterable<ViewingRecord>, filter: AudienceFilter): Audience {
  const kept = [...unique(records)];
  const grids = new Map<string, GazeGrid>();
  return {
    summary: summarize(kept, filter),
    gaze: (scene) => grids.get(scene) ?? grids.set(scene, gazeGrid(gazeSamples(kept, scene, filter))).get(scene)!,
  };
}

/**
 * The audience of a station: its summary, then the gaze grid of every scene someone entered, a few
 * requests at a time, so the map's `gaze(scene)` answers at once.
 */
export async function audienceOfStation(station: StationSource, filter: AudienceFilter, concurrency = 4): Promise<Audience> {
  const summary = await station.summary(filter);
  const scenes = Object.entries(summary.scenes)
    .filter(([, figures]) => figures.viewers > 0)
    .map(([scene]) => scene);
  const grids = new Map<string, GazeGrid>();
  let next = 0;
  const worker = async () => {
    while (next < scenes.length) {
      const scene = scenes[next++]!;
      grids.set(scene, await station.gaze(scene, filter));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, scenes.length) }, worker));
  const empty = emptyGrid();
  return { summary, gaze: (scene) => grids.get(scene) ?? empty };
}

/** Nobody yet: what the map is given when the records are taken away. */
export const NO_AUDIENCE: Audience = { summary: summarize([]), gaze: () => emptyGrid() };
