/** What the page shows; mirrored on the root as `data-status` for tests and kiosk monitors. */
export type AppStatus = 'loading' | 'ready' | 'playing' | 'ended' | 'error';
