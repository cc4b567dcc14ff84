import { createActor } from 'xstate';
import { type StoryEvent, type StoryInput, type StoryPackage, compileStory, validateStory } from '../../src/story';
import { readJson } from './fixtures';

/** The engine fixture: variables, attention routing, timed choices, editions, alternates. */
export function keeperStory(mutate?: (json: Record<string, any>) => void): StoryPackage {
  const json = readJson('test/fixtures/keeper/story.json');
  mutate?.(json);
  const { story, diagnostics } = validateStory(json);
  if (!story) throw new Error(JSON.stringify(diagnostics, null, 2));
  return story;
}

/** A viewing of `story` in `edition`, fed events one by one. */
export function view(story: StoryPackage, edition: string | null, input: StoryInput = {}) {
  const actor = createActor(compileStory(story, edition), { input }).start();
  return {
    actor,
    send: (...events: StoryEvent[]) => events.forEach((e) => actor.send(e)),
    get scene() {
      const value = actor.getSnapshot().value;
      return typeof value === 'string' ? value : '';
    },
    get context() {
      return actor.getSnapshot().context;
    },
  };
}
