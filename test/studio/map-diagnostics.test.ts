import { describe, expect, it } from 'vitest';
import { type Diagnostic, type StoryPackage, storyMap, validateStory } from '../../src/story';
import { diagnosticsOnMap, placeDiagnostic } from '../../src/studio/map-diagnostics';
import { readJson } from '../story/fixtures';

const story = validateStory(readJson('scenes/glass-sky/story.json')).story as StoryPackage;
const map = storyMap(story, 'full');
const at = (path: string): Diagnostic => ({ severity: 'error', code: 'scene.unknown', file: 'story.json', path, message: '', hint: '' });

describe('placeDiagnostic', () => {
  it('puts a finding on its scene, and on the edges of its choice or route', () => {
    expect(placeDiagnostic(at('$.scenes.rooftop.title'), map)).toEqual({ scene: 'rooftop', edges: [] });
    expect(placeDiagnostic(at('$.scenes.rooftop.choices[1].when.all[0].clue'), map)).toEqual({ scene: 'rooftop', edges: ['rooftop/choice/open/open-eyes'] });
    expect(placeDiagnostic(at('$.scenes.square.next[0].to'), map)).toEqual({ scene: 'square', edges: ['square/next/0/cistern'] });
    expect(placeDiagnostic(at('$.scenes["rooftop"].media.src'), map)).toEqual({ scene: 'rooftop', edges: [] });
  });

  it('puts the start on the start scene, and nothing else outside the scenes on any', () => {
    expect(placeDiagnostic(at('$.start'), map)).toEqual({ scene: 'lamplight', edges: [] });
    expect(placeDiagnostic(at('$.editions.full'), map)).toEqual({ scene: null, edges: [] });
    expect(placeDiagnostic(at('$.scenes.nowhere.title'), map)).toEqual({ scene: null, edges: [] });
    expect(placeDiagnostic(at('$'), map)).toEqual({ scene: null, edges: [] });
  });

  it('groups findings by scene and edge', () => {
    const placed = diagnosticsOnMap([at('$.scenes.rooftop.title'), at('$.scenes.rooftop.choices[0].to'), at('$.clues')], map);
    expect(placed.scenes.get('rooftop')).toHaveLength(2);
    expect([...placed.edges.keys()]).toEqual(['rooftop/choice/break/shatter']);
  });
});
