import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileStory, currentScene, endingPaths, validateStory } from '../../src/story';
import { readJson } from './fixtures';

const root = resolve(import.meta.dirname, '../..');
const films = [
  ...readdirSync(resolve(root, 'scenes'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `scenes/${d.name}`),
  'test/fixtures/keeper',
];

/** Model-based: the generated paths, replayed through the real compiled machine, reach every ending. */
describe.each(films)('%s', (film) => {
  const { story } = validateStory(readJson(`${film}/story.json`));
  if (!story) throw new Error(`${film} does not validate`);
  const editions = Object.keys(story.editions).length > 0 ? Object.keys(story.editions) : [null];
  const endings = Object.keys(story.scenes).filter((s) => story.scenes[s]!.ending);
  const paths = endingPaths(story);

  it('has a generated path to every ending in every edition that plays it', () => {
    for (const edition of editions) {
      const machine = compileStory(story, edition);
      const inCut = endings.filter((e) => e in (machine.config.states ?? {}));
      expect(paths.filter((p) => p.edition === edition).map((p) => p.ending).sort(), `edition ${edition}`).toEqual(inCut.sort());
    }
  });

  it.each(paths.map((p) => [`${p.edition ?? 'single'} → ${p.ending}`, p] as const))('replays %s', (_, path) => {
    const actor = createActor(compileStory(story, path.edition)).start();
    for (const event of path.events) actor.send(event);
    expect(currentScene(actor.getSnapshot())).toBe(path.ending);
    expect(actor.getSnapshot().context.clues).toEqual(path.clues);
  });
});
