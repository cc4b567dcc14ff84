import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileStory, createSave, currentScene, restoreSave } from '../../src/story';
import { keeperStory, view } from './keeper';

const at = new Date('2026-11-22T10:00:00Z');

function midway() {
  const story = keeperStory();
  const v = view(story, 'full');
  v.send({ type: 'hotspot.dwelled', hotspot: 'gull' }, { type: 'hotspot.watched', hotspot: 'gull', ms: 1800 }, { type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 4500 });
  return { story, v, save: JSON.parse(JSON.stringify(createSave('keeper', 'en', v.actor.getSnapshot(), at))) };
}

describe('save and resume', () => {
  it('round-trips progress: scene, clues, variables, attention, visits, edition, scene time', () => {
    const { story, v, save } = midway();
    const result = restoreSave(story, (e) => compileStory(story, e), save);
    if (!result.ok) throw new Error(result.reason);
    expect(currentScene(result.snapshot)).toBe('stairs');
    expect(result.snapshot.context).toEqual(v.context);
    expect(result.save.language).toBe('en');
    // The restored viewing goes on from there: the choice timeout is measured from the saved scene time.
    const actor = createActor(compileStory(story, 'full'), { snapshot: result.snapshot }).start();
    actor.send({ type: 'clock.tick', sceneMs: 12999 });
    expect(currentScene(actor.getSnapshot())).toBe('stairs');
    actor.send({ type: 'clock.tick', sceneMs: 13000 });
    expect(currentScene(actor.getSnapshot())).toBe('dark');
  });

  it('stays valid when only assets changed', () => {
    const { save } = midway();
    const story = keeperStory((json) => {
      json.scenes.stairs.media = { type: 'panorama', src: 'assets/new-stairs.webp' };
      json.scenes.stairs.title = 'The stairs, regenerated';
    });
    expect(restoreSave(story, (e) => compileStory(story, e), save).ok).toBe(true);
  });

  it.each([
    ['its scene is gone', (json: any) => {
      json.scenes.steps = json.scenes.stairs;
      delete json.scenes.stairs;
      json.scenes.shore.next[1].to = 'steps';
      json.scenes.wreckage.choices[0].to = 'steps';
      json.scenes.wreckage.next[0].to = 'steps';
    }, /scene "stairs" no longer exists/],
    ['a clue is gone', (json: any) => {
      json.scenes.shore.hotspots[0].grants = [];
    }, /clue "gull-seen" no longer exists/],
    ['a variable is gone', (json: any) => {
      delete json.variables.trust;
      json.scenes.shore.hotspots[0].effects = [];
      json.scenes.stairs.choices[0].effects = [];
      json.scenes.stairs.choices[0].when = { var: 'lamp', eq: true };
    }, /variable "trust" no longer exists/],
    ['its edition is gone', (json: any) => {
      delete json.editions.full;
      json.scenes.wreckage.in = ['discussion'];
    }, /edition "full" no longer exists/],
  ])('discards a stale save when %s, saying why', (_, mutate, reason) => {
    const { save } = midway();
    const story = keeperStory(mutate);
    const result = restoreSave(story, (e) => compileStory(story, e), save);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('keeps the choices taken, dropping those whose scene or choice went, and restores older saves with none', () => {
    const { story, save } = midway();
    const choices = [
      { scene: 'stairs', choice: 'wait', byDefault: true },
      { scene: 'stairs', choice: 'gone', byDefault: false },
      { scene: 'nowhere', choice: 'wait', byDefault: false },
    ];
    const kept = restoreSave(story, (e) => compileStory(story, e), { ...save, context: { ...save.context, choices } });
    if (!kept.ok) throw new Error(kept.reason);
    expect(kept.snapshot.context.choices).toEqual([{ scene: 'stairs', choice: 'wait', byDefault: true }]);
    const { choices: _, ...older } = save.context;
    const restored = restoreSave(story, (e) => compileStory(story, e), { ...save, context: older });
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.snapshot.context.choices).toEqual([]);
  });

  it('never throws on garbage', () => {
    const story = keeperStory();
    for (const raw of [null, 1, 'x', [], {}, { format: 'sightline-save/1' }, { format: 'sightline-save/1', film: 'keeper', edition: 'full', scene: 'stairs', context: { clues: 'nope', variables: { ['__proto__']: 1 } } }])
      expect(() => restoreSave(story, (e) => compileStory(story, e), raw)).not.toThrow();
  });

  it('fills in variables added since the save', () => {
    const { save } = midway();
    const story = keeperStory((json) => {
      json.variables.courage = 3;
    });
    const result = restoreSave(story, (e) => compileStory(story, e), save);
    expect(result.ok && result.snapshot.context.variables).toMatchObject({ trust: 1, courage: 3 });
  });
});
