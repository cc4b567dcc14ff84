import { useEffect, useState } from 'react';

export interface FullscreenButtonProps {
  readonly enter: string;
  readonly exit: string;
}

/** Fullscreen on screens that allow it (not shown where the page cannot go fullscreen, e.g. iPhone Safari). */
export function FullscreenButton({ enter, exit }: FullscreenButtonProps) {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => {});
  };
  return (
    <button type="button" className="fullscreen" aria-pressed={active} onClick={toggle}>
      {active ? exit : enter}
    </button>
  );
}
