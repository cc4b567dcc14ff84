import { useCallback, useEffect, useMemo } from 'react';
import { createFilmCache, registerPlayerServiceWorker, requestPersistentStorage } from './offline';

/**
 * Makes a kiosk work without a network: registers the service worker (the app shell), asks for
 * persistent storage and caches the kiosk's film. Where that stands is mirrored on the root element
 * for tests and monitors: `data-offline` is `caching`, then `ready` (the page reloads and plays the
 * film with the network gone) or `failed` (it needs the network; the console says why), and
 * `data-persisted` says whether the browser granted persistent storage.
 *
 * Returns `refresh`, which brings the film's cache up to date again (a new version deployed under a
 * running kiosk): the service worker answers the film from that cache, so the kiosk refreshes it
 * before it reads the film for its next viewing. It never rejects; offline it settles at once.
 */
export function useOfflineKiosk(film: string | null): () => Promise<void> {
  const cache = useMemo(() => (film === null ? null : createFilmCache({ film, siteBase: document.baseURI })), [film]);
  useEffect(() => {
    if (cache === null) return;
    let live = true;
    const root = document.documentElement;
    root.dataset['offline'] = 'caching';
    void Promise.all([registerPlayerServiceWorker(), requestPersistentStorage(), cache.update()]).then(([worker, storage, progress]) => {
      if (!live || worker === 'updating') return; // a newer player takes over with a reload
      for (const problem of progress.problems) console.warn(`sightline: caching ${film}: ${problem}`);
      root.dataset['persisted'] = String(storage.persisted ?? false);
      root.dataset['offline'] = worker === 'active' && progress.complete ? 'ready' : 'failed';
    });
    return () => {
      live = false;
    };
  }, [cache, film]);
  return useCallback(async () => {
    if (cache === null) return;
    const progress = await cache.update().catch(() => null);
    for (const problem of progress?.problems ?? []) console.warn(`sightline: caching ${film}: ${problem}`);
  }, [cache, film]);
}
