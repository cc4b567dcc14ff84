/** How the film arrives in a scene. */
export interface TransitionSpec {
  readonly type: 'cut' | 'fade' | 'dissolve';
  readonly durationMs: number;
  readonly color: string;
}

export interface TransitionFrame {
  /** Opacity of the arriving scene's picture over the leaving one. */
  readonly arriving: number;
  /** Opacity of the fade colour over both. */
  readonly veil: number;
}

/**
 * The look of a transition `t` of the way through (0 to 1): a dissolve blends the arriving picture
 * over the leaving one; a fade veils the leaving picture, swaps at the midpoint, and unveils.
 */
export function transitionFrame(type: TransitionSpec['type'], t: number): TransitionFrame {
  const p = Math.min(1, Math.max(0, t));
  if (type === 'cut' || p >= 1) return { arriving: 1, veil: 0 };
  if (type === 'dissolve') return { arriving: p, veil: 0 };
  return p < 0.5 ? { arriving: 0, veil: p * 2 } : { arriving: 1, veil: (1 - p) * 2 };
}

/** Reduced motion turns every transition into a cut. */
export const effectiveTransition = (spec: TransitionSpec, reducedMotion: boolean): TransitionSpec =>
  reducedMotion || spec.durationMs === 0 ? { ...spec, type: 'cut' } : spec;
