import { type ReactNode, useLayoutEffect, useState, useSyncExternalStore } from 'react';

/**
 * Where a scene's 3D content goes: the canvas renders `<slot.Out />`, and whatever is on show (a
 * viewing, a kiosk's attract loop) renders `<slot.In>…</slot.In>` from outside the canvas. So the
 * canvas, its WebGL context and an XR session outlive each viewing: a kiosk keeps the headset's
 * session from the attract loop through the film and back. One `In` at a time; the last one wins.
 */
export interface StageSlot {
  readonly In: (props: { readonly children: ReactNode }) => null;
  readonly Out: () => ReactNode;
}

export function createStageSlot(): StageSlot {
  let content: ReactNode = null;
  let owner: object | null = null;
  const listeners = new Set<() => void>();
  const fill = (next: ReactNode, by: object | null) => {
    content = next;
    owner = by;
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  function In({ children }: { readonly children: ReactNode }): null {
    // Who filled the slot: an In unmounting after another took over leaves the newcomer's content.
    const [self] = useState(() => ({}));
    useLayoutEffect(() => fill(children, self), [children, self]);
    useLayoutEffect(() => () => (owner === self ? fill(null, null) : undefined), [self]);
    return null;
  }
  function Out(): ReactNode {
    return useSyncExternalStore(subscribe, () => content);
  }
  return { In, Out };
}
