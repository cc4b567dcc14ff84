import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a generated operator password is kept, in the data folder. */
export const PASSWORD_FILE = 'operator-password';

/**
 * The operator password that opens the read side: `--password`, else SIGHTLINE_STATION_PASSWORD,
 * else the one generated into the data folder on the first run (`generated` says it is new, so the
 * command prints it once).
 */
export function operatorPassword(options: { readonly given?: string | undefined; readonly env?: string | undefined; readonly dataDir: string }): { password: string; generated: boolean } {
  if (options.given) return { password: options.given, generated: false };
  if (options.env) return { password: options.env, generated: false };
  const file = join(options.dataDir, PASSWORD_FILE);
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), generated: false };
  // 26 letters and digits that cannot be mistaken for one another: about 128 bits, easy to type on a headset.
  const password = [...randomBytes(26)].map((b) => 'abcdefghjkmnpqrstuvwxyz23456789'[b % 31]).join('').replace(/(.{6})(?=.)/g, '$1-');
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, generated: true };
}

const sha = (text: string) => createHash('sha256').update(text).digest();

/**
 * Checks an Authorization header for the operator password, as HTTP Basic (any user name; browsers
 * ask for it themselves at /studio and send it with the studio's requests). Compared in constant time.
 */
export function createOperatorCheck(password: string): (authorization: string | undefined) => boolean {
  const expected = sha(password);
  return (authorization) => {
    const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization?.trim() ?? '');
    if (!match) return false;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    return timingSafeEqual(sha(decoded.slice(colon + 1)), expected);
  };
}
