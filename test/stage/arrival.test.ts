import { describe, expect, it } from 'vitest';
import { cutMomentMs } from '../../src/stage/arrival';

describe('the moment a scene cuts to its start direction', () => {
  it('is under the veil, half-way through a fade', () => expect(cutMomentMs({ type: 'fade', durationMs: 600 })).toBe(300));
  it('is at once for a cut or a dissolve', () => {
    expect(cutMomentMs({ type: 'cut', durationMs: 0 })).toBe(0);
    expect(cutMomentMs({ type: 'dissolve', durationMs: 800 })).toBe(0);
  });
});
