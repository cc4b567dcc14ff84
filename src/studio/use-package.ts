import { useEffect, useState } from 'react';
import { PACKAGE_EVENT, PACKAGE_URL, type PackagePayload } from './package-protocol';
import { type PackageReading, readPackage } from './package-source';

export interface StudioPackage {
  /** The newest reading, good or broken: its diagnostics are the ones listed. */
  readonly latest: PackageReading | null;
  /** The newest reading that plays: the map and the preview show it. */
  readonly good: (PackageReading & { readonly story: NonNullable<PackageReading['story']> }) | null;
  /** Why nothing could be read at all (no server, no package), or null. */
  readonly failure: string | null;
}

/**
 * The package the studio shows. Under `npm run studio` the dev server hands it over and sends it
 * again on every save (an HMR event, no reload); in a build (the station's /studio, `vite preview`)
 * the studio reads `scenes/<?film=>/story.json` once, as the player does.
 */
export function usePackage(filmParam: string): StudioPackage {
  const [state, setState] = useState<StudioPackage>({ latest: null, good: null, failure: null });
  useEffect(() => {
    let live = true;
    const take = (reading: PackageReading) => {
      if (!live) return;
      setState((previous) => ({ latest: reading, good: reading.story ? (reading as StudioPackage['good']) : previous.good, failure: null }));
    };
    const fail = (failure: string) => live && setState((previous) => ({ ...previous, failure }));
    const fromFiles = async () => {
      const response = await fetch(new URL(`scenes/${filmParam}/story.json`, document.baseURI), { cache: 'no-cache' });
      if (!response.ok) return fail(`scenes/${filmParam}/story.json could not be fetched (HTTP ${response.status})`);
      take(readPackage({ film: filmParam, revision: response.headers.get('etag') ?? '0', text: await response.text(), diagnostics: [] }, false));
    };
    const hot = import.meta.hot;
    const onEvent = (payload: PackagePayload) => take(readPackage(payload, true));
    if (hot) {
      hot.on(PACKAGE_EVENT, onEvent);
      void fetch(PACKAGE_URL, { cache: 'no-store' })
        // Plain \`npm start\` has no package of its own: its page fallback answers with HTML, and the studio reads ?film= instead.
        .then(async (response) => (response.ok && response.headers.get('content-type')?.startsWith('application/json') ? onEvent((await response.json()) as PackagePayload) : fromFiles()))
        .catch((error: unknown) => fail(String(error)));
    } else void fromFiles().catch((error: unknown) => fail(String(error)));
    return () => {
      live = false;
      hot?.off(PACKAGE_EVENT, onEvent);
    };
  }, [filmParam]);
  return state;
}
