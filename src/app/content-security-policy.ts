import { createHash } from 'node:crypto';
import { BOOT_SCRIPT } from './boot-script.ts';

/**
 * The player's Content-Security-Policy, in one place: the build writes it into index.html as a
 * `<meta http-equiv>` (vite.config.ts), and whatever serves the player sends it as a header
 * (`vite preview` does; a station would). Nothing here touches the DOM, so Node code imports it too.
 *
 * Each source is here because something the player runs needs it, and no wider:
 * - scripts: only the app's own, the boot script inline in index.html (`boot-script.ts`) by the
 *   hash of its exact text, and `'wasm-unsafe-eval'` to compile WebAssembly (the Basis KTX2
 *   transcoder, the Draco and Meshopt decoders, Spark's splat engine);
 * - workers: the app's own and `blob:` (three's KTX2 and Draco loaders and Spark start their
 *   workers from blobs, which inherit this policy);
 * - fetches and images: the app's own and `blob:` (three's glTF loader reads a model's embedded
 *   images through blob URLs: fetched in Chromium, by an `<img>` in Safari and older Firefox);
 * - media and fonts: the app's own only;
 * - no plugins (`object-src`), no `<base>` to redirect relative URLs (`base-uri`).
 */
const BOOT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;

const DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", BOOT_SCRIPT_HASH, "'wasm-unsafe-eval'"]],
  ['worker-src', ["'self'", 'blob:']],
  ['connect-src', ["'self'", 'blob:']],
  ['img-src', ["'self'", 'blob:']],
  ['media-src', ["'self'"]],
  ['font-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
];

export interface ContentSecurityPolicyOptions {
  /**
   * Who may show the player in a frame (`frame-ancestors`): `'self'`, `'none'`, or origins such as
   * `https://festival.example` for a site that embeds it. Browsers honour this only in a header,
   * never in a meta tag.
   * @default ["'self'"]
   */
  readonly frameAncestors?: readonly string[];
}

const join = (directives: ReadonlyArray<readonly [string, readonly string[]]>) => directives.map(([d, sources]) => `${d} ${sources.join(' ')}`).join('; ');

/** The policy for index.html's `<meta http-equiv="Content-Security-Policy">` (no `frame-ancestors`: ignored there). */
export function contentSecurityPolicyMeta(): string {
  return join(DIRECTIVES);
}

/** The policy as a `Content-Security-Policy` header, for a server that serves the player. */
export function contentSecurityPolicyHeader(options: ContentSecurityPolicyOptions = {}): string {
  const frameAncestors = options.frameAncestors ?? ["'self'"];
  if (frameAncestors.length === 0) throw new Error("csp: frameAncestors lists no source; use [\"'none'\"] to forbid every frame");
  // A space, comma or semicolon in a source would smuggle in another source or directive.
  const odd = frameAncestors.find((source) => !/^[^\s;,]+$/.test(source));
  if (odd !== undefined) throw new Error(`csp: frame ancestor ${JSON.stringify(odd)} is not one source (an origin such as https://festival.example, or 'self')`);
  return join([...DIRECTIVES, ['frame-ancestors', frameAncestors]]);
}
