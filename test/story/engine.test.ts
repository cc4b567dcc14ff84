import { getNextSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileStory, currentScene, cutEdition, evaluateCondition, isCredits, isEnding, nextDeadline, offeredChoices } from '../../src/story';
import { keeperStory, view } from './keeper';

describe('conditions over the whole memory', () => {
  const facts = {
    clues: ['a'],
    variables: { trust: 2, lamp: true, mood: 'grim' },
    visits: { shore: 2, stairs: 1 },
    attention: { gull: 3500 },
    edition: 'full',
  };
  it('compares variables, numerically and by equality', () => {
    expect(evaluateCondition({ var: 'trust', gte: 2 }, facts)).toBe(true);
    expect(evaluateCondition({ var: 'trust', gt: 2 }, facts)).toBe(false);
    expect(evaluateCondition({ var: 'lamp', eq: true }, facts)).toBe(true);
    expect(evaluateCondition({ var: 'mood', ne: 'calm' }, facts)).toBe(true);
    expect(evaluateCondition({ var: 'missing', eq: 0 }, facts)).toBe(false);
    expect(evaluateCondition({ var: 'trust', eq: '2' }, facts)).toBe(false);
  });
  it('asks about visits, the edition and attention', () => {
    expect(evaluateCondition({ visited: 'stairs' }, facts)).toBe(true);
    expect(evaluateCondition({ visited: 'beacon' }, facts)).toBe(false);
    expect(evaluateCondition({ visits: 'shore', gte: 2 }, facts)).toBe(true);
    expect(evaluateCondition({ visits: 'beacon', eq: 0 }, facts)).toBe(true);
    expect(evaluateCondition({ edition: 'full' }, facts)).toBe(true);
    expect(evaluateCondition({ edition: 'short' }, facts)).toBe(false);
    expect(evaluateCondition({ attention: 'gull', gteMs: 3000 }, facts)).toBe(true);
    expect(evaluateCondition({ attention: 'wreck', ltMs: 1000 }, facts)).toBe(true);
  });
});

describe('attention as story input', () => {
  const story = keeperStory();

  it('keeps total attention per hotspot from discrete watched events', () => {
    const v = view(story, 'full');
    v.send({ type: 'hotspot.watched', hotspot: 'gull', ms: 800 }, { type: 'hotspot.watched', hotspot: 'gull', ms: 700 }, { type: 'hotspot.watched', hotspot: 'wreck', ms: 300 });
    expect(v.context.attention).toEqual({ gull: 1500, wreck: 300 });
    v.send({ type: 'hotspot.watched', hotspot: 'gull', ms: Number.NaN }, { type: 'hotspot.watched', hotspot: 'gull', ms: -5 });
    expect(v.context.attention).toEqual({ gull: 1500, wreck: 300 });
  });

  it('two viewers who look at different things see different films', () => {
    const drawnToLoss = view(story, 'full');
    drawnToLoss.send({ type: 'hotspot.watched', hotspot: 'wreck', ms: 4000 }, { type: 'hotspot.watched', hotspot: 'gull', ms: 900 }, { type: 'clock.tick', sceneMs: 20000 });
    const drawnToLife = view(story, 'full');
    drawnToLife.send({ type: 'hotspot.watched', hotspot: 'gull', ms: 4000 }, { type: 'hotspot.watched', hotspot: 'wreck', ms: 900 }, { type: 'clock.tick', sceneMs: 20000 });
    expect(drawnToLoss.scene).toBe('wreckage');
    expect(drawnToLoss.context.clues).toContain('drawn-to-loss');
    expect(drawnToLoss.context.variables['mood']).toBe('grim');
    expect(drawnToLife.scene).toBe('stairs');
    expect(drawnToLife.context.clues).toContain('drawn-to-life');
    expect(drawnToLife.context.variables['mood']).toBe('calm');
  });

  it('grants nothing to a group nobody looked at, and routes by the fallback', () => {
    const v = view(story, 'full');
    v.send({ type: 'clock.tick', sceneMs: 20000 });
    expect(v.context.clues).toEqual([]);
    expect(v.scene).toBe('stairs');
  });
});

describe('variables and effects', () => {
  it('applies effects on dwell, choice and scene entry; gates choices on them', () => {
    const story = keeperStory();
    const v = view(story, 'full');
    v.send({ type: 'hotspot.dwelled', hotspot: 'gull' }, { type: 'clock.tick', sceneMs: 20000 });
    expect(v.context.variables).toEqual({ trust: 1, lamp: false, mood: 'calm' });
    v.send({ type: 'clock.tick', sceneMs: 3000 });
    expect(offeredChoices(story, v.actor.getSnapshot())).toEqual(['wait']);
    v.send({ type: 'hotspot.dwelled', hotspot: 'switch' });
    expect(offeredChoices(story, v.actor.getSnapshot())).toEqual(['light', 'wait']);
    v.send({ type: 'choice.made', choice: 'light' });
    expect(v.scene).toBe('beacon');
    expect(v.context.variables['trust']).toBe(3);
  });
});

