import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AdjacencyMap, adjacencyMapToArray, getAdjacencyMap } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type StoryEvent, type StoryPackage, type StorySnapshot, compileStory, currentScene, cutEdition, isCredits, nextScenes, validateStory } from '../../src/story';
import { viewerModel } from '../../src/story/paths';
import { readJson } from './fixtures';

const load = (path: string): StoryPackage => {
  const { story, diagnostics } = validateStory(readJson(path));
  if (!story) throw new Error(`${path}: ${JSON.stringify(diagnostics)}`);
  return story;
};

/** A scene as the machine plays it: the scene and the ending its inserted scenes lead to. */
const key = (scene: string, pendingEnding: string | null) => `${scene} → ${pendingEnding ?? '(none pending)'}`;

/**
 * What the compiled machine itself does: every state a viewer can bring it to (xstate's graph
 * traversal over the viewer model of `endingPaths`), from the cut's start and, for any scene not
 * reached from there, from that scene (as an author's preview opens it). For each scene (with the
 * ending pending), the scenes the machine entered next after any event a viewer can cause.
 */
function explored(story: StoryPackage, edition: string | null): Map<string, Set<string>> {
  const cut = cutEdition(story, edition);
  const seen = new Map<string, Set<string>>();
  const scenesSeen = new Set<string>();
  const explore = (start?: string) => {
    const machine = compileStory(story, edition, start === undefined ? {} : { start });
    const graph: AdjacencyMap<StorySnapshot, StoryEvent> = getAdjacencyMap(machine, { ...viewerModel(story), limit: 200_000 });
    for (const { state } of Object.values(graph)) {
      if (isCredits(state)) continue;
      scenesSeen.add(currentScene(state));
      if (!seen.has(key(currentScene(state), state.context.pendingEnding))) seen.set(key(currentScene(state), state.context.pendingEnding), new Set());
    }
    for (const { state, nextState } of adjacencyMapToArray(graph)) {
      if (isCredits(state) || isCredits(nextState)) continue;
      const from = currentScene(state);
      const to = currentScene(nextState);
      // A scene entered: another one, or the same one again (a visit more).
      if (to !== from || (nextState.context.visits[to] ?? 0) > (state.context.visits[to] ?? 0)) seen.get(key(from, state.context.pendingEnding))!.add(to);
    }
  };
  explore();
  for (const scene of Object.keys(story.scenes)) if (cut.includes(scene) && !scenesSeen.has(scene)) explore(scene);
  return seen;
}

/** Every bundled film (the flagship, the small one) and the keeper fixture, whose editions skip and insert scenes. */
const films = [
  ...readdirSync(resolve(import.meta.dirname, '../../scenes'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `scenes/${d.name}`),
  'test/fixtures/keeper',
];

describe.each(films)('nextScenes in %s', (film) => {
  const story = load(`${film}/story.json`);
  const editions = Object.keys(story.editions).length > 0 ? Object.keys(story.editions) : [null];

  // Exploring the full film takes a few seconds, and several times that on a loaded machine.
  it.each(editions)('edition %s: from every scene, the scenes preloaded are the scenes the machine can go to next', { timeout: 60_000 }, (edition) => {
    const cut = cutEdition(story, edition);
    const machine = explored(story, edition);
    const inCut = Object.keys(story.scenes).filter((s) => cut.includes(s));
    // Every scene of the cut was explored.
    expect([...new Set([...machine.keys()].map((k) => k.split(' → ')[0]))].sort()).toEqual(inCut.sort());
    const preloaded = new Map(
      [...machine.keys()].map((k) => {
        const [scene, pending] = k.split(' → ') as [string, string];
        const pendingEnding = pending === '(none pending)' ? null : pending;
        return [k, new Set(nextScenes(story, cut, scene, { pendingEnding }))];
      }),
    );
    const sorted = (map: Map<string, Set<string>>) => Object.fromEntries([...map].map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(preloaded)).toEqual(sorted(machine));
  });
});

describe('nextScenes', () => {
  const story = load('scenes/glass-sky/story.json');

  it('goes through the scenes an edition inserts before the endings, then only to the ending pending', () => {
    const discussion = cutEdition(story, 'discussion');
    expect(nextScenes(story, discussion, 'rooftop', { pendingEnding: null })).toEqual(['reflect-look']);
    expect(nextScenes(story, discussion, 'reflect-city', { pendingEnding: 'mend' })).toEqual(['mend']);
    expect(nextScenes(story, discussion, 'reflect-city', { pendingEnding: null })).toEqual([]);
    // Whatever the viewing: every ending.
    expect(nextScenes(story, discussion, 'reflect-city').sort()).toEqual(['mend', 'open-eyes', 'shatter']);
    expect(nextScenes(story, cutEdition(story, 'full'), 'rooftop')).toEqual(['shatter', 'open-eyes', 'mend']);
  });

  it('bypasses skipped scenes, nearest first, each once, and has nothing after an ending', () => {
    const condensed = cutEdition(story, 'condensed');
    expect(story.scenes['alley']!.in).not.toContain('condensed');
    expect(nextScenes(story, condensed, 'lamplight')).toEqual(['square']);
    expect(nextScenes(story, cutEdition(story, 'full'), 'lamplight')).toEqual(['square', 'alley']);
    expect(nextScenes(story, cutEdition(story, 'full'), 'alley')).toEqual(['square']);
    expect(nextScenes(story, cutEdition(story, 'full'), 'shatter')).toEqual([]);
  });
});
