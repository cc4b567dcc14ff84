import { describe, expect, it } from 'vitest';
import { type Diagnostic, validateStory } from '../../src/story';
import { helloStory, minimalStory } from './fixtures';

const errors = (input: unknown) => validateStory(input).diagnostics.filter((d) => d.severity === 'error');
const at = (diagnostics: readonly Diagnostic[], path: string) => diagnostics.find((d) => d.path === path);

describe('story schema', () => {
  it('accepts the minimal package of the format reference exactly as written', () => {
    const result = validateStory(minimalStory());
    expect(errors(minimalStory())).toEqual([]);
    expect(result.story?.scenes['hall']?.hotspots[0]).toMatchObject({ id: 'crack', yaw: 90, pitch: 30, radius: 12, dwellMs: 1200 });
  });

  it('accepts the bundled film without errors or warnings', () => {
    expect(validateStory(helloStory(), { expectedId: 'hello' }).diagnostics).toEqual([]);
  });

  it('fills in defaults for optional fields', () => {
    const story = minimalStory();
    delete story.scenes.hall.hotspots[0].radius;
    delete story.scenes.hall.hotspots[0].dwellMs;
    const hotspot = validateStory(story).story!.scenes['hall']!.hotspots[0]!;
    expect(hotspot.radius).toBeUndefined(); // the stage reads 10° for angular hotspots (hotspotAim)
    expect(hotspot.dwellMs).toBe(1200);
    expect(validateStory(story).story!.scenes['tower']!.choices).toEqual([]);
  });

  it('names the JSON path and expected type of a wrong value', () => {
    const story = minimalStory();
    story.scenes.hall.hotspots[0].yaw = 'ninety';
    const d = at(errors(story), '$.scenes.hall.hotspots[0].yaw');
    expect(d).toMatchObject({ code: 'schema.invalid-type', file: 'story.json' });
    expect(d?.message).toMatch(/expected number/);
    expect(d?.hint).toMatch(/number/);
  });

  it('reports a missing required field', () => {
    const story = minimalStory();
    delete story.scenes.below.media;
    expect(at(errors(story), '$.scenes.below.media')).toMatchObject({ code: 'schema.missing' });
  });

  it('reports misspelled fields instead of ignoring them', () => {
    const story = minimalStory();
    story.scenes.hall.hotspots[0].dwelMs = 900;
    expect(at(errors(story), '$.scenes.hall.hotspots[0]')).toMatchObject({ code: 'schema.unknown-field', message: 'unknown field "dwelMs"' });
  });

  it('rejects values out of range', () => {
    const story = minimalStory();
    story.scenes.hall.hotspots[0].pitch = 120;
    expect(at(errors(story), '$.scenes.hall.hotspots[0].pitch')).toMatchObject({ code: 'schema.out-of-range' });
  });

  it('rejects another format version', () => {
    const story = minimalStory();
    story.format = 'sightline/2';
    expect(at(errors(story), '$.format')).toMatchObject({ code: 'schema.invalid-value' });
    expect(at(errors(story), '$.format')?.hint).toContain('sightline/1');
  });

  it('rejects malformed conditions with the path into the condition', () => {
    const story = minimalStory();
    story.scenes.hall.choices[0].when = { all: [{ clue: 'sky-is-real' }, { clu: 'x' }] };
    const d = errors(story).find((e) => e.path.startsWith('$.scenes.hall.choices[0].when'));
    expect(d?.path).toMatch(/^\$\.scenes\.hall\.choices\[0\]\.when\.all\[1\]/);
  });

  it('rejects bad film, scene and hotspot ids', () => {
    const story = minimalStory();
    story.id = 'Hello World';
    story.scenes['Big Hall'] = story.scenes.hall;
    const list = errors(story);
    expect(at(list, '$.id')?.message).toMatch(/lowercase/);
    expect(list.some((d) => d.path.startsWith('$.scenes'))).toBe(true);
  });

  it('rejects colours that are not #rrggbb', () => {
    const story = minimalStory();
    story.scenes.below.media.color = 'navy';
    expect(at(errors(story), '$.scenes.below.media.color')).toBeDefined();
  });

  it('never throws on input that is not a package at all', () => {
    for (const input of [null, 42, 'story', [], { scenes: null }, { ['__proto__']: { format: 'sightline/1' } }])
      expect(validateStory(input).story).toBeUndefined();
  });
});