describe('timed choices on the scene clock', () => {
  const story = keeperStory();
  const atStairs = (input = {}) => {
    const v = view(story, 'full', input);
    v.send({ type: 'clock.tick', sceneMs: 20000 });
    expect(v.scene).toBe('stairs');
    return v;
  };

  it('offers choices at showAtMs, not before', () => {
    const v = atStairs();
    v.send({ type: 'clock.tick', sceneMs: 2999 });
    expect(offeredChoices(story, v.actor.getSnapshot())).toEqual([]);
    v.send({ type: 'choice.made', choice: 'wait' });
    expect(v.scene).toBe('stairs');
    v.send({ type: 'clock.tick', sceneMs: 3000 });
    expect(offeredChoices(story, v.actor.getSnapshot())).toEqual(['wait']);
    expect(v.context.offeredAtMs).toBe(3000);
  });

  it('offers choices once a given hotspot has fired', () => {
    const story = keeperStory((json) => {
      json.scenes.stairs.offer = { after: 'switch', timeoutMs: 10000, default: 'wait' };
    });
    const v = view(story, 'full');
    v.send({ type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 5000 });
    expect(offeredChoices(story, v.actor.getSnapshot())).toEqual([]);
    v.send({ type: 'hotspot.dwelled', hotspot: 'switch' });
    expect(v.context.offeredAtMs).toBe(5000);
    expect(offeredChoices(story, v.actor.getSnapshot())).toEqual(['wait']);
  });

  it('takes the default when time runs out', () => {
    const v = atStairs();
    v.send({ type: 'clock.tick', sceneMs: 3000 }, { type: 'clock.tick', sceneMs: 12999 });
    expect(v.scene).toBe('stairs');
    v.send({ type: 'clock.tick', sceneMs: 13000 });
    expect(v.scene).toBe('dark');
  });

  it('lengthens time limits for viewers who need more time', () => {
    const v = atStairs({ choiceTimeScale: 2 });
    v.send({ type: 'clock.tick', sceneMs: 3000 }, { type: 'clock.tick', sceneMs: 22999 });
    expect(v.scene).toBe('stairs');
    v.send({ type: 'clock.tick', sceneMs: 23000 });
    expect(v.scene).toBe('dark');
  });

  it('holds until the viewer chooses when time limits are off', () => {
    const v = atStairs({ choiceTimeScale: null });
    v.send({ type: 'clock.tick', sceneMs: 3000 }, { type: 'clock.tick', sceneMs: 3_600_000 });
    expect(v.scene).toBe('stairs');
    // Switching limits back on restarts the countdown instead of expiring it at once.
    v.send({ type: 'settings.changed', choiceTimeScale: 1 }, { type: 'clock.tick', sceneMs: 3_609_999 });
    expect(v.scene).toBe('stairs');
    v.send({ type: 'clock.tick', sceneMs: 3_610_000 });
    expect(v.scene).toBe('dark');
  });

  it('holds a scene whose time ran out with choices open and no default', () => {
    const story = keeperStory((json) => {
      json.scenes.stairs.offer = { atMs: 1000 };
      json.scenes.stairs.end = { afterMs: 5000 };
    });
    const v = view(story, 'full');
    v.send({ type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 60000 });
    expect(v.scene).toBe('stairs');
    expect(v.context.sceneEnded).toBe(true);
    expect(offeredChoices(story, v.actor.getSnapshot())).toEqual(['wait']);
    v.send({ type: 'choice.made', choice: 'wait' });
    expect(v.scene).toBe('dark');
  });

  it('ends a scene when all given hotspots were seen, or when its media ends', () => {
    const seen = keeperStory((json) => {
      json.scenes.shore.end = { whenSeen: ['gull', 'wreck'] };
    });
    const v = view(seen, 'full');
    v.send({ type: 'clock.tick', sceneMs: 100 }, { type: 'hotspot.dwelled', hotspot: 'gull' });
    expect(v.scene).toBe('shore');
    v.send({ type: 'hotspot.dwelled', hotspot: 'wreck' });
    expect(v.scene).toBe('stairs');
    const media = keeperStory((json) => {
      json.scenes.shore.end = { withMedia: true };
    });
    const w = view(media, 'full');
    w.send({ type: 'clock.tick', sceneMs: 90000 });
    expect(w.scene).toBe('shore');
    w.send({ type: 'media.ended' });
    expect(w.scene).toBe('stairs');
  });

  it('never ends a scene in the instant it is entered, so re-entering a seen scene cannot loop', () => {
    const spin = keeperStory((json) => {
      json.scenes.shore.end = { whenSeen: ['gull'] };
      json.scenes.shore.next = [{ to: 'shore' }];
      json.scenes.shore.mostWatched = [];
      json.scenes.shore.choices = [{ id: 'up', label: 'Up', to: 'stairs' }];
    });
    const v = view(spin, 'full');
    v.send({ type: 'clock.tick', sceneMs: 50 }, { type: 'hotspot.dwelled', hotspot: 'gull' });
    expect(v.context.visits['shore']).toBe(2);
    expect(nextDeadline(spin, v.actor.getSnapshot())).toBe(1);
    v.send({ type: 'choice.made', choice: 'up' });
    expect(v.scene).toBe('stairs');
  });
});

