import { describe, expect, it } from 'vitest';
import type { AudienceSummary } from '../../src/records';
import type { MapEdge, MapScene } from '../../src/story';
import { duration, edgeLines, edgeShare, sceneFigures, wrap } from '../../src/studio/map-text';

const edge = (over: Partial<MapEdge>): MapEdge => ({
  id: 'hall/choice/left/cellar',
  from: 'hall',
  to: 'cellar',
  kind: 'choice',
  label: 'Go down',
  condition: null,
  timed: false,
  isDefault: false,
  mostWatched: [],
  path: '$.scenes.hall.choices[0]',
  written: 'cellar',
  ...over,
});
const scene = (over: Partial<MapScene>): MapScene => ({
  id: 'hall', title: 'Hall', start: false, ending: false, inserted: false, emotion: null, editions: [], poster: null, color: null, alternates: 0, alternatePlayed: 0, clues: [], ...over,
});
const audience: AudienceSummary = {
  viewings: 40,
  finished: 40,
  outcomes: { ending: 37, left: 3 },
  endings: { cellar: 25 },
  meanMs: 300_000,
  scenes: { hall: { viewers: 40, visits: 44, meanMs: 65_400, left: 3 }, cellar: { viewers: 25, visits: 25, meanMs: 12_000, left: 0 } },
  choices: { hall: { left: { count: 25, share: 0.625, byDefault: 4 } } },
  clues: { key: { found: 10, rate: 0.25 } },
};

describe('the map’s words', () => {
  it('labels a choice with its marks and condition, a route with its moment', () => {
    expect(edgeLines(edge({ timed: true, isDefault: true }))).toEqual(['“Go down” timed default']);
    expect(edgeLines(edge({ condition: 'clue key' }))).toEqual(['“Go down”', 'if clue key']);
    expect(edgeLines(edge({ kind: 'route', label: 'after 80 s', condition: 'clue drawn-down', mostWatched: ['fountain'] }))).toEqual(['after 80 s', 'if clue drawn-down', 'most watched: fountain']);
  });

  it('wraps long lines at spaces', () => {
    expect(wrap('if clue dome-can-open and clue child-looked', 30)).toEqual(['if clue dome-can-open and clue', 'child-looked']);
    expect(wrap('short', 30)).toEqual(['short']);
    expect(wrap('a-very-long-word-that-does-not-fit-anywhere', 10)).toEqual(['a-very-long-word-that-does-not-fit-anywhere']);
  });

  it('draws an audience: choice shares on choices only, scene badges, endings reached', () => {
    expect(edgeShare(edge({ id: 'hall/choice/left/cellar' }), audience)).toBe('63 % (25)');
    expect(edgeShare(edge({ id: 'hall/choice/right/attic' }), audience)).toBeNull();
    expect(edgeShare(edge({ kind: 'route', id: 'hall/next/0/cellar' }), audience)).toBeNull();
    expect(edgeShare(edge({}), undefined)).toBeNull();
    expect(sceneFigures(scene({}), audience)).toEqual(['40 viewers', 'mean 1 min 05 s', '3 left']);
    expect(sceneFigures(scene({ id: 'cellar', ending: true }), audience)).toEqual(['25 viewers', 'mean 12 s', '0 left', '25 ended here']);
    expect(sceneFigures(scene({ id: 'attic' }), audience)).toEqual([]);
    // Each clue the scene gives at its hotspot: the share who found it, 0 % when nobody did.
    const clues = [{ clue: 'key', hotspot: 'drawer' }, { clue: 'map', hotspot: 'desk' }];
    expect(sceneFigures(scene({ clues }), audience).slice(3)).toEqual(['clue key at drawer: 25 %', 'clue map at desk: 0 %']);
    expect(duration(59_600)).toBe('1 min 00 s');
  });
});
