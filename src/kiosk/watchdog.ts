import { useEffect, useRef } from 'react';
import { testHooks } from '../app';
import type { HeadState } from '../stage';

/**
 * Reloads the page when no frame has been drawn for `seconds` while it can be seen: a hung
 * renderer, a GPU process that died. Frames stop on their own while the page or the headset is
 * hidden, so only a visible page counts. The kiosk starts again in its attract loop; its records
 * and upload queue are in IndexedDB and survive.
 */
export function useWatchdog(head: HeadState, seconds: number, session: XRSession | null, onStall: () => void): void {
  const stall = useRef(onStall);
  stall.current = onStall;
  useEffect(() => {
    let since = performance.now();
    let frames = head.frames;
    const timer = window.setInterval(() => {
      const visible = !document.hidden && (session === null || session.visibilityState !== 'hidden');
      const drawn = head.frames !== frames && !testHooks().stallFrames;
      if (drawn || !visible) {
        frames = head.frames;
        since = performance.now();
        return;
      }
      if (performance.now() - since >= seconds * 1000) {
        window.clearInterval(timer);
        stall.current();
      }
    }, 500);
    return () => window.clearInterval(timer);
  }, [head, seconds, session]);
}
