/**
 * `fn` run at most once per `gapMs`: a call inside the gap is put off to its end (once, however
 * many calls came), and `now()` runs it at once. A story whose timers fire in a tight loop changes
 * its state hundreds of times a second; its save is written a few times a second at most.
 */
export function coalesce(fn: () => void, gapMs: number): { soon(): void; now(): void; cancel(): void } {
  let last = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
    last = performance.now();
    fn();
  };
  return {
    now,
    soon() {
      if (pending !== undefined) return;
      const wait = last + gapMs - performance.now();
      if (wait <= 0) now();
      else pending = setTimeout(now, wait);
    },
    cancel() {
      if (pending !== undefined) clearTimeout(pending);
      pending = undefined;
    },
  };
}
