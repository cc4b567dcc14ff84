import { useEffect, useState } from 'react';

export interface CountdownProps {
  readonly deadline: { readonly fromMs: number; readonly toMs: number };
  readonly clock: { now(): number };
  readonly label: string;
}

/** Seconds left to choose, on screen (the panels in 3D carry a shrinking bar). */
export function Countdown({ deadline, clock, label }: CountdownProps) {
  const [left, setLeft] = useState(() => Math.ceil((deadline.toMs - clock.now()) / 1000));
  useEffect(() => {
    const timer = window.setInterval(() => setLeft(Math.max(0, Math.ceil((deadline.toMs - clock.now()) / 1000))), 250);
    return () => window.clearInterval(timer);
  }, [deadline, clock]);
  return (
    <p className="countdown" aria-hidden="true">
      {label}: {Math.max(0, left)} s
    </p>
  );
}
