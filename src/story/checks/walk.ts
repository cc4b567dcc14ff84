import { leafConditions } from '../condition';
import type { Condition, Effect, Scene, StoryPackage } from '../schema';

interface Walked {
  readonly leaves: ReadonlyArray<{ leaf: Condition; at: PropertyKey[]; sceneId: string }>;
  readonly effects: ReadonlyArray<{ effect: Effect; at: PropertyKey[] }>;
}

// Several checks walk the same conditions and effects; walk each package once.
const walked = new WeakMap<StoryPackage, Walked>();

function walk(story: StoryPackage): Walked {
  const known = walked.get(story);
  if (known) return known;
  const leaves: Array<{ leaf: Condition; at: PropertyKey[]; sceneId: string }> = [];
  const effects: Array<{ effect: Effect; at: PropertyKey[] }> = [];
  const addLeaves = (condition: Condition, at: PropertyKey[], sceneId: string) => {
    for (const { leaf, at: where } of leafConditions(condition, at)) leaves.push({ leaf, at: where, sceneId });
  };
  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    scene.choices.forEach((choice, i) => {
      if (choice.when) addLeaves(choice.when, ['scenes', sceneId, 'choices', i, 'when'], sceneId);
      choice.effects.forEach((effect, j) => effects.push({ effect, at: ['scenes', sceneId, 'choices', i, 'effects', j] }));
    });
    scene.next?.forEach((route, i) => {
      if (route.when) addLeaves(route.when, ['scenes', sceneId, 'next', i, 'when'], sceneId);
    });
    scene.onEnter.forEach((effect, i) => effects.push({ effect, at: ['scenes', sceneId, 'onEnter', i] }));
    scene.hotspots.forEach((hotspot, h) => hotspot.effects.forEach((effect, i) => effects.push({ effect, at: ['scenes', sceneId, 'hotspots', h, 'effects', i] })));
  }
  const result = { leaves, effects };
  walked.set(story, result);
  return result;
}

/** Every leaf condition (clue, var, visited, visits, edition, attention) of choices and routes, with its JSON path. */
export const leavesOf = (story: StoryPackage) => walk(story).leaves;

/** Every effect of a package with its JSON path. */
export const effectsOf = (story: StoryPackage) => walk(story).effects;

/** Clues any hotspot or most-watched group can grant. */
export function grantableClues(story: StoryPackage): Set<string> {
  const clues = new Set<string>();
  for (const scene of Object.values(story.scenes)) {
    for (const h of scene.hotspots) h.grants.forEach((c) => clues.add(c));
    for (const g of scene.mostWatched) Object.values(g.grants).forEach((list) => list.forEach((c) => clues.add(c)));
  }
  return clues;
}

export const hotspotScenes = (story: StoryPackage): Map<string, string> =>
  new Map(Object.entries(story.scenes).flatMap(([sceneId, scene]: [string, Scene]) => scene.hotspots.map((h) => [h.id, sceneId] as const)));
