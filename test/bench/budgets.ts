/**
 * The performance budgets of issue 11, in one place: `npm run bench -- --check` fails when a
 * figure misses one, and the README's Performance section repeats them beside the last figures.
 * Each budget names the figure it judges (its key in the results) and how.
 */
export interface Budget {
  /** The figure's key in the bench results, e.g. `startup.one-scene.ratio-to-pannellum`. */
  readonly figure: string;
  /** The figure passes when it is at most this. */
  readonly max: number;
  /** What the budget says, in words, for the table and the README. */
  readonly says: string;
}

export const BUDGETS: readonly Budget[] = [
  { figure: 'startup.one-scene.ratio-to-pannellum', max: 1.0, says: 'first panorama frame no later than Pannellum on the same panorama' },
  { figure: 'startup.film.ratio-to-one-scene-pannellum', max: 1.5, says: "the bundled film's first scene within 1.5× of Pannellum" },
  { figure: 'frames.hotspots-50.median-ratio-to-three', max: 1.5, says: 'frame callbacks with 50 hotspots: median ≤ 1.5× the bare three.js page' },
  { figure: 'frames.hotspots-50.p99-ratio-to-three', max: 2.0, says: 'frame callbacks with 50 hotspots: p99 ≤ 2× the bare three.js page' },
  { figure: 'frames.film.frames-over-2x-median', max: 0, says: "no frame over 2× the median in the bundled film's scenes while looking around" },
  { figure: 'switch.preloaded.frames-over-2x-median', max: 0, says: 'switch to a preloaded scene: no frame over 2× the median' },
  { figure: 'switch.preloaded.frames-to-first-frame', max: 2, says: "switch to a preloaded scene: the new scene's first frame within 2 frames" },
  { figure: 'memory.programs-growth', max: 0, says: 'after 200 switches: as many shader programs as after the first scene' },
  { figure: 'memory.textures-growth', max: 0, says: 'after 200 switches: as many textures as after the first scene' },
  { figure: 'memory.geometries-growth', max: 0, says: 'after 200 switches: as many geometries as after the first scene' },
  // The heap's data, not V8's compiled code: the code grows as functions get optimized, in steps
  // that level off (+2.6 MB by 400 switches, flat by 800; none with the optimizing compilers off).
  { figure: 'memory.data-growth-ratio', max: 0.1, says: "after 200 switches: the JS heap's data (without compiled code) within 10 % of after the first scene" },
  { figure: 'size.start.gzip-kb', max: 350, says: 'scripts loaded at start (the entry and what index.html preloads) ≤ 350 KB gzip' },
];
