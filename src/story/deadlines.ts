import { ENDING_PLAYOUT_MS, type StorySnapshot, currentScene } from './machine';
import type { StoryPackage } from './schema';

/**
 * The next scene time at which the story changes by itself (choices appear, time runs out on them,
 * the scene ends), or null when only the viewer can move it on. The shell wakes the machine with a
 * `clock.tick` then, instead of ticking every frame.
 */
export function nextDeadline(story: StoryPackage, snapshot: StorySnapshot): number | null {
  const scene = story.scenes[currentScene(snapshot)];
  if (!scene || snapshot.status !== 'active') return null;
  const c = snapshot.context;
  const times: number[] = [];
  if (c.offeredAtMs === null && scene.offer?.atMs !== undefined) times.push(scene.offer.atMs);
  const end = scene.end ?? {};
  const afterMs = end.afterMs ?? (scene.ending && !end.withMedia && !end.whenSeen ? ENDING_PLAYOUT_MS : undefined);
  if (!c.sceneEnded && afterMs !== undefined) times.push(afterMs);
  // All hotspots the scene waits for are seen: end at the next moment of scene time.
  if (!c.sceneEnded && end.whenSeen?.every((h) => c.dwelled.includes(h))) times.push(c.sceneMs + 1);
  const timeout = scene.offer?.timeoutMs;
  if (c.offeredAtMs !== null && timeout !== undefined && scene.offer?.default !== undefined && c.choiceTimeScale !== null)
    times.push(c.offeredAtMs + timeout * c.choiceTimeScale);
  const future = times.filter((t) => t > c.sceneMs);
  return future.length === 0 ? null : Math.min(...future);
}

/** When the current scene's open choices time out, for the countdown; null when untimed. */
export function choiceDeadline(story: StoryPackage, snapshot: StorySnapshot): { fromMs: number; toMs: number } | null {
  const scene = story.scenes[currentScene(snapshot)];
  const c = snapshot.context;
  const timeout = scene?.offer?.timeoutMs;
  if (!scene || c.offeredAtMs === null || timeout === undefined || scene.offer?.default === undefined || c.choiceTimeScale === null || c.sceneEnded)
    return null;
  return { fromMs: c.offeredAtMs, toMs: c.offeredAtMs + timeout * c.choiceTimeScale };
}
