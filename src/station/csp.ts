/**
 * The app's Content-Security-Policy, sent as a header. The build writes it once, as a
 * `<meta http-equiv="Content-Security-Policy">` in index.html; the station reads it from the
 * index.html it serves, so the two never disagree. A meta policy cannot say who may frame the page,
 * so `frame-ancestors` is added here (and `sandbox`/`report-uri`, which meta ignores, are kept).
 */

/** Used when the served index.html carries no policy: same-origin everything, WebAssembly allowed (decoders, Spark). */
export const DEFAULT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The policy of an HTML page's CSP meta element, or null when it has none. */
export function metaPolicy(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attributes = new Map<string, string>();
    for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) attributes.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') {
      const content = attributes.get('content')?.trim();
      if (content) return content;
    }
  }
  return null;
}

/** The header value: the page's policy (or the default), with `frame-ancestors` set to `frameAncestors`. */
export function contentSecurityPolicy(indexHtml: string | null, frameAncestors = "'none'"): string {
  const policy = (indexHtml === null ? null : metaPolicy(indexHtml)) ?? DEFAULT_CSP;
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^frame-ancestors\b/i.test(d));
  directives.push(`frame-ancestors ${frameAncestors}`);
  // A header value is one line: a policy with a line break would split the response.
  return directives.join('; ').replace(/[\r\n]+/g, ' ');
}

function decodeEntities(text: string): string {
  return text.replace(/&(quot|apos|#39|amp|lt|gt);/g, (_, e: string) => ({ quot: '"', apos: "'", '#39': "'", amp: '&', lt: '<', gt: '>' })[e]!);
}
