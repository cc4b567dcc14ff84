import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../src/app/coalesce';

describe('saves coalesced', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('writes at most once per gap however often it is asked, and the last ask is never lost', () => {
    let writes = 0;
    const saving = coalesce(() => writes++, 250);
    // A story whose timers fire in a tight loop: 1,000 changes in one second.
    for (let i = 0; i < 1000; i++) {
      saving.soon();
      vi.advanceTimersByTime(1);
    }
    expect(writes).toBeGreaterThanOrEqual(4);
    expect(writes).toBeLessThanOrEqual(5);
    saving.soon();
    vi.advanceTimersByTime(250);
    const settled = writes;
    vi.advanceTimersByTime(1000);
    expect(writes).toBe(settled);
  });

  it('writes at once when asked to (leaving the page), and drops what was put off', () => {
    let writes = 0;
    const saving = coalesce(() => writes++, 250);
    saving.soon();
    saving.soon();
    expect(writes).toBe(1);
    saving.now();
    expect(writes).toBe(2);
    saving.soon();
    saving.cancel();
    vi.advanceTimersByTime(1000);
    expect(writes).toBe(2);
  });
});
