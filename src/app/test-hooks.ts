/**
 * Hooks a browser test sets before the app loads (with Playwright's addInitScript). Never read
 * from the URL, so viewers cannot change them.
 */
interface SightlineTestHooks {
  /** Scene milliseconds per real millisecond, to play long films in seconds. */
  readonly timeScale?: number;
}

export function testHooks(): SightlineTestHooks {
  const hooks = (globalThis as { __SIGHTLINE_TEST__?: SightlineTestHooks }).__SIGHTLINE_TEST__;
  return hooks ?? {};
}
