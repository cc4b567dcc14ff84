import { describe, expect, it } from 'vitest';
import { type StoryPackage, storyMap, validateStory } from '../../src/story';
import { BADGE_ROW, type MapLayout, NODE_HEIGHT, badgeRows, layoutMap, modelOrder, sceneHeight } from '../../src/studio/layout';
import { readJson } from '../story/fixtures';

const load = (json: unknown): StoryPackage => {
  const { story, diagnostics } = validateStory(json);
  if (!story) throw new Error(JSON.stringify(diagnostics));
  return story;
};

/**
 * Each scene's layer (rank of its x: the map runs left to right) and its place in that layer among
 * the scenes `among` (rank of its y): a scene added may slot in anywhere, the others keep their order.
 */
function ranks(layout: MapLayout, among: readonly string[] = [...layout.scenes.keys()]): Map<string, { layer: number; place: number }> {
  const xs = [...new Set([...layout.scenes.values()].map((b) => Math.round(b.x)))].sort((a, b) => a - b);
  const out = new Map<string, { layer: number; place: number }>();
  for (const id of among) {
    const box = layout.scenes.get(id)!;
    const layer = xs.indexOf(Math.round(box.x));
    const place = among.map((other) => layout.scenes.get(other)!).filter((b) => Math.round(b.x) === Math.round(box.x) && b.y < box.y).length;
    out.set(id, { layer, place });
  }
  return out;
}

describe('layoutMap', () => {
  it('lays the flagship film out left to right, start first, endings last, no two scenes overlapping', async () => {
    const story = load(readJson('scenes/glass-sky/story.json'));
    const layout = await layoutMap(storyMap(story, 'full'));
    const r = ranks(layout);
    expect(r.get('lamplight')!.layer).toBe(0);
    const last = Math.max(...[...r.values()].map((v) => v.layer));
    for (const ending of ['mend', 'open-eyes', 'shatter']) expect(r.get(ending)!.layer).toBe(last);
    const boxes = [...layout.scenes.values()];
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    for (const edge of storyMap(story, 'full').edges) expect(layout.edges.get(edge.id)!.points.length).toBeGreaterThanOrEqual(2);
  });

  it('makes a scene tall enough for its audience badges, and keeps scenes apart with them', async () => {
    expect(sceneHeight([])).toBe(NODE_HEIGHT);
    expect(sceneHeight(['40 viewers', 'mean 12 s'])).toBe(NODE_HEIGHT);
    const many = ['40 viewers', 'mean 1 min 05 s', '3 left', 'clue sky-is-real at crack: 38 %', 'clue lamp-emptied at dead-lamp: 0 %'];
    expect(badgeRows(many).flat()).toEqual(many);
    expect(badgeRows(many).length).toBeGreaterThanOrEqual(3);
    expect(sceneHeight(many)).toBe(NODE_HEIGHT + (badgeRows(many).length - 1) * BADGE_ROW);
    const story = load(readJson('scenes/glass-sky/story.json'));
    const layout = await layoutMap(storyMap(story, 'full'), { sceneBadges: (id) => (id === 'lamplight' || id === 'square' ? many : []) });
    expect(layout.scenes.get('lamplight')!.height).toBe(sceneHeight(many));
    const boxes = [...layout.scenes.values()];
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });

  it('keeps every scene in its layer and place when a scene is added', async () => {
    const json = readJson('scenes/glass-sky/story.json');
    const before = ranks(await layoutMap(storyMap(load(json), 'full')));
    // A fourth ending, one more choice on the dome's edge.
    json['scenes']['flee'] = { title: 'Flight', media: { type: 'color', color: '#203040' }, ending: true };
    json['scenes']['rooftop']['choices'].push({ id: 'flee', label: 'Run', to: 'flee' });
    const laid = await layoutMap(storyMap(load(json), 'full'));
    expect(laid.scenes.has('flee')).toBe(true);
    const after = ranks(laid, [...before.keys()]);
    for (const [id, rank] of before) expect({ id, ...after.get(id)! }).toEqual({ id, ...rank });
  });

  it('feeds scenes breadth-first from the start, the unreachable after by id', () => {
    const story = load(readJson('scenes/glass-sky/story.json'));
    const order = modelOrder(storyMap(story, 'full'));
    expect(order.slice(0, 3)).toEqual(['lamplight', 'alley', 'square']);
    expect(new Set(order).size).toBe(order.length);
  });
});
