import type { KioskFile } from '../records';

/**
 * What the operator changed on the kiosk itself (film, edition, languages), kept in the browser and
 * laid over kiosk.json for the next viewings. Cleared by choosing the file's own values again.
 */
export interface KioskOverrides {
  readonly film?: string;
  readonly edition?: string | null;
  readonly languages?: readonly string[];
}

const key = (kiosk: string) => `sightline.kiosk.${kiosk}.overrides`;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function readOverrides(kiosk: string, storage: Pick<Storage, 'getItem'> = localStorage): KioskOverrides {
  try {
    const raw = JSON.parse(storage.getItem(key(kiosk)) ?? '{}') as Record<string, unknown>;
    const out: { film?: string; edition?: string | null; languages?: string[] } = {};
    if (typeof raw['film'] === 'string' && ID.test(raw['film'])) out.film = raw['film'];
    if (raw['edition'] === null || (typeof raw['edition'] === 'string' && ID.test(raw['edition']))) out.edition = raw['edition'];
    if (Array.isArray(raw['languages']) && raw['languages'].length > 0 && raw['languages'].every((l) => typeof l === 'string' && LANGUAGE.test(l))) out.languages = raw['languages'] as string[];
    return out;
  } catch {
    return {};
  }
}

export function writeOverrides(kiosk: string, overrides: KioskOverrides, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(key(kiosk), JSON.stringify(overrides));
}

/** The kiosk file with the operator's changes over it. */
export function withOverrides(file: KioskFile, overrides: KioskOverrides): KioskFile {
  return {
    ...file,
    film: overrides.film ?? file.film,
    edition: overrides.edition !== undefined ? overrides.edition : overrides.film !== undefined && overrides.film !== file.film ? null : file.edition,
    languages: overrides.languages ? [...overrides.languages] : file.languages,
  };
}
