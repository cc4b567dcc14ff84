import type { EditionCut } from './editions';
import { PENDING_ENDING, type StoryPackage } from './schema';

/** Where one way out of a scene (a choice's or a route's `to`) enters, in a cut. */
export interface Arrival {
  /** The scene entered. */
  readonly scene: string;
  /** Taken only while this ending is the one pending: "@ending" from an inserted scene. */
  readonly ifPending?: string;
  /** The way to this ending goes through the edition's inserted scenes first; they lead to it after. */
  readonly pending?: string;
}

/**
 * Where going from `from` to `to` enters in this cut, exactly as the compiled machine goes:
 * skipped scenes are bypassed through their fallback route; a way into an ending from outside the
 * inserted scenes enters the first inserted scene, which remembers the ending; "@ending" (in an
 * inserted scene) enters the ending remembered, so it is one arrival per ending of the cut.
 */
export function arrivals(story: StoryPackage, cut: EditionCut, from: string, to: string): Arrival[] {
  if (to === PENDING_ENDING) return endingsOf(story, cut).map((ending) => ({ scene: ending, ifPending: ending }));
  const target = cut.resolve(to);
  const insert = cut.inserts[0];
  if (story.scenes[target]?.ending && insert !== undefined && !cut.inserts.includes(from)) return [{ scene: insert, pending: target }];
  return [{ scene: target }];
}

/** The endings that play in a cut. */
export const endingsOf = (story: StoryPackage, cut: EditionCut): string[] =>
  Object.keys(story.scenes).filter((id) => story.scenes[id]!.ending && cut.includes(id));

/**
 * The ways out of a scene in a cut, nearest first: its choices' targets in their order (the
 * default among them), then its routes'. An ending has none (it leads to the credits).
 */
export function waysOut(story: StoryPackage, cut: EditionCut, sceneId: string): string[] {
  const scene = story.scenes[sceneId];
  if (!scene || scene.ending) return [];
  return [...cut.choicesOf(sceneId).map((c) => c.to), ...(scene.next ?? []).map((r) => r.to)];
}

export interface NextScenesOptions {
  /**
   * The ending the edition's inserted scenes lead to in this viewing (the story context's
   * `pendingEnding`; null when none is). Left out, "@ending" leads to every ending of the cut, as
   * it may in some viewing.
   */
  readonly pendingEnding?: string | null;
}

/**
 * The one rule for what comes next: the scenes the story machine can go to from `sceneId` in this
 * cut, by any choice, route or default, whatever the conditions, nearest first (choices in their
 * order, then routes), each once. The scene graph, and the preloading of pictures, worlds, props,
 * narration and ambience, all follow it.
 */
export function nextScenes(story: StoryPackage, cut: EditionCut, sceneId: string, options: NextScenesOptions = {}): string[] {
  const next: string[] = [];
  for (const to of waysOut(story, cut, sceneId))
    for (const arrival of arrivals(story, cut, sceneId, to)) {
      if (arrival.ifPending !== undefined && options.pendingEnding !== undefined && arrival.ifPending !== options.pendingEnding) continue;
      if (!next.includes(arrival.scene)) next.push(arrival.scene);
    }
  return next;
}
