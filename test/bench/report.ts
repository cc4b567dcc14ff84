/**
 * The bench's results as flat figures (the keys budgets.ts names, also saved in the JSON), and
 * the printed table: each figure beside its baseline from the same run and its budget.
 */
import { BUDGETS } from './budgets';
import type { FramesResult } from './frames';
import type { MemoryResult } from './memory';
import type { ScriptSize, SizeResult } from './size';
import type { StartupResult, Waterfall } from './startup';
import type { StoryResult } from './story';
import type { SwitchResult } from './switch';

export interface Row {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** The baseline's figure in the same run, and whose. */
  readonly baseline?: string;
}

export interface Results {
  startup?: StartupResult;
  frames?: FramesResult;
  switch?: SwitchResult;
  memory?: MemoryResult;
  size?: SizeResult;
  story?: StoryResult;
}

export function figuresOf(results: Results): Record<string, number> {
  return Object.fromEntries(rowsOf(results).map((r) => [r.figure, r.value]));
}

export function rowsOf(results: Results): Row[] {
  const rows: Row[] = [];
  const add = (figure: string, value: number, unit: string, baseline?: string) => rows.push({ figure, value: round(value), unit, ...(baseline !== undefined && { baseline }) });
  const { startup, frames, switch: sw, memory, size, story } = results;
  if (startup) {
    const f = startup.firstFrame;
    add('startup.pannellum.first-frame-ms', f.pannellum, 'ms');
    add('startup.three.first-frame-ms', f.three, 'ms');
    add('startup.one-scene.first-frame-ms', f['one-scene'], 'ms', `Pannellum ${ms(f.pannellum)}, three.js ${ms(f.three)}`);
    add('startup.one-scene.ratio-to-pannellum', f['one-scene'] / f.pannellum, '×', `three.js ${(f.three / f.pannellum).toFixed(2)}×`);
    add('startup.film.first-frame-ms', f.film, 'ms', `Pannellum ${ms(f.pannellum)}`);
    add('startup.film.ratio-to-one-scene-pannellum', f.film / f.pannellum, '×');
    // The player's own gap, less noisy than whole startups: from story.json in hand to asking for the panorama.
    const gap = (w: Waterfall) => w.panoramaRequested - w.storyLoaded;
    add('startup.one-scene.story-to-panorama-request-ms', gap(startup.waterfall['one-scene']), 'ms', 'median of the runs');
    add('startup.film.story-to-panorama-request-ms', gap(startup.waterfall.film), 'ms', 'median of the runs');
    add('size.film.kb-before-first-frame', startup.waterfall.film.bytesBeforeFirstFrame / 1024, 'KB', `Pannellum ${Math.round(startup.waterfall.pannellum.bytesBeforeFirstFrame / 1024)} KB (uncompressed as served)`);
  }
  if (frames) {
    const t = frames.three;
    const base = (key: 'median' | 'p99' | 'max') => `three.js ${t[key].toFixed(1)}, Pannellum ${frames.pannellum[key].toFixed(1)}`;
    for (const [count, s] of Object.entries(frames.hotspots)) {
      add(`frames.hotspots-${count}.median-ms`, s.median, 'ms', base('median'));
      add(`frames.hotspots-${count}.p99-ms`, s.p99, 'ms', base('p99'));
      add(`frames.hotspots-${count}.max-ms`, s.max, 'ms', base('max'));
      add(`frames.hotspots-${count}.frames-over-2x-median`, s.over2x, `of ${s.frames}`, `three.js ${t.over2x} of ${t.frames}`);
    }
    const h50 = frames.hotspots['50'];
    if (h50) {
      add('frames.hotspots-50.median-ratio-to-three', h50.median / t.median, '×');
      add('frames.hotspots-50.p99-ratio-to-three', h50.p99 / t.p99, '×');
    }
    const scenes = Object.values(frames.film);
    add('frames.film.median-ms', median(scenes.map((s) => s.median)), 'ms', 'median of the scenes’ medians');
    add('frames.film.max-ms', Math.max(...scenes.map((s) => s.max)), 'ms', worst(frames.film));
    add('frames.film.longest-gap-ms', Math.max(...scenes.map((s) => s.longestGapMs)), 'ms', 'between two frames, wherever the time went (callbacks, uploads between frames)');
    add('frames.film.frames-over-2x-median', scenes.reduce((n, s) => n + s.over2x, 0), `of ${scenes.reduce((n, s) => n + s.frames, 0)}`, `${scenes.length} scenes`);
    add('frames.film.programs-linked-while-showing', scenes.reduce((n, s) => n + s.programsLinkedWhileShowing, 0), '');
    if (frames.iwer) {
      const { session, deviceFrames } = frames.iwer;
      add('frames.iwer.median-ms', session.median, 'ms', 'the session\'s frame callbacks');
      add('frames.iwer.max-ms', session.max, 'ms');
      add('frames.iwer.frames-over-2x-median', session.over2x, `of ${session.frames}`);
      add('frames.iwer.device-frame-max-ms', deviceFrames.max, 'ms', `IWER's frames, waiting for both eyes drawn in software (median ${deviceFrames.median.toFixed(1)} ms)`);
    }
  }
  if (sw)
    for (const kind of ['preloaded', 'cold'] as const) {
      add(`switch.${kind}.longest-frame-ms`, sw[kind].longestFrame, 'ms');
      add(`switch.${kind}.frames-over-2x-median`, sw[kind].framesOver2xMedian, '');
      add(`switch.${kind}.frames-to-first-frame`, sw[kind].framesToFirstFrame, 'frames');
      add(`switch.${kind}.ms-to-first-frame`, sw[kind].msToFirstFrame, 'ms');
    }
  if (memory) {
    const { baseline: b, after: a } = memory;
    add('memory.textures-growth', a.textures - b.textures, '', `${b.textures} → ${a.textures}`);
    add('memory.geometries-growth', a.geometries - b.geometries, '', `${b.geometries} → ${a.geometries}`);
    add('memory.programs-growth', a.programs - b.programs, '', `${b.programs} → ${a.programs}`);
    add('memory.heap-growth-ratio', (a.heapBytes - b.heapBytes) / b.heapBytes, '', `${mb(b.heapBytes)} → ${mb(a.heapBytes)} MB after ${memory.switches} switches`);
    add('memory.data-growth-ratio', (a.dataBytes - b.dataBytes) / b.dataBytes, '', `${mb(b.dataBytes)} → ${mb(a.dataBytes)} MB without compiled code`);
  }
  if (size) {
    const sum = (key: 'kb' | 'gzipKb' | 'brotliKb') => Math.round(size.start.reduce((total, s) => total + s[key], 0) * 10) / 10;
    add('size.start.gzip-kb', sum('gzipKb'), 'KB', `${size.start.length} scripts, ${sum('kb')} KB raw`);
    add('size.start.brotli-kb', sum('brotliKb'), 'KB');
    add('size.entry.gzip-kb', size.entry.gzipKb, 'KB', `${size.entry.file}: ${size.entry.kb} KB raw (runs first, starts the film's requests)`);
    // Named without the build's hash (figures compare across builds); a name twice gets a number.
    const seen = new Map<string, number>();
    const each = (group: string, chunks: readonly ScriptSize[]) => {
      for (const chunk of chunks) {
        if (chunk.file === size.entry.file) continue;
        const name = chunk.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '');
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        add(`size.${group}.${name}${n > 1 ? `-${n}` : ''}.gzip-kb`, chunk.gzipKb, 'KB', `${chunk.kb} KB raw, ${chunk.brotliKb} KB brotli`);
      }
    };
    each('start', size.start);
    each('lazy', size.lazy);
  }
  if (story) {
    for (const [scenes, s] of Object.entries(story.sizes)) {
      add(`story.${scenes}.validate-ms`, s.validate, 'ms', `JSON.parse ${s.parse} ms`);
      add(`story.${scenes}.compile-ms`, s.compile, 'ms', `JSON.parse ${s.parse} ms`);
    }
    add('story.walk.events-per-second', story.eventsPerSecond, '/s');
  }
  return rows;
}

