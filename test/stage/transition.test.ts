import { describe, expect, it } from 'vitest';
import { effectiveTransition, transitionFrame } from '../../src/stage/transition';

describe('scene transitions', () => {
  it('cuts at once', () => {
    expect(transitionFrame('cut', 0)).toEqual({ arriving: 1, veil: 0 });
  });
  it('dissolves the arriving picture over the leaving one', () => {
    expect(transitionFrame('dissolve', 0.25)).toEqual({ arriving: 0.25, veil: 0 });
    expect(transitionFrame('dissolve', 1)).toEqual({ arriving: 1, veil: 0 });
  });
  it('fades through a colour, swapping pictures at the darkest point', () => {
    expect(transitionFrame('fade', 0.25)).toEqual({ arriving: 0, veil: 0.5 });
    expect(transitionFrame('fade', 0.5)).toEqual({ arriving: 1, veil: 1 });
    expect(transitionFrame('fade', 0.75)).toEqual({ arriving: 1, veil: 0.5 });
    expect(transitionFrame('fade', 2)).toEqual({ arriving: 1, veil: 0 });
  });
  it('writes into the frame it is given, so the frame loop allocates none', () => {
    const out = { arriving: 0, veil: 0 };
    expect(transitionFrame('fade', 0.25, out)).toBe(out);
    expect(out).toEqual({ arriving: 0, veil: 0.5 });
    expect(transitionFrame('cut', 0, out)).toBe(out);
    expect(out).toEqual({ arriving: 1, veil: 0 });
  });
  it('gives viewers who ask for reduced motion a cut', () => {
    expect(effectiveTransition({ type: 'dissolve', durationMs: 600, color: '#000000' }, true).type).toBe('cut');
    expect(effectiveTransition({ type: 'fade', durationMs: 600, color: '#000000' }, false).type).toBe('fade');
  });
});
