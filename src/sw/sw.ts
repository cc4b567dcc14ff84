import { clientsClaim } from 'workbox-core';
import { type PrecacheEntry, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SKIP_WAITING, filmCacheName, filmOfUrl, fillsFilmCache } from '../offline-shared';

/**
 * The player's service worker, registered in kiosk mode only (src/kiosk/offline/service-worker.ts).
 * vite-plugin-pwa builds it into dist/sw.js and writes the app shell's file list into
 * `self.__WB_MANIFEST` (which files: src/build/offline.ts).
 */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

const site = new URL(self.registration.scope);

// The app shell: index.html, scripts and styles, decoders, the CJK font, controller models, icons.
// Installing caches all of it, so a kiosk reloads with the network gone.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page of the player is index.html with parameters (?mode=kiosk&kiosk=…, ?film=…).
const escaped = site.pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { allowlist: [new RegExp(`^${escaped}(index\\.html)?(\\?.*)?$`)] }));

// A film's files: from the film's cache when the kiosk has cached it (a Range request, as video
// makes to play and seek, gets its bytes cut from the cached full response), otherwise from the
// network. The worker never stores a film file itself: only a kiosk's film cache does, so a viewer
// who is not a kiosk downloads nothing beyond what plays. The film cache's own checks and downloads
// are not answered here and go to the network.
registerRoute(
  ({ url, request }) => filmOfUrl(url, site) !== null && !fillsFilmCache(request),
  async ({ url, request }) => {
    const cached = await caches.match(request, { cacheName: filmCacheName(filmOfUrl(url, site)!) });
    if (!cached) return fetch(request);
    return request.headers.has('range') ? createPartialResponse(request, cached) : cached;
  },
);

// The first version takes the page at once; a later one waits until the kiosk's next start asks.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});
clientsClaim();
