import { describe, expect, it } from 'vitest';
import { parseJson, validateStory } from '../../src/story';
import { minimalStory } from './fixtures';

const codes = (input: unknown, options = {}) => validateStory(input, options).diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`);

describe('story graph validation', () => {
  it('reports a choice that leads to an unknown scene, naming the known ones', () => {
    const story = minimalStory();
    story.scenes.hall.choices[1].to = 'cellar';
    const result = validateStory(story);
    expect(result.story).toBeUndefined();
    const d = result.diagnostics.find((x) => x.code === 'scene.unknown');
    expect(d?.path).toBe('$.scenes.hall.choices[1].to');
    expect(d?.hint).toContain('hall, tower, below');
  });

  it('reports an unknown start scene', () => {
    const story = minimalStory();
    story.start = 'lobby';
    expect(codes(story)).toContain('error scene.unknown $.start');
  });

  it('reports duplicate hotspot ids across scenes', () => {
    const story = minimalStory();
    story.scenes.tower.hotspots = [{ id: 'crack', label: 'Again', yaw: 0, pitch: 0 }];
    expect(codes(story)).toContain('error hotspot.duplicate $.scenes.tower.hotspots[0].id');
  });

  it('reports a condition on a clue no hotspot grants', () => {
    const story = minimalStory();
    story.scenes.hall.choices[0].when = { any: [{ clue: 'sky-is-real' }, { clue: 'sky-is-fake' }] };
    expect(codes(story)).toContain('error clue.never-granted $.scenes.hall.choices[0].when.any[1].clue');
  });

  it('reports a scene with no way out that is not an ending', () => {
    const story = minimalStory();
    story.scenes.tower.ending = false;
    expect(codes(story)).toContain('error scene.dead-end $.scenes.tower');
  });

  it('rejects asset paths that leave the package', () => {
    for (const src of ['../other/hall.webp', '/etc/passwd', 'https://cdn.example.com/hall.webp', 'data:image/png;base64,AAAA', 'assets/../../x.webp']) {
      const story = minimalStory();
      story.scenes.hall.media.src = src;
      expect(codes(story), src).toContain('error asset.path $.scenes.hall.media.src');
    }
  });

  it('warns, without failing, about texts missing a declared language', () => {
    const result = validateStory(minimalStory());
    expect(result.story).toBeDefined();
    expect(codes(minimalStory())).toContain('warning text.missing-language $.scenes.hall.hotspots[0].label');
  });

  it('warns about scenes no choice leads to', () => {
    const story = minimalStory();
    story.scenes.attic = { title: 'Attic', media: { type: 'color', color: '#000000' }, choices: [{ id: 'down', label: 'Down', to: 'below' }] };
    expect(codes(story)).toContain('warning scene.unreachable $.scenes.attic');
  });

  it('checks the film id against its folder', () => {
    expect(codes(minimalStory(), { expectedId: 'dome' })).toContain('error film.id-mismatch $.id');
  });

  it('turns a JSON syntax error into a diagnostic with line and column', () => {
    const result = parseJson('{\n  "format": "sightline/1",\n  "id": "x"\n  "title": "T"\n}', 'scenes/x/story.json');
    expect('diagnostic' in result && result.diagnostic).toMatchObject({ code: 'json.syntax', file: 'scenes/x/story.json' });
    expect('diagnostic' in result && result.diagnostic.message).toMatch(/line 4, column 3/);
  });
});
