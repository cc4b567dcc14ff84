/** How the film arrives in a scene. */
export interface TransitionSpec {
  readonly type: 'cut' | 'fade' | 'dissolve';
  readonly durationMs: number;
  readonly color: string;
}

export interface TransitionFrame {
  /** Opacity of the arriving scene's picture over the leaving one. */
  arriving: number;
  /** Opacity of the fade colour over both. */
  veil: number;
}

/**
 * The look of a transition `t` of the way through (0 to 1): a dissolve blends the arriving picture
 * over the leaving one; a fade veils the leaving picture, swaps at the midpoint, and unveils.
 * Written into `out` (the frame loop passes one it keeps, so no frame allocates).
 */
export function transitionFrame(type: TransitionSpec['type'], t: number, out: TransitionFrame = { arriving: 1, veil: 0 }): TransitionFrame {
  const p = Math.min(1, Math.max(0, t));
  if (type === 'cut' || p >= 1) return frame(out, 1, 0);
  if (type === 'dissolve') return frame(out, p, 0);
  return p < 0.5 ? frame(out, 0, p * 2) : frame(out, 1, (1 - p) * 2);
}

function frame(out: TransitionFrame, arriving: number, veil: number): TransitionFrame {
  out.arriving = arriving;
  out.veil = veil;
  return out;
}

/** Reduced motion turns every transition into a cut. */
export const effectiveTransition = (spec: TransitionSpec, reducedMotion: boolean): TransitionSpec =>
  reducedMotion || spec.durationMs === 0 ? { ...spec, type: 'cut' } : spec;
