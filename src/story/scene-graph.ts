import type { EditionCut } from './editions';
import { nextScenes } from './next-scenes';
import type { StoryPackage } from './schema';

/**
 * The scene graph of one edition's cut: scene → the scenes it can lead to (`nextScenes`), by any
 * choice, route or default, ignoring conditions; "@ending" leads to every ending.
 */
export function sceneGraph(story: StoryPackage, cut: EditionCut): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const sceneId of Object.keys(story.scenes)) if (cut.includes(sceneId)) graph.set(sceneId, new Set(nextScenes(story, cut, sceneId)));
  return graph;
}

/** Scenes reachable from `from` in a graph. */
export function reachableFrom(graph: ReadonlyMap<string, ReadonlySet<string>>, from: string): Set<string> {
  const reached = new Set<string>([from]);
  const queue = [from];
  for (let scene = queue.pop(); scene !== undefined; scene = queue.pop())
    for (const next of graph.get(scene) ?? [])
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
  return reached;
}

/** Scenes from which some ending can be reached (walking the graph backwards from the endings). */
export function scenesWithAWayOut(graph: ReadonlyMap<string, ReadonlySet<string>>, endings: readonly string[]): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const [from, targets] of graph)
    for (const to of targets) {
      const list = incoming.get(to);
      if (list) list.push(from);
      else incoming.set(to, [from]);
    }
  const out = new Set<string>(endings);
  const queue = [...endings];
  for (let scene = queue.pop(); scene !== undefined; scene = queue.pop())
    for (const prev of incoming.get(scene) ?? [])
      if (!out.has(prev)) {
        out.add(prev);
        queue.push(prev);
      }
  return out;
}
