import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlayerParams } from '../../src/app/params';
import { parameterNotices, readPreview } from '../../src/app/preview';
import { type StoryPackage, uiText, validateStory } from '../../src/story';
import { helloStory } from '../story/fixtures';

const load = (json: unknown): StoryPackage => {
  const { story, diagnostics } = validateStory(json);
  if (!story) throw new Error(JSON.stringify(diagnostics));
  return story;
};
const hello = load({ ...helloStory(), variables: { desire: 0, brave: false, name: 'ada' } });
const preview = (search: string, edition: string | null = 'full') => readPreview(hello, readPlayerParams(search), edition);

describe('author preview parameters', () => {
  it('reads ?scene=, ?hotspots=1 and ?var.<name>= from the address', () => {
    expect(readPlayerParams('?film=x&scene=archive&hotspots=1&var.desire=2&var.=3')).toMatchObject({
      film: 'x',
      scene: 'archive',
      hotspots: true,
      variables: { desire: '2' },
    });
    expect(readPlayerParams('')).toMatchObject({ scene: null, hotspots: false, variables: {} });
  });

  it('opens a fresh viewing on a scene the film has', () => {
    expect(preview('?scene=archive')).toEqual({ ok: true, edition: 'full', fresh: true, preview: { start: 'archive', variables: {}, hotspots: false } });
  });

  it('outlining hotspots alone keeps the start screen', () => {
    expect(preview('?hotspots=1')).toMatchObject({ ok: true, fresh: false, preview: { start: null, hotspots: true } });
  });

  it('names the parameter and the film\'s scenes for an unknown scene', () => {
    const result = preview('?scene=attic');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ path: '?scene=', message: expect.stringContaining('hall, archive, tower, below, reflect') });
  });

  it('takes the edition that plays a scene when none is asked for, and refuses one that does not', () => {
    expect(preview('?scene=reflect')).toMatchObject({ ok: true, edition: 'discussion', preview: { start: 'reflect' } });
    expect(readPreview(hello, readPlayerParams('?scene=reflect&edition=full'), 'full')).toMatchObject({ ok: false });
  });

  it('types variable values by the film\'s initial values, and refuses what does not fit', () => {
    expect(preview('?var.desire=-1.5&var.brave=true&var.name=bo')).toMatchObject({ ok: true, fresh: true, preview: { variables: { desire: -1.5, brave: true, name: 'bo' } } });
    for (const search of ['?var.desire=lots', '?var.desire=', '?var.brave=maybe', '?var.greed=1']) expect(preview(search).ok, search).toBe(false);
  });
});

describe('what the address asks for that the film does not have', () => {
  const notices = (search: string, language = 'en') => parameterNotices(hello, readPlayerParams(search), { edition: 'full', language }, uiText(language));

  it('says so for an unknown ?edition= or ?lang=, prototype names included, and what plays instead', () => {
    expect(notices('?edition=__proto__&lang=__proto__')).toEqual([
      'There is no edition "__proto__" in this film; playing "full".',
      'This film is not in "__proto__"; playing in English.',
    ]);
    expect(notices('?edition=constructor', 'zh-CN')).toEqual(['本片没有“constructor”版本，现播放“full”。']);
    expect(notices('?edition=hasOwnProperty&lang=toString')).toHaveLength(2);
  });

  it('says nothing when the film has what was asked for, or nothing was asked', () => {
    expect(notices('?edition=discussion&lang=zh-CN')).toEqual([]);
    expect(notices('?lang=en-GB')).toEqual([]);
    expect(notices('')).toEqual([]);
  });

  it('names no edition for a film that has none', () => {
    const plain = load(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenes/smallest/story.json'), 'utf8')));
    expect(parameterNotices(plain, readPlayerParams('?edition=full'), { edition: null, language: 'en' }, uiText('en'))).toEqual(['There is no edition "full" in this film; playing the whole film.']);
  });

  it('finds no scene called __proto__ or constructor, and says which scenes there are', () => {
    for (const scene of ['__proto__', 'constructor', 'toString']) {
      const result = preview(`?scene=${scene}`);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.diagnostics[0]!.message).toContain(`there is no scene "${scene}" in this film; its scenes are: hall`);
    }
  });
});
