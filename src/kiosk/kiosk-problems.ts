import type { KioskFile } from '../records';
import { type Diagnostic, jsonPath } from '../story';

/**
 * What a valid kiosk file still gets wrong once the kiosk knows its film and where it runs: a
 * language the film does not have, or a station on another address than the player's, where the
 * player's Content-Security-Policy (connect-src 'self') would refuse every upload.
 */
export function kioskProblems(kiosk: KioskFile, filmLanguages: readonly string[], file: string, playerOrigin: string): Diagnostic[] {
  const languages = kiosk.languages.flatMap((l, i) =>
    filmLanguages.includes(l)
      ? []
      : [
          {
            severity: 'error' as const,
            code: 'kiosk.language' as const,
            file,
            path: jsonPath(['languages', i]),
            message: `the film "${kiosk.film}" has no "${l}"`,
            hint: `Offer only the film's languages: ${filmLanguages.join(', ')}.`,
          },
        ],
  );
  const station = kiosk.station && new URL(kiosk.station.url).origin !== playerOrigin
    ? [
        {
          severity: 'error' as const,
          code: 'kiosk.station-origin' as const,
          file,
          path: jsonPath(['station', 'url']),
          message: `the station ${new URL(kiosk.station.url).origin} is not the address this player was served from (${playerOrigin}), so the player may not send it viewings`,
          hint: 'Open the kiosk from its station (https://<station>/?mode=kiosk, as `sightline serve` serves the player), or give the station address the player is served from.',
        },
      ]
    : [];
  return [...languages, ...station];
}
