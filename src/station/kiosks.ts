import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { kioskFileSchema } from '../records';
import { type Diagnostic, formatDiagnostic, parseJson, schemaDiagnostics } from '../story';

/** Who a bearer token belongs to. Tokens are kept only as SHA-256 digests, so a lookup compares no secret byte by byte. */
export interface KioskTokens {
  /** The kiosk id of a token, or null for an unknown one. */
  kioskOf(token: string): string | null;
  readonly ids: readonly string[];
}

/** `--kiosks <file>`: kiosks that are not in the served folder (online stations, kiosks with their own copy of the player). */
export const kiosksFileSchema = z.array(
  z.strictObject({
    id: kioskFileSchema.shape.id,
    token: kioskFileSchema.shape.station.unwrap().unwrap().shape.token,
  }),
);

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class KioskFileError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`station: kiosk files with errors:\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);
  }
}

/**
 * Learns kiosks and their tokens from the kiosk files of the served folder (`kiosk.json`,
 * `kiosk-*.json`, validated like the kiosk validates them) and from a `--kiosks` list. A file with
 * errors, or one token for two kiosks, stops the station with diagnostics: a kiosk whose records
 * would be refused should be noticed at start, not at the end of a festival day.
 */
export function loadKiosks(options: { readonly dist?: string | undefined; readonly file?: string | undefined }): KioskTokens {
  const entries: Array<{ id: string; token: string; file: string }> = [];
  const diagnostics: Diagnostic[] = [];
  const read = (path: string, name: string, schema: z.ZodType, take: (value: never) => void) => {
    const parsed = parseJson(readFileSync(path, 'utf8'), name);
    if ('diagnostic' in parsed) return void diagnostics.push(parsed.diagnostic);
    const result = schema.safeParse(parsed.value);
    if (!result.success) return void diagnostics.push(...schemaDiagnostics(result.error.issues, name, parsed.value, 'kiosk.schema.json'));
    take(result.data as never);
  };
  if (options.dist && existsSync(options.dist)) {
    for (const name of readdirSync(options.dist).filter((f) => /^kiosk(-[^/\\]+)?\.json$/.test(f) && f !== 'kiosk.schema.json').sort())
      read(join(options.dist, name), name, kioskFileSchema, (kiosk: z.output<typeof kioskFileSchema>) => {
        if (kiosk.station) entries.push({ id: kiosk.id, token: kiosk.station.token, file: name });
      });
  }
  if (options.file) read(options.file, options.file, kiosksFileSchema, (list: z.output<typeof kiosksFileSchema>) => entries.push(...list.map((k) => ({ ...k, file: options.file! }))));

  const byDigest = new Map<string, string>();
  for (const e of entries) {
    const key = digest(e.token);
    const other = byDigest.get(key);
    if (other !== undefined && other !== e.id)
      diagnostics.push({ severity: 'error', code: 'kiosk.token-shared', file: e.file, path: '$.station.token', message: `kiosks "${other}" and "${e.id}" have the same token`, hint: 'Give every kiosk its own token, so its records cannot be sent as another\'s.' });
    byDigest.set(key, e.id);
  }
  if (diagnostics.length > 0) throw new KioskFileError(diagnostics);
  return {
    kioskOf: (token) => byDigest.get(digest(token)) ?? null,
    ids: [...new Set(entries.map((e) => e.id))].sort(),
  };
}
