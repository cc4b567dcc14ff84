import { describe, expect, it } from 'vitest';
import { conditionInWords } from '../../src/story';

describe('conditionInWords', () => {
  it('says each kind of leaf', () => {
    expect(conditionInWords({ clue: 'sky-is-real' })).toBe('clue sky-is-real');
    expect(conditionInWords({ var: 'desire', gte: 2 })).toBe('desire ≥ 2');
    expect(conditionInWords({ var: 'mood', eq: 'calm' })).toBe('mood = "calm"');
    expect(conditionInWords({ var: 'lit', ne: true })).toBe('lit ≠ true');
    expect(conditionInWords({ visited: 'hall' })).toBe('visited hall');
    expect(conditionInWords({ visits: 'hall', lt: 3 })).toBe('visits of hall < 3');
    expect(conditionInWords({ edition: 'full' })).toBe('edition full');
    expect(conditionInWords({ attention: 'lamp', gteMs: 1500 })).toBe('looked at lamp ≥ 1.5 s');
    expect(conditionInWords({ attention: 'lamp', gteMs: 1000, ltMs: 4000 })).toBe('looked at lamp ≥ 1 s and < 4 s');
  });

  it('brackets groups inside groups, not at the top', () => {
    expect(conditionInWords({ all: [{ clue: 'a' }, { clue: 'b' }] })).toBe('clue a and clue b');
    expect(conditionInWords({ any: [{ clue: 'a' }, { all: [{ clue: 'b' }, { not: { visited: 'c' } }] }] })).toBe('clue a or (clue b and not visited c)');
    expect(conditionInWords({ not: { any: [{ clue: 'a' }, { clue: 'b' }] } })).toBe('not (clue a or clue b)');
    expect(conditionInWords({ all: [{ clue: 'only' }] })).toBe('clue only');
  });
});
