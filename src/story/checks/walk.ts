import { leafConditions } from '../condition';
import type { Condition, Effect, Scene, StoryPackage } from '../schema';

/** Every condition of a package with its JSON path: choice `when`s and route `when`s. */
export function* conditionsOf(story: StoryPackage): Generator<{ condition: Condition; at: PropertyKey[]; sceneId: string }> {
  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    for (const [i, choice] of scene.choices.entries()) if (choice.when) yield { condition: choice.when, at: ['scenes', sceneId, 'choices', i, 'when'], sceneId };
    for (const [i, route] of (scene.next ?? []).entries()) if (route.when) yield { condition: route.when, at: ['scenes', sceneId, 'next', i, 'when'], sceneId };
  }
}

/** Every leaf condition (clue, var, visited, visits, edition, attention) with its JSON path. */
export function* leavesOf(story: StoryPackage) {
  for (const { condition, at, sceneId } of conditionsOf(story)) for (const { leaf, at: where } of leafConditions(condition, at)) yield { leaf, at: where, sceneId };
}

/** Every effect of a package with its JSON path. */
export function* effectsOf(story: StoryPackage): Generator<{ effect: Effect; at: PropertyKey[] }> {
  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    for (const [i, effect] of scene.onEnter.entries()) yield { effect, at: ['scenes', sceneId, 'onEnter', i] };
    for (const [h, hotspot] of scene.hotspots.entries())
      for (const [i, effect] of hotspot.effects.entries()) yield { effect, at: ['scenes', sceneId, 'hotspots', h, 'effects', i] };
    for (const [c, choice] of scene.choices.entries())
      for (const [i, effect] of choice.effects.entries()) yield { effect, at: ['scenes', sceneId, 'choices', c, 'effects', i] };
  }
}

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
