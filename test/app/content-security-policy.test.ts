import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BOOT_SCRIPT } from '../../src/app/boot-script';
import { contentSecurityPolicyHeader, contentSecurityPolicyMeta } from '../../src/app/content-security-policy';

/** A policy's directives as a map from name to its sources. */
const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('the Content-Security-Policy', () => {
  it('allows the app its own scripts and WebAssembly, but no eval, no inline code, no plugins and no <base>', () => {
    const policy = directives(contentSecurityPolicyMeta());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    // The one inline script is index.html's boot script, allowed by the hash of its exact text.
    const bootHash = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;
    expect(policy.get('script-src')).toEqual(["'self'", bootHash, "'wasm-unsafe-eval'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(contentSecurityPolicyMeta()).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*|https?:/);
  });

  it('says who may frame the player only in the header (browsers ignore it in a meta tag)', () => {
    expect(directives(contentSecurityPolicyMeta()).has('frame-ancestors')).toBe(false);
    expect(contentSecurityPolicyHeader()).toBe(`${contentSecurityPolicyMeta()}; frame-ancestors 'self'`);
    expect(directives(contentSecurityPolicyHeader({ frameAncestors: ["'self'", 'https://festival.example'] })).get('frame-ancestors')).toEqual([
      "'self'",
      'https://festival.example',
    ]);
    expect(directives(contentSecurityPolicyHeader({ frameAncestors: ["'none'"] })).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('refuses a frame ancestor that would smuggle in more than one source', () => {
    expect(() => contentSecurityPolicyHeader({ frameAncestors: ['https://a.example; script-src *'] })).toThrow(/not one source/);
    expect(() => contentSecurityPolicyHeader({ frameAncestors: ['https://a.example https://b.example'] })).toThrow(/not one source/);
    expect(() => contentSecurityPolicyHeader({ frameAncestors: [] })).toThrow(/no source/);
  });
});