export function printTable(rows: readonly Row[]): void {
  const budgetOf = new Map(BUDGETS.map((b) => [b.figure, b]));
  const lines = rows.map((r) => {
    const budget = budgetOf.get(r.figure);
    return [r.figure, `${fmt(r.value)} ${r.unit}`.trim(), r.baseline ?? '', budget ? `≤ ${budget.max}` : '', budget ? (r.value <= budget.max ? 'ok' : 'MISSED') : ''];
  });
  const header = ['figure', 'value', 'baseline (same run)', 'budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
}

/** The startup waterfalls as lines, ms from navigation. */
export function waterfallLines(waterfall: Record<string, Waterfall>): string[] {
  return Object.entries(waterfall).map(
    ([who, w]) =>
      `  ${who.padEnd(10)} script ${ms(w.entryScriptLoaded)}, story.json ${ms(w.storyRequested)}→${ms(w.storyLoaded)}, panorama ${ms(w.panoramaRequested)}→${ms(w.panoramaLoaded)}, decoded ${ms(w.decoded)}, renderer ${ms(w.rendererContext)}, uploaded ${ms(w.uploaded)}, first frame ${ms(w.firstFrame)}`,
  );
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : v);
const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(2));
const ms = (v: number | null) => (v === null || Number.isNaN(v) ? '—' : `${Math.round(v)}`);
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
const worst = (film: FramesResult['film']) => {
  const [scene, s] = Object.entries(film).sort(([, a], [, b]) => b.max - a.max)[0] ?? ['—', { max: NaN }];
  return `worst in ${scene} (${Math.round(s.max)} ms)`;
};
