import { describe, expect, it } from 'vitest';
import { type StoryPackage, cutEdition, endingPaths, sceneGraph, scenesOfPath, storyMap, validateStory } from '../../src/story';
import { readJson } from './fixtures';

const load = (json: unknown): StoryPackage => {
  const { story, diagnostics } = validateStory(json);
  if (!story) throw new Error(JSON.stringify(diagnostics));
  return story;
};
const glassSky = () => load(readJson('scenes/glass-sky/story.json'));

describe('storyMap', () => {
  it('has the scene graph’s edges, in every edition of the flagship film', () => {
    const story = glassSky();
    for (const edition of [...Object.keys(story.editions), null]) {
      const map = storyMap(story, edition);
      const graph = sceneGraph(story, cutEdition(story, edition));
      expect(map.scenes.map((s) => s.id)).toEqual([...graph.keys()].sort());
      const pairs = new Set(map.edges.map((e) => `${e.from} → ${e.to}`));
      const expected = new Set([...graph].flatMap(([from, to]) => [...to].map((t) => `${from} → ${t}`)));
      expect(pairs).toEqual(expected);
    }
  });

  it('marks start, endings, emotion, editions, posters, timed and default choices, conditions in words', () => {
    const map = storyMap(glassSky(), 'full');
    const scene = (id: string) => map.scenes.find((s) => s.id === id)!;
    expect(scene('lamplight')).toMatchObject({ start: true, ending: false, emotion: 'calm', editions: ['full', 'condensed', 'discussion'], poster: 'assets/lamplight/poster.webp', title: 'Lamplight Street' });
    expect(scene('alley').editions).toEqual(['full', 'discussion']);
    expect(scene('mend')).toMatchObject({ ending: true, start: false });
    expect(map.scenes.some((s) => s.id.startsWith('reflect-'))).toBe(false);
    const bell = map.edges.find((e) => e.id === 'lamplight/choice/bell/square')!;
    expect(bell).toMatchObject({ kind: 'choice', timed: true, isDefault: true, condition: null, path: '$.scenes.lamplight.choices[0]' });
    const light = map.edges.find((e) => e.id === 'lamplight/choice/light/alley')!;
    expect(light).toMatchObject({ timed: true, isDefault: false, condition: 'clue sky-is-real' });
    const open = map.edges.find((e) => e.from === 'rooftop' && e.to === 'open-eyes')!;
    expect(open.condition).toBe('clue dome-can-open and clue child-looked');
  });

  it('marks the routes a most-watched hotspot decides', () => {
    const story = glassSky();
    const map = storyMap(story, 'full');
    const down = map.edges.find((e) => e.from === 'square' && e.to === 'cistern')!;
    expect(down.kind).toBe('route');
    const granted = Object.entries(story.scenes['square']!.mostWatched[0]!.grants).find(([, clues]) => clues.includes('drawn-down'))![0];
    expect(down.mostWatched).toEqual([granted]);
    expect(map.edges.find((e) => e.from === 'square' && e.to === 'archive')!.mostWatched).toEqual([]);
  });

  it('shows a cut: skipped scenes bypassed, inserted scenes before every ending', () => {
    const story = glassSky();
    const condensed = storyMap(story, 'condensed');
    expect(condensed.scenes.map((s) => s.id)).not.toContain('alley');
    const light = condensed.edges.find((e) => e.from === 'lamplight' && e.written === 'alley')!;
    expect(light.to).toBe('square');
    const discussion = storyMap(story, 'discussion');
    expect(discussion.scenes.find((s) => s.id === 'reflect-look')!.inserted).toBe(true);
    expect(discussion.edges.filter((e) => e.from === 'rooftop').map((e) => e.to)).toEqual(['reflect-look', 'reflect-look', 'reflect-look']);
    expect(discussion.edges.filter((e) => e.from === 'reflect-city').map((e) => e.to).sort()).toEqual(['mend', 'open-eyes', 'shatter']);
  });

  it('gives every edge a distinct id', () => {
    const map = storyMap(glassSky(), 'discussion');
    expect(new Set(map.edges.map((e) => e.id)).size).toBe(map.edges.length);
  });
});

describe('scenesOfPath', () => {
  it('walks the shortest path to each ending from the start to that ending', () => {
    const story = load(readJson('scenes/smallest/story.json'));
    const paths = endingPaths(story);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const scenes = scenesOfPath(story, path);
      expect(scenes[0]).toBe(story.start);
      expect(scenes.at(-1)).toBe(path.ending);
    }
  });
});
