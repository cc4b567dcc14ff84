import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { StoryMap } from '../story';
import { edgeLines, isClueBadge, textWidth } from './map-text';

export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 152;
export const LINE_HEIGHT = 14;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MapLayout {
  /** Scene id → its box. */
  readonly scenes: ReadonlyMap<string, Box>;
  /** Edge id → its route (start, bends, end) and where its label goes. */
  readonly edges: ReadonlyMap<string, { readonly points: ReadonlyArray<{ x: number; y: number }>; readonly label: Box | null }>;
  readonly width: number;
  readonly height: number;
}

export interface LayoutOptions {
  /** Extra label lines per edge (an audience share), so the layout leaves room for them. @default none */
  readonly extraLines?: (edgeId: string) => readonly string[];
  /** Badges drawn under a scene (its audience figures), so the layout makes the scene tall enough for them. @default none */
  readonly sceneBadges?: (sceneId: string) => readonly string[];
}

/** Room for a row of badges under a scene; the node's own height has room for the first. */
export const BADGE_ROW = 17;
/** The width badges wrap in: the node less its border and padding. */
const BADGE_SPAN = NODE_WIDTH - 16;

/**
 * Badges wrapped into rows as the node's CSS wraps them (10 px text, 5 px padding each side, 4 px
 * gap), with room to spare since widths are estimated; a clue's badge takes a row of its own.
 */
export function badgeRows(badges: readonly string[]): string[][] {
  const rows: string[][] = [];
  let used = BADGE_SPAN;
  for (const badge of badges) {
    const width = isClueBadge(badge) ? BADGE_SPAN : Math.ceil(textWidth(badge, 10) * 1.15) + 10;
    if (used + 4 + width > BADGE_SPAN) {
      rows.push([badge]);
      used = width;
    } else {
      rows.at(-1)!.push(badge);
      used += 4 + width;
    }
  }
  return rows;
}

/** A scene's height with room for its badges. */
export function sceneHeight(badges: readonly string[]): number {
  return NODE_HEIGHT + Math.max(0, badgeRows(badges).length - 1) * BADGE_ROW;
}

/**
 * ELK's layered layout of a story map, left to right. Scenes go in breadth-first from the start
 * (ties by id) and ELK keeps that model order through cycle breaking and crossing minimisation, so
 * a scene added to a film slots in without reshuffling the scenes already there.
 */
export async function layoutMap(map: StoryMap, options: LayoutOptions = {}): Promise<MapLayout> {
  const order = modelOrder(map);
  const graph: ElkNode = {
    id: 'film',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'POLYLINE',
      'elk.spacing.nodeNode': '36',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.edgeLabel': '4',
      'elk.spacing.edgeEdge': '12',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
      'elk.randomSeed': '1',
    },
    children: order.map((id) => ({ id, width: NODE_WIDTH, height: sceneHeight(options.sceneBadges?.(id) ?? []) })),
    edges: map.edges.map((edge): ElkExtendedEdge => {
      const lines = [...edgeLines(edge), ...(options.extraLines?.(edge.id) ?? [])];
      return {
        id: edge.id,
        sources: [edge.from],
        targets: [edge.to],
        labels: [{ id: `${edge.id}#label`, text: lines.join('\n'), width: Math.max(...lines.map((l) => textWidth(l))) + 12, height: lines.length * LINE_HEIGHT + 6 }],
      };
    }),
  };
  const laid = await new ELK().layout(graph);
  const scenes = new Map<string, Box>();
  for (const child of laid.children ?? []) scenes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? NODE_WIDTH, height: child.height ?? NODE_HEIGHT });
  const edges = new Map<string, { points: Array<{ x: number; y: number }>; label: Box | null }>();
  for (const edge of (laid.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const label = edge.labels?.[0];
    edges.set(edge.id, { points, label: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : null });
  }
  return { scenes, edges, width: laid.width ?? 0, height: laid.height ?? 0 };
}

/** Scenes breadth-first from the start, each scene's targets by id; scenes the start never reaches after, by id. */
export function modelOrder(map: StoryMap): string[] {
  const next = new Map<string, string[]>();
  for (const edge of map.edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const seen = new Set<string>();
  const known = new Set(map.scenes.map((s) => s.id));
  const queue = known.has(map.start) ? [map.start] : [];
  for (const id of queue) seen.add(id);
  for (let i = 0; i < queue.length; i++)
    for (const to of [...new Set(next.get(queue[i]!) ?? [])].sort())
      if (known.has(to) && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
  return [...queue, ...map.scenes.map((s) => s.id).filter((id) => !seen.has(id))];
}
