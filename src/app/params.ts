/** The film the player opens when no `?film=` is given. */
export const DEFAULT_FILM = 'glass-sky';

/** What a film id (its folder under `scenes/`) may be: lowercase letters, digits and "-". */
export const FILM_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface PlayerParams {
  readonly film: string;
  /** Requested language, or null to follow the browser. */
  readonly lang: string | null;
  /** Skip the start screen (kiosks, tests); a saved place is not offered then. */
  readonly autoplay: boolean;
  /** Requested edition, or null for the film's default. */
  readonly edition: string | null;
  /** Author preview: open on this scene (a fresh viewing, autoplay implied), or null. */
  readonly scene: string | null;
  /** Author preview: every hotspot outlined with its label. */
  readonly hotspots: boolean;
  /** Author preview: `?var.<name>=<value>` initial variable values, as written (typed by the film). */
  readonly variables: Readonly<Record<string, string>>;
}

export function readPlayerParams(search: string): PlayerParams {
  const params = new URLSearchParams(search);
  return {
    film: params.get('film') || DEFAULT_FILM,
    lang: params.get('lang') || null,
    autoplay: params.get('autoplay') === '1',
    edition: params.get('edition') || null,
    scene: params.get('scene') || null,
    hotspots: params.get('hotspots') === '1',
    variables: Object.fromEntries([...params].filter(([key]) => key.startsWith('var.') && key.length > 4).map(([key, value]) => [key.slice(4), value])),
  };
}

/**
 * Kiosk mode, `?mode=kiosk`: which kiosk file to read (`&kiosk=<name>` names `kiosk-<name>.json`;
 * without it, `kiosk.json`), or null outside kiosk mode. The name is checked where the file is read.
 */
export function readKioskMode(search: string): { readonly kiosk: string | null } | null {
  const params = new URLSearchParams(search);
  return params.get('mode') === 'kiosk' ? { kiosk: params.get('kiosk') || null } : null;
}
