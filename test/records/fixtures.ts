import type { ViewingRecord } from '../../src/records';

/** A finished record of the small film, with the fields a test cares about. */
export function record(id: string, over: Partial<ViewingRecord> = {}): ViewingRecord {
  return {
    format: 'sightline-viewing/1',
    id,
    kiosk: 'foyer-1',
    film: 'hello',
    revision: null,
    edition: 'full',
    language: 'en',
    startedAt: '2026-12-05T10:00:00.000Z',
    endedAt: '2026-12-05T10:01:00.000Z',
    outcome: { kind: 'ending', ending: 'tower' },
    path: [
      { scene: 'hall', enteredMs: 0, leftMs: 20_000, gaze: [] },
      { scene: 'tower', enteredMs: 20_000, leftMs: 60_000, gaze: [] },
    ],
    clues: [{ clue: 'sky-is-real', scene: 'hall', atMs: 5000 }],
    choices: [{ scene: 'hall', choice: 'climb', atMs: 20_000, byDefault: false }],
    variables: {},
    attention: [{ hotspot: 'crack', ms: 3000 }],
    ...over,
  };
}
