import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { GazeSample, ViewingRecord } from '../../src/records';

/** A seeded random number generator (mulberry32): the same viewings on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCENES = ['street', 'alley', 'square', 'cistern', 'archive', 'edge', 'dawn', 'dusk'];
const ENDINGS = ['dawn', 'dusk'];
const CLUES = ['glass-sings', 'warden-sleeps', 'map-torn', 'sky-is-real'];
/** Directions that sit on bin edges and seams, where a different rounding would show. */
const EDGE_GAZE: Array<[number, number]> = [
  [179.99, 0], [-180, 0], [0, 90], [0, -90], [-0, 0], [179.9, 89.9], [-179.9, -89.9], [5, 5], [-5, -5], [0.1, 0.1], [45, 2.5], [-37.5, 12.5],
];

export interface SyntheticOptions {
  readonly seed?: number;
  readonly films?: readonly string[];
  readonly kiosks?: ReadonlyArray<string | null>;
  /** Gaze samples per visit at most. @default 12 */
  readonly gaze?: number;
  readonly idPrefix?: string;
}

/** Viewings of every shape the figures care about: each outcome, revisits, open visits, unfinished viewings, clues found twice, defaults. */
export function syntheticRecords(count: number, options: SyntheticOptions = {}): ViewingRecord[] {
  const rand = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const films = options.films ?? ['glass-sky', 'hello'];
  const kiosks = options.kiosks ?? ['foyer-1', 'foyer-2', null];
  const records: ViewingRecord[] = [];
  for (let i = 0; i < count; i++) {
    const started = Date.UTC(2026, 11, 1 + Math.floor(rand() * 6), Math.floor(rand() * 24), Math.floor(rand() * 60), Math.floor(rand() * 60), Math.floor(rand() * 1000));
    const path: Array<{ scene: string; enteredMs: number; leftMs: number | null; gaze: GazeSample[] }> = [];
    let at = 0;
    const visits = 1 + Math.floor(rand() * 6);
    for (let v = 0; v < visits; v++) {
      const scene = v === 0 ? 'street' : pick(SCENES);
      const length = 1000 + Math.floor(rand() * 60_000);
      const gaze: GazeSample[] = [];
      const samples = Math.floor(rand() * ((options.gaze ?? 12) + 1));
      for (let s = 0; s < samples; s++) {
        const edge = rand() < 0.25 ? pick(EDGE_GAZE) : null;
        // Rounded, 179.96 would become 180: exactly behind is -180 in a record.
        const yaw = edge ? edge[0] : ((Math.round((rand() * 360 - 180) * 10) / 10 + 540) % 360) - 180;
        const pitch = edge ? edge[1] : Math.round((rand() * 180 - 90) * 10) / 10;
        gaze.push([at + Math.floor((s * length) / Math.max(1, samples)), yaw, pitch]);
      }
      path.push({ scene, enteredMs: at, leftMs: at + length, gaze });
      at += length;
    }
    const kind = pick(['ending', 'ending', 'ending', 'left', 'reset', 'interrupted', 'error', 'playing'] as const);
    const finished = kind !== 'playing' && rand() < 0.95;
    if (!finished || rand() < 0.1) path.at(-1)!.leftMs = null;
    if (kind === 'ending') path.push({ scene: pick(ENDINGS), enteredMs: at, leftMs: finished ? at + 5000 : null, gaze: [] });
    const lastScene = path.at(-1)!.scene;
    const outcome: ViewingRecord['outcome'] =
      kind === 'ending' ? { kind, ending: lastScene } : kind === 'error' ? { kind, message: '<img src=x onerror=alert(1)> "quoted", and a comma' } : { kind };
    const clues = path.flatMap((e, n) => (rand() < 0.5 ? [{ clue: pick(CLUES), scene: e.scene, atMs: e.enteredMs + n }] : []));
    const choices = path.slice(0, -1).map((e) => ({ scene: e.scene, choice: pick(['climb', 'descend', 'wait']), atMs: e.leftMs ?? e.enteredMs, byDefault: rand() < 0.3 }));
    records.push({
      format: 'sightline-viewing/1',
      id: `${options.idPrefix ?? 'v'}-${String(i).padStart(6, '0')}-${Math.floor(rand() * 1e9).toString(36)}`,
      kiosk: pick(kiosks),
      film: pick(films),
      revision: rand() < 0.5 ? null : 'abcdef12',
      edition: pick(['full', 'condensed', null]),
      language: pick(['en', 'zh-CN']),
      startedAt: new Date(started).toISOString(),
      endedAt: finished ? new Date(started + at + (kind === 'ending' ? 5000 : 0) + Math.floor(rand() * 100)).toISOString() : null,
      outcome: finished || kind === 'ending' ? outcome : { kind: 'playing' },
      path,
      clues,
      choices,
      variables: rand() < 0.5 ? {} : { reason: Math.round(rand() * 10), note: '<b>bold</b>' },
      attention: [{ hotspot: 'fountain', ms: Math.floor(rand() * 9000) }],
    });
  }
  return records;
}

/** A fresh PGlite data folder for a station (a copy of the one global-setup made). */
export function pgliteDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-station-data-'));
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  return dir;
}
