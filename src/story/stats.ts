import { grantableClues } from './checks/walk';
import { cutEdition } from './editions';
import { sceneGraph } from './scene-graph';
import type { StoryPackage } from './schema';

export interface EditionStats {
  readonly edition: string | null;
  readonly scenes: number;
  /** Fewest scenes from the start to an ending, both included. */
  readonly shortestPath: number | null;
  /** Most scenes on a path to an ending that visits no scene twice (`longestExact` false if the search gave up). */
  readonly longestPath: number | null;
  readonly longestExact: boolean;
}

export interface StoryStats {
  readonly scenes: number;
  readonly choices: number;
  readonly hotspots: number;
  readonly clues: number;
  readonly variables: number;
  readonly endings: number;
  readonly editions: readonly EditionStats[];
}

const SEARCH_BUDGET = 1_000_000;

export function storyStats(story: StoryPackage): StoryStats {
  const scenes = Object.values(story.scenes);
  const clues = new Set([...Object.keys(story.clues), ...grantableClues(story)]);
  const editions = Object.keys(story.editions).length > 0 ? Object.keys(story.editions) : [null];
  return {
    scenes: scenes.length,
    choices: scenes.reduce((n, s) => n + s.choices.length, 0),
    hotspots: scenes.reduce((n, s) => n + s.hotspots.length, 0),
    clues: clues.size,
    variables: Object.keys(story.variables).length,
    endings: scenes.filter((s) => s.ending).length,
    editions: editions.map((edition) => editionStats(story, edition)),
  };
}

function editionStats(story: StoryPackage, edition: string | null): EditionStats {
  const cut = cutEdition(story, edition);
  const graph = sceneGraph(story, cut);
  const isEnding = (s: string) => story.scenes[s]?.ending === true;
  // Shortest: breadth-first from the start.
  let shortest: number | null = null;
  const depth = new Map([[cut.start, 1]]);
  const queue = [cut.start];
  for (let i = 0; i < queue.length && shortest === null; i++) {
    const scene = queue[i]!;
    if (isEnding(scene)) shortest = depth.get(scene)!;
    for (const next of graph.get(scene) ?? [])
      if (!depth.has(next)) {
        depth.set(next, depth.get(scene)! + 1);
        queue.push(next);
      }
  }
  // Longest simple path: depth-first with a budget, since the exact answer is exponential in general.
  let longest: number | null = null;
  let budget = SEARCH_BUDGET;
  const onPath = new Set<string>();
  const stack: Array<{ scene: string; next: string[] }> = [{ scene: cut.start, next: [...(graph.get(cut.start) ?? [])] }];
  onPath.add(cut.start);
  while (stack.length > 0 && budget-- > 0) {
    const top = stack.at(-1)!;
    if (isEnding(top.scene)) longest = Math.max(longest ?? 0, stack.length);
    const next = top.next.pop();
    if (next === undefined) {
      onPath.delete(top.scene);
      stack.pop();
    } else if (!onPath.has(next)) {
      onPath.add(next);
      stack.push({ scene: next, next: [...(graph.get(next) ?? [])] });
    }
  }
  return { edition, scenes: graph.size, shortestPath: shortest, longestPath: longest, longestExact: stack.length === 0 };
}
