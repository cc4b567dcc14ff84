import { testHooks } from '../app';

/** A kiosk's own time in ms: idle, countdowns, the credits' stay, the attract loop, viewing records. */
export interface KioskClock {
  now(): number;
}

/**
 * The page's clock, or under a test's `kioskClock: 'manual'` hook one that stands still until the
 * test calls `__SIGHTLINE_TEST__.advanceKiosk(ms)`, so tests step kiosk time instead of racing it.
 */
export function createKioskClock(): KioskClock {
  const hooks = testHooks();
  if (hooks.kioskClock !== 'manual') return { now: () => performance.now() };
  let now = 0;
  hooks.advanceKiosk = (ms: number) => {
    now += ms;
  };
  return { now: () => now };
}
