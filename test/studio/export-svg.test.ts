import { describe, expect, it } from 'vitest';
import { type StoryPackage, storyMap, validateStory } from '../../src/story';
import { mapToSvg } from '../../src/studio/export-svg';
import { layoutMap } from '../../src/studio/layout';
import { previewUrl } from '../../src/studio/preview-url';
import { readPackage } from '../../src/studio/package-source';
import { readJson } from '../story/fixtures';

describe('mapToSvg', () => {
  it('writes every scene and way as SVG elements with their ids and titles, text escaped', async () => {
    const json = readJson('scenes/glass-sky/story.json');
    json['scenes']['mend']['title'] = { en: 'Mend <&> "it"' };
    const story = validateStory(json).story as StoryPackage;
    const map = storyMap(story, 'full');
    const svg = mapToSvg(map, await layoutMap(map), { title: 'Under the Glass Sky' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const scene of map.scenes) expect(svg).toContain(`data-scene="${scene.id}"`);
    for (const edge of map.edges) expect(svg).toContain(`data-edge="${edge.id}"`);
    expect(svg).toContain('Mend &lt;&amp;&gt; &quot;it&quot;');
    expect(svg).not.toMatch(/<script|style=|href="http/);
  });
});

describe('previewUrl', () => {
  it('opens the player at the scene, hotspots outlined, with edition, language and starting values', () => {
    expect(previewUrl({ film: 'glass-sky', scene: 'rooftop', edition: 'condensed', language: 'zh-CN', variables: { desire: 3 } })).toBe(
      './index.html?film=glass-sky&scene=rooftop&hotspots=1&edition=condensed&lang=zh-CN&var.desire=3',
    );
    expect(previewUrl({ film: 'hello', scene: null, edition: null, language: null, variables: {} })).toBe('./index.html?film=hello&autoplay=1&hotspots=1');
  });
});

describe('readPackage', () => {
  const text = JSON.stringify(readJson('scenes/smallest/story.json'));
  it('plays a good package, and none with errors (the dev server’s file checks included)', () => {
    expect(readPackage({ film: 'smallest', revision: '1', text, diagnostics: [] }, true).story?.id).toBe('smallest');
    const missing = { severity: 'error', code: 'asset.missing', file: 'story.json', path: '$.scenes.square.media.src', message: '', hint: '' } as const;
    expect(readPackage({ film: 'smallest', revision: '2', text, diagnostics: [missing] }, true).story).toBeNull();
  });
  it('reads a broken package’s own diagnostics when no server sent any', () => {
    const broken = readPackage({ film: 'smallest', revision: '3', text: JSON.stringify({ ...readJson('scenes/smallest/story.json'), start: 'nowhere' }), diagnostics: [] }, false);
    expect(broken.story).toBeNull();
    expect(broken.diagnostics.some((d) => d.path === '$.start')).toBe(true);
    expect(readPackage({ film: 'smallest', revision: '4', text: '{', diagnostics: [] }, false).diagnostics[0]!.code).toBe('json.syntax');
  });
});
