import { createActor, getNextSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { type StoryPackage, compileStory, currentScene, evaluateCondition, initialStoryContext, isEnding, offeredChoices, validateStory } from '../../src/story';
import { helloStory, minimalStory } from './fixtures';

const load = (json: unknown): StoryPackage => {
  const { story, diagnostics } = validateStory(json);
  if (!story) throw new Error(JSON.stringify(diagnostics));
  return story;
};

describe('compiled story machine', () => {
  const story = load(helloStory());
  const machine = compileStory(story);
  const at = (scene: string, clues: string[] = []) =>
    machine.resolveState({ value: scene, context: { ...initialStoryContext(null), offeredAtMs: 0, clues, visits: { [scene]: 1 } } });
  const allClues = [...new Set(Object.values(story.scenes).flatMap((s) => s.hotspots.flatMap((h) => h.grants)))];

  it('starts in the start scene with an empty memory', () => {
    const snapshot = createActor(machine).start().getSnapshot();
    expect(currentScene(snapshot)).toBe('hall');
    expect(snapshot.context).toMatchObject({ clues: [], dwelled: [], visits: { hall: 1 }, variables: {}, attention: {}, sceneMs: 0, offeredAtMs: 0 });
  });

  // Every transition of the bundled film, with and without every clue.
  for (const [sceneId, scene] of Object.entries(story.scenes))
    for (const choice of scene.choices)
      for (const clues of [[], allClues])
        it(`${sceneId} --${choice.id}--> ${choice.to} with clues [${clues.join(', ')}]`, () => {
          const next = getNextSnapshot(machine, at(sceneId, clues), { type: 'choice.made', choice: choice.id });
          const open = !scene.ending && (!choice.when || evaluateCondition(choice.when, { clues }));
          expect(currentScene(next)).toBe(open ? choice.to : sceneId);
          if (open) expect(next.context.visits[choice.to]).toBe((sceneId === choice.to ? 1 : 0) + 1);
        });

  for (const [sceneId, scene] of Object.entries(story.scenes))
    for (const hotspot of scene.hotspots)
      it(`dwelling on ${hotspot.id} in ${sceneId} grants [${hotspot.grants.join(', ')}] once`, () => {
        const once = getNextSnapshot(machine, at(sceneId), { type: 'hotspot.dwelled', hotspot: hotspot.id });
        expect(once.context.clues).toEqual(hotspot.grants);
        expect(once.context.dwelled).toEqual([hotspot.id]);
        const twice = getNextSnapshot(machine, once, { type: 'hotspot.dwelled', hotspot: hotspot.id });
        expect(twice.context).toEqual(once.context);
      });

  it('ignores dwells on hotspots of other scenes and unknown choices', () => {
    const hall = at('hall');
    expect(getNextSnapshot(machine, hall, { type: 'hotspot.dwelled', hotspot: 'ledger' }).context.clues).toEqual([]);
    expect(currentScene(getNextSnapshot(machine, hall, { type: 'choice.made', choice: 'descend' }))).toBe('hall');
  });

  it('offers a gated choice only once its clue is found', () => {
    expect(offeredChoices(story, at('hall'))).toEqual(['corridor']);
    expect(offeredChoices(story, at('hall', ['sky-is-real']))).toEqual(['climb', 'corridor']);
    expect(offeredChoices(story, at('archive', ['keeper-name']))).toEqual(['unlock', 'descend', 'back']);
  });

  it('marks ending scenes and offers nothing there', () => {
    expect(isEnding(at('tower'))).toBe(true);
    expect(isEnding(at('below'))).toBe(true);
    expect(isEnding(at('hall'))).toBe(false);
    expect(offeredChoices(story, at('tower'))).toEqual([]);
  });

  it('plays the minimal film to both endings', () => {
    const minimal = load(minimalStory());
    const actor = createActor(compileStory(minimal)).start();
    actor.send({ type: 'choice.made', choice: 'climb' });
    expect(currentScene(actor.getSnapshot())).toBe('hall');
    actor.send({ type: 'hotspot.dwelled', hotspot: 'crack' });
    actor.send({ type: 'choice.made', choice: 'climb' });
    expect(currentScene(actor.getSnapshot())).toBe('tower');
    expect(isEnding(actor.getSnapshot())).toBe(true);
    const other = createActor(compileStory(minimal)).start();
    other.send({ type: 'choice.made', choice: 'stay' });
    expect(currentScene(other.getSnapshot())).toBe('below');
  });

  it('keeps its context JSON-serialisable for saves', () => {
    const snapshot = getNextSnapshot(machine, at('hall'), { type: 'hotspot.dwelled', hotspot: 'crack' });
    expect(JSON.parse(JSON.stringify(snapshot.context))).toEqual(snapshot.context);
  });
});

describe('author previews of the compiled machine', () => {
  const story = load(helloStory());

  it('opens on a start scene it is given, entering it with a fresh memory', () => {
    const snapshot = createActor(compileStory(story, 'full', { start: 'archive' })).start().getSnapshot();
    expect(currentScene(snapshot)).toBe('archive');
    expect(snapshot.context).toMatchObject({ clues: [], dwelled: [], visits: { archive: 1 }, sceneMs: 0 });
    expect(offeredChoices(story, snapshot)).toEqual(['descend', 'back']);
  });

  it('refuses a start scene outside the edition', () => {
    expect(() => compileStory(story, 'full', { start: 'reflect' })).toThrow(/"reflect" is not in the edition "full"/);
    expect(currentScene(createActor(compileStory(story, 'discussion', { start: 'reflect' })).start().getSnapshot())).toBe('reflect');
  });

  it('takes initial variable values from its input over the package\'s', () => {
    const withVars = load({ ...minimalStory(), variables: { desire: 0, name: 'ada' } });
    const machine = compileStory(withVars);
    expect(createActor(machine).start().getSnapshot().context.variables).toEqual({ desire: 0, name: 'ada' });
    expect(createActor(machine, { input: { variables: { desire: 3 } } }).start().getSnapshot().context.variables).toEqual({ desire: 3, name: 'ada' });
  });
});
