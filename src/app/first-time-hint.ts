import { useEffect, useState } from 'react';

const SEEN_KEY = 'sightline.hint-seen';
const SHOW_MS = 9000;

/**
 * Whether to show the "looking matters" hint: once per browser, until the viewer's first dwell or
 * for a few seconds.
 */
export function useFirstTimeHint(viewerHasDwelled: boolean): boolean {
  const [show, setShow] = useState(() => !readSeen());
  useEffect(() => {
    if (!show) return;
    writeSeen();
    const timer = window.setTimeout(() => setShow(false), SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [show]);
  useEffect(() => {
    if (viewerHasDwelled) setShow(false);
  }, [viewerHasDwelled]);
  return show;
}

function readSeen(): boolean {
  try {
    return window.localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false; // Storage can be blocked (private modes, kiosks); then the hint shows each time.
  }
}

function writeSeen(): void {
  try {
    window.localStorage.setItem(SEEN_KEY, '1');
  } catch {
    /* see readSeen */
  }
}
