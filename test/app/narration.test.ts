import { describe, expect, it } from 'vitest';
import { NARRATION_DRIFT_S, narrationRate, narrationResync } from '../../src/app/use-narration';

describe('narrationResync', () => {
  it('leaves narration that keeps up with scene time', () => {
    expect(narrationResync(3, 3, 10)).toBeNull();
    expect(narrationResync(3.2, 3, 10)).toBeNull();
    expect(narrationResync(2.8, 3, 10)).toBeNull();
    expect(narrationResync(3 + NARRATION_DRIFT_S, 3, 10)).toBeNull();
  });

  it('seeks narration that fell behind (a stall) or ran ahead back to scene time', () => {
    expect(narrationResync(2.7, 3, 10)).toBe(3);
    expect(narrationResync(1, 6, 10)).toBe(6);
    expect(narrationResync(4, 3, 10)).toBe(3);
    expect(narrationResync(0.5, 3, Number.NaN)).toBe(3);
  });

  it('ends narration that scene time has gone past, and leaves one just at its end', () => {
    expect(narrationResync(5, 12, 10)).toBe(10);
    expect(narrationResync(9.9, 12, 10)).toBeNull();
  });
});

describe('narrationRate', () => {
  it("follows the scene clock's rate within what browsers play", () => {
    expect(narrationRate(1)).toBe(1);
    expect(narrationRate(4)).toBe(4);
    expect(narrationRate(20)).toBe(16);
    expect(narrationRate(0.01)).toBe(1 / 16);
  });
});
