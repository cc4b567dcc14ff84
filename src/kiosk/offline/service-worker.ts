import { SKIP_WAITING } from '../../offline-shared';

/**
 * `unsupported`: no service workers here (an http:// address other than localhost, an old browser);
 * `active`: the app shell is cached and the page reloads without a network; `failed`: the worker
 * could not be registered or installed (see the console); `updating`: a newer player is taking over
 * and the page is about to reload into it.
 */
export type ServiceWorkerState = 'unsupported' | 'active' | 'failed' | 'updating';

export interface PlayerServiceWorkerOptions {
  /** The player's page address; the worker is `sw.js` beside index.html. @default document.baseURI */
  readonly siteBase?: string;
  /** @default navigator.serviceWorker */
  readonly container?: ServiceWorkerContainer;
  /** Reloads the page into a newer player. @default () => location.reload() */
  readonly reload?: () => void;
}

/**
 * Registers the player's service worker (built by vite-plugin-pwa from src/sw/sw.ts) and resolves
 * once it is active, i.e. once its install has cached the app shell, or with why not.
 *
 * Kiosk mode only: a viewer's browser gets no worker and downloads nothing it does not play. A newer
 * player found while the kiosk runs installs in the background and waits; the next start (a reload,
 * the watchdog, the next morning) hands over to it before anything plays, so a viewing never runs
 * on a mix of two versions.
 */
export async function registerPlayerServiceWorker(options: PlayerServiceWorkerOptions = {}): Promise<ServiceWorkerState> {
  const container = options.container ?? globalThis.navigator?.serviceWorker;
  if (!container) return 'unsupported';
  let registration: ServiceWorkerRegistration;
  try {
    registration = await container.register(new URL('sw.js', options.siteBase ?? document.baseURI).href);
  } catch (error) {
    console.warn(`sightline: the service worker could not be registered (${String(error)}); the kiosk needs the network`);
    return 'failed';
  }
  if (registration.waiting && container.controller) {
    const reload = options.reload ?? (() => location.reload());
    container.addEventListener('controllerchange', () => reload(), { once: true });
    registration.waiting.postMessage({ type: SKIP_WAITING });
    return 'updating';
  }
  if (registration.active) return 'active';
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return 'failed';
  return new Promise((resolve) => {
    const settle = () => {
      if (worker.state === 'activated') resolve('active');
      else if (worker.state === 'redundant') {
        console.warn('sightline: the service worker failed to install (could the app shell not be fetched?); the kiosk needs the network');
        resolve('failed');
      } else return;
      worker.removeEventListener('statechange', settle);
    };
    worker.addEventListener('statechange', settle);
    settle();
  });
}
