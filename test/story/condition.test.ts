import { describe, expect, it } from 'vitest';
import { type Condition, evaluateCondition } from '../../src/story';

const holds = (condition: Condition, clues: string[]) => evaluateCondition(condition, { clues });

describe('conditions', () => {
  it('tests one clue', () => {
    expect(holds({ clue: 'a' }, ['a'])).toBe(true);
    expect(holds({ clue: 'a' }, ['b'])).toBe(false);
  });
  it('combines with all, any and not', () => {
    const c: Condition = { all: [{ clue: 'a' }, { any: [{ clue: 'b' }, { not: { clue: 'c' } }] }] };
    expect(holds(c, ['a'])).toBe(true);
    expect(holds(c, ['a', 'c'])).toBe(false);
    expect(holds(c, ['a', 'b', 'c'])).toBe(true);
    expect(holds(c, ['b'])).toBe(false);
  });
  it('never evaluates text as code', () => {
    expect(holds({ clue: 'true || process.exit(1)' }, [])).toBe(false);
  });
});
