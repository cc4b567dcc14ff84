import { useEffect, useMemo, useState } from 'react';
import { type LoadedKioskFile, linkKioskManifest, loadKioskFile } from '../kiosk';
import type { KioskFile } from '../records';
import { App } from './App';
import { ErrorScreen } from './ErrorScreen';
import { type PlayerParams, readPlayerParams } from './params';
import { pickLanguage, uiText } from '../story';
import { useOfflineKiosk } from './use-offline-kiosk';

export interface OfflineKioskProps {
  /** `?kiosk=<name>` (kiosk-<name>.json), or null for kiosk.json. */
  readonly name: string | null;
}

/**
 * Kiosk mode until the kiosk's own screens (attract loop, reset, operator panel) take its place:
 * reads the kiosk file, makes the kiosk work offline, and plays the kiosk's film as
 * `?film=<film>&autoplay=1` would, in the kiosk's edition and first language. A bad kiosk file gets
 * the error screen, naming the file and the field.
 */
export function OfflineKiosk({ name }: OfflineKioskProps) {
  const [loaded, setLoaded] = useState<LoadedKioskFile | null>(null);
  useEffect(() => {
    let live = true;
    linkKioskManifest();
    loadKioskFile(name, document.baseURI).then(
      (result) => live && setLoaded(result),
      (error: unknown) =>
        live &&
        setLoaded({
          ok: false,
          diagnostics: [{ severity: 'error', code: 'kiosk.unexpected', file: '(player)', path: '$', message: String(error), hint: 'Reload the page; if it happens again, report it with this message.' }],
        }),
    );
    return () => {
      live = false;
    };
  }, [name]);
  const kiosk = loaded?.ok ? loaded.kiosk : null;
  useOfflineKiosk(kiosk?.film ?? null);
  const params = useMemo(() => (kiosk ? kioskPlayerParams(kiosk) : null), [kiosk]);

  if (params) return <App params={params} />;
  const language = pickLanguage(null, navigator.languages ?? [navigator.language], ['en', 'zh-CN']);
  return (
    <div className="app" data-status={loaded ? 'error' : 'loading'} data-scene="" lang={language}>
      {loaded && !loaded.ok ? <ErrorScreen diagnostics={loaded.diagnostics} text={uiText(language)} /> : <p className="loading">{uiText(language).loading}</p>}
    </div>
  );
}

function kioskPlayerParams(kiosk: KioskFile): PlayerParams {
  return { ...readPlayerParams(''), film: kiosk.film, autoplay: true, edition: kiosk.edition, lang: kiosk.languages[0]! };
}
