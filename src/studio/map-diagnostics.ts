import type { Diagnostic, StoryMap } from '../story';

/** Where a diagnostic belongs on the map: a scene, and the way of that scene it is about, if any. */
export interface DiagnosticPlace {
  readonly scene: string | null;
  /** Ids of the map's edges drawn for the choice or route the diagnostic's path is in. */
  readonly edges: readonly string[];
}

const SCENE_PATH = /^\$\.scenes(?:\.([A-Za-z_$][\w$-]*)|\[("(?:[^"\\]|\\.)*")\])(.*)$/;
const WAY_PATH = /^\.(choices|next)\[(\d+)\]/;

/**
 * The scene (and way) a diagnostic's JSON path points into, so the map can badge them. A path
 * outside the scenes, or into a scene the map does not show, belongs to no scene (the list shows it).
 */
export function placeDiagnostic(diagnostic: Diagnostic, map: StoryMap): DiagnosticPlace {
  const match = SCENE_PATH.exec(diagnostic.path);
  const start = diagnostic.path === '$.start' ? map.start : null;
  if (!match) return { scene: start !== null && map.scenes.some((s) => s.id === start) ? start : null, edges: [] };
  const scene = match[1] ?? (JSON.parse(match[2]!) as string);
  if (!map.scenes.some((s) => s.id === scene)) return { scene: null, edges: [] };
  const way = WAY_PATH.exec(match[3]!);
  const prefix = way ? `$.scenes.${scene}.${way[1]}[${way[2]}]` : null;
  return { scene, edges: prefix === null ? [] : map.edges.filter((e) => e.from === scene && e.path === prefix).map((e) => e.id) };
}

/** Diagnostics by scene and by edge, for badges. */
export function diagnosticsOnMap(diagnostics: readonly Diagnostic[], map: StoryMap): { scenes: Map<string, Diagnostic[]>; edges: Map<string, Diagnostic[]> } {
  const scenes = new Map<string, Diagnostic[]>();
  const edges = new Map<string, Diagnostic[]>();
  const add = (into: Map<string, Diagnostic[]>, key: string, d: Diagnostic) => into.set(key, [...(into.get(key) ?? []), d]);
  for (const d of diagnostics) {
    const place = placeDiagnostic(d, map);
    if (place.scene !== null) add(scenes, place.scene, d);
    for (const edge of place.edges) add(edges, edge, d);
  }
  return { scenes, edges };
}
