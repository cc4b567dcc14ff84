import { Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

// A kiosk's shell (attract loop, operator panel, records, offline) is code a viewer's page never runs.
const Kiosk = lazy(() => import('./kiosk').then((m) => ({ default: m.Kiosk })));

/** Renders the player, or a kiosk around it (`?mode=kiosk`), into the page's root element. */
export function mount(root: HTMLElement, kiosk: { readonly kiosk: string | null } | null): void {
  createRoot(root).render(
    kiosk ? (
      <Suspense fallback={null}>
        <Kiosk name={kiosk.kiosk} />
      </Suspense>
    ) : (
      <App />
    ),
  );
}
