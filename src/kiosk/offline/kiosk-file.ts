import { type KioskFile, kioskFileSchema } from '../../records';
import { type Diagnostic, type ErrorCode, parseJson, schemaDiagnostics } from '../../story';
import { KIOSK_FILE_CACHE } from '../../offline-shared';
import { isMissing } from './missing';

export type LoadedKioskFile =
  | { readonly ok: true; readonly kiosk: KioskFile; readonly file: string; /** Read from the last good copy: the server could not be reached. */ readonly cached: boolean }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface LoadKioskFileOptions {
  /** @default globalThis.caches (absent: no copy is kept) */
  readonly caches?: CacheStorage | undefined;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

const KIOSK_NAME = /^[a-z0-9-]+$/;

/** The kiosk file a name stands for: `kiosk.json`, or `kiosk-<name>.json` for `?kiosk=<name>`. */
export const kioskFileName = (name: string | null): string => (name === null ? 'kiosk.json' : `kiosk-${name}.json`);

/**
 * Reads and validates the kiosk file beside the player, network first so an edited file is picked
 * up at the next start, and keeps the last valid copy in Cache Storage for starts without a network.
 * Every failure becomes diagnostics naming the file and the field, for the error screen. The page
 * keeps the copy itself rather than leaving it to the service worker, which controls no page on
 * the kiosk's very first start.
 */
export async function loadKioskFile(name: string | null, siteBase: string, options: LoadKioskFileOptions = {}): Promise<LoadedKioskFile> {
  const file = kioskFileName(name);
  const fail = (code: ErrorCode, path: string, message: string, hint: string): LoadedKioskFile => ({
    ok: false,
    diagnostics: [{ severity: 'error', code, file, path, message, hint }],
  });
  if (name !== null && !KIOSK_NAME.test(name))
    return fail('kiosk.bad-name', '?kiosk', `"${name}" is not a kiosk name`, 'Kiosk names use lowercase letters, digits and "-", like ?kiosk=foyer for kiosk-foyer.json.');
  const caches = 'caches' in options ? options.caches : globalThis.caches;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = new URL(file, siteBase).href;
  const lastGood = async () => {
    try {
      return (await (await caches?.open(KIOSK_FILE_CACHE))?.match(url)) ?? null;
    } catch {
      return null;
    }
  };

  let text: string;
  let cached = false;
  try {
    const response = await fetchImpl(url, { cache: 'no-store' });
    if (isMissing(response))
      return fail('kiosk.not-found', '$', 'could not be found beside the player', `Put ${file} beside index.html (the README's kiosk section shows one), or check the ?kiosk= name.`);
    // A server error is no answer: play from the last good copy, as when offline.
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    const copy = await lastGood();
    if (!copy)
      return fail('kiosk.unreachable', '$', `could not be fetched (${error instanceof Error ? error.message : String(error)}) and no earlier copy is kept`, 'Connect the kiosk to the server once; after that it starts without a network.');
    text = await copy.text();
    cached = true;
  }

  const parsed = parseJson(text, file);
  if ('diagnostic' in parsed) return { ok: false, diagnostics: [parsed.diagnostic] };
  const result = kioskFileSchema.safeParse(parsed.value);
  if (!result.success) return { ok: false, diagnostics: schemaDiagnostics(result.error.issues, file, parsed.value, 'kiosk.schema.json') };
  if (!cached) {
    try {
      await (await caches?.open(KIOSK_FILE_CACHE))?.put(url, new Response(text, { headers: { 'Content-Type': 'application/json' } }));
    } catch (error) {
      console.warn(`sightline: ${file} could not be kept for starts without a network (${String(error)})`);
    }
  }
  return { ok: true, kiosk: result.data, file, cached };
}