describe('editions', () => {
  const story = keeperStory();
  const toWreck = [{ type: 'hotspot.watched', hotspot: 'wreck', ms: 5000 }, { type: 'clock.tick', sceneMs: 20000 }] as const;

  it('plays a scene only in its editions, bypassing it through its fallback elsewhere', () => {
    const full = view(story, 'full');
    full.send(...toWreck);
    expect(full.scene).toBe('wreckage');
    const short = view(story, 'short');
    short.send(...toWreck);
    expect(short.scene).toBe('stairs');
    expect(Object.keys(compileStory(story, 'short').config.states ?? {})).not.toContain('wreckage');
  });

  it('inserts scenes before the ending in the discussion edition, then goes on to that ending', () => {
    const v = view(story, 'discussion');
    v.send({ type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 3000 }, { type: 'choice.made', choice: 'wait' });
    expect(v.scene).toBe('reflect');
    expect(v.context.pendingEnding).toBe('dark');
    v.send({ type: 'clock.tick', sceneMs: 8000 });
    expect(v.scene).toBe('dark');
    expect(isEnding(v.actor.getSnapshot())).toBe(true);
  });

  it('plays the alternate an edition asks for', () => {
    expect(cutEdition(story, 'short').alternateOf('dark')).toBe(1);
    expect(cutEdition(story, 'full').alternateOf('dark')).toBe(0);
  });

  it('answers edition conditions with the edition being played', () => {
    const gated = keeperStory((json) => {
      json.scenes.stairs.choices[1].when = undefined;
      json.scenes.stairs.choices.push({ id: 'talk', label: 'Talk', to: 'beacon', when: { edition: 'discussion' } });
    });
    const full = view(gated, 'full');
    full.send({ type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 3000 });
    expect(offeredChoices(gated, full.actor.getSnapshot())).toEqual(['wait']);
    const discussion = view(gated, 'discussion');
    discussion.send({ type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 3000 });
    expect(offeredChoices(gated, discussion.actor.getSnapshot())).toEqual(['wait', 'talk']);
  });
});

describe('endings and after', () => {
  const story = keeperStory();
  it('marks the ending on entry, plays it out, then goes to the credits, remembering endings seen', () => {
    const v = view(story, 'full', { endingsSeen: ['beacon'] });
    v.send({ type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 3000 }, { type: 'choice.made', choice: 'wait' });
    expect(v.scene).toBe('dark');
    expect(isEnding(v.actor.getSnapshot())).toBe(true);
    expect(isCredits(v.actor.getSnapshot())).toBe(false);
    expect(v.context.endingsSeen).toEqual(['beacon', 'dark']);
    v.send({ type: 'clock.tick', sceneMs: 6000 });
    expect(isCredits(v.actor.getSnapshot())).toBe(true);
    expect(v.actor.getSnapshot().status).toBe('done');
  });

  it('is a pure function of snapshot and event', () => {
    const machine = compileStory(story, 'full');
    const start = machine.resolveState({ value: 'shore', context: view(story, 'full').context });
    const a = getNextSnapshot(machine, start, { type: 'clock.tick', sceneMs: 20000 });
    const b = getNextSnapshot(machine, start, { type: 'clock.tick', sceneMs: 20000 });
    expect(currentScene(a)).toBe('stairs');
    expect(a.context).toEqual(b.context);
  });
});

describe('the choices a viewing took', () => {
  it('are kept in order, marked when time ran out and the default was taken', () => {
    const v = view(keeperStory(), 'full');
    v.send({ type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 3000 }, { type: 'choice.made', choice: 'wait' });
    expect(v.scene).toBe('dark');
    expect(v.context.choices).toEqual([{ scene: 'stairs', choice: 'wait', byDefault: false }]);
    const w = view(keeperStory(), 'full');
    w.send({ type: 'clock.tick', sceneMs: 20000 }, { type: 'clock.tick', sceneMs: 3000 }, { type: 'clock.tick', sceneMs: 13000 });
    expect(w.scene).toBe('dark');
    expect(w.context.choices).toEqual([{ scene: 'stairs', choice: 'wait', byDefault: true }]);
  });
});
