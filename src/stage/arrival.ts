import type { TransitionSpec } from './transition';

/**
 * How long after a transition starts the arriving scene's picture first shows, in milliseconds:
 * the moment the view may cut to the scene's start direction unseen. A fade swaps pictures at its
 * darkest point, under the veil; a cut and a dissolve show the arriving picture at once (a
 * dissolve has no unseen moment, so the turn happens as it starts, like a cut before the blend).
 */
export function cutMomentMs(spec: Pick<TransitionSpec, 'type' | 'durationMs'>): number {
  return spec.type === 'fade' ? spec.durationMs / 2 : 0;
}
