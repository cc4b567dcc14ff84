import { useEffect } from 'react';

/**
 * Kiosk mode leaves visitors no way out of the film: no context menu, no text selection, no
 * pinch or ctrl-wheel zoom, no browser shortcuts that a page may stop (reload, back, print, find,
 * zoom, developer tools). Shortcuts the browser keeps for itself need Chromium's kiosk flags (README).
 */
export function useLockdown(): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('kiosk-locked');
    const viewport = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
    const before = viewport?.content;
    if (viewport) viewport.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover';
    const stop = (e: Event) => e.preventDefault();
    const onKey = (e: KeyboardEvent) => {
      // The operator's chord stays (Ctrl+Alt+O); so do keys the film uses (arrows, Tab, Enter, R, Space).
      if (e.ctrlKey && e.altKey && e.code === 'KeyO') return;
      const blocked =
        /^F\d+$/.test(e.key) ||
        ((e.ctrlKey || e.metaKey) && !e.altKey) ||
        (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home')) ||
        (e.key === 'Backspace' && !(e.target instanceof HTMLInputElement));
      if (blocked) e.preventDefault();
    };
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey) e.preventDefault();
    };
    document.addEventListener('contextmenu', stop);
    document.addEventListener('selectstart', stop);
    document.addEventListener('dragstart', stop);
    document.addEventListener('gesturestart', stop);
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      root.classList.remove('kiosk-locked');
      if (viewport && before !== undefined) viewport.content = before;
      document.removeEventListener('contextmenu', stop);
      document.removeEventListener('selectstart', stop);
      document.removeEventListener('dragstart', stop);
      document.removeEventListener('gesturestart', stop);
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('wheel', onWheel);
    };
  }, []);
}
