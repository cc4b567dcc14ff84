import { type Choice, PENDING_ENDING, type Scene, type StoryPackage } from './schema';

/**
 * One edition's cut of a film: which scenes and choices play, where skipped scenes lead, and the
 * scenes inserted before the endings. Compiling and validating work on a cut, so every edition is
 * a graph of its own.
 */
export interface EditionCut {
  /** The edition id, or null when the package declares no editions. */
  readonly edition: string | null;
  /** The scene the film opens on in this cut. */
  readonly start: string;
  /** Scenes played, in order, before any ending. */
  readonly inserts: readonly string[];
  /** Whether a scene plays in this cut (inserted scenes included). */
  includes(sceneId: string): boolean;
  /** Choices of a scene offered in this cut. */
  choicesOf(sceneId: string): readonly Choice[];
  /** Where going to `target` really leads: skipped scenes are bypassed through their fallback route. */
  resolve(target: string): string;
  /** Which media plays for a scene: 0 for the primary, n for alternate n. */
  alternateOf(sceneId: string): number;
}

export const editionIds = (story: StoryPackage): string[] => Object.keys(story.editions);

/** The edition played when none is asked for: the first declared, or null when there are none. */
export const defaultEdition = (story: StoryPackage): string | null => editionIds(story)[0] ?? null;

/** The edition to play for a request (`?edition=`): the requested one if declared, else the default. */
export function pickEdition(story: StoryPackage, requested: string | null): string | null {
  return requested !== null && Object.hasOwn(story.editions, requested) ? requested : defaultEdition(story);
}

const inEdition = (only: readonly string[] | undefined, edition: string | null) => only === undefined || edition === null || only.includes(edition);

/** The unconditional last route of a scene, which a cut that skips it follows instead. */
export function fallbackOf(scene: Scene): string | undefined {
  const last = scene.next?.at(-1);
  return last && last.when === undefined ? last.to : undefined;
}

export function cutEdition(story: StoryPackage, edition: string | null): EditionCut {
  const declared = edition !== null && Object.hasOwn(story.editions, edition) ? story.editions[edition] : undefined;
  const inserts = declared?.insertBeforeEndings ?? [];
  const includes = (sceneId: string) => {
    const scene = story.scenes[sceneId];
    return Object.hasOwn(story.scenes, sceneId) && scene !== undefined && (inserts.includes(sceneId) || inEdition(scene.in, edition));
  };
  const resolve = (target: string): string => {
    let seen: Set<string> | undefined; // Only skipped scenes need it, so most calls allocate nothing.
    let current = target;
    while (current !== PENDING_ENDING && !includes(current)) {
      const scene = story.scenes[current];
      const fallback = scene ? fallbackOf(scene) : undefined;
      // No way around the skipped scene (reported by the validator as edition.no-bypass).
      if (fallback === undefined || fallback === PENDING_ENDING || seen?.has(current)) return current;
      (seen ??= new Set()).add(current);
      current = fallback;
    }
    return current;
  };
  return {
    edition,
    start: resolve(story.start),
    inserts,
    includes,
    choicesOf: (sceneId) => (story.scenes[sceneId]?.choices ?? []).filter((c) => inEdition(c.in, edition)),
    resolve,
    alternateOf: (sceneId) => declared?.alternates[sceneId] ?? 0,
  };
}
