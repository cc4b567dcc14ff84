import { useCallback, useEffect, useState } from 'react';

export interface Fullscreen {
  /** The page is fullscreen, or null where it cannot be (e.g. iPhone Safari). */
  readonly active: boolean | null;
  /** Enters or leaves fullscreen; call it from the viewer's click, which browsers require. */
  readonly toggle: () => void;
}

/** Whether the page is fullscreen, following the browser (Esc, the system's own controls). */
export function useFullscreen(): Fullscreen {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => {});
  }, []);
  return { active: document.fullscreenEnabled ? active : null, toggle };
}
