/** The film the player opens when no `?film=` is given. */
export const DEFAULT_FILM = 'hello';

export interface PlayerParams {
  readonly film: string;
  /** Requested language, or null to follow the browser. */
  readonly lang: string | null;
  /** Skip the start screen (kiosks, tests); a saved place is not offered then. */
  readonly autoplay: boolean;
  /** Requested edition, or null for the film's default. */
  readonly edition: string | null;
}

export function readPlayerParams(search: string): PlayerParams {
  const params = new URLSearchParams(search);
  return {
    film: params.get('film') || DEFAULT_FILM,
    lang: params.get('lang') || null,
    autoplay: params.get('autoplay') === '1',
    edition: params.get('edition') || null,
  };
}
