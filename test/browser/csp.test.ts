import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { contentSecurityPolicyHeader, contentSecurityPolicyMeta } from '../../src/app/content-security-policy';
import { takeViolations, usePlayer, violations, waitForApp } from './harness';

/**
 * The player's Content-Security-Policy, present and enforced. Every other browser test runs under
 * it too, and fails on anything it blocks (see usePlayer).
 */
const open = usePlayer();
const baseUrl = inject('baseUrl');

async function openPlayer(): Promise<Page> {
  const page = await open('');
  await waitForApp(page, { status: 'ready' });
  return page;
}

/**
 * Waits until `securitypolicyviolation` events of exactly these directives have been recorded, then
 * closes the page and takes every violation it recorded (the console's reports of the same too),
 * so they fail nothing. The page has the policy twice, as its meta tag and as a header: each reports.
 */
async function expectBlocked(page: Page, directives: string[]): Promise<void> {
  const seen = () => [...new Set(violations(page).flatMap((v) => /^event: (\S+)/.exec(v)?.[1] ?? []))].sort();
  await expect.poll(seen).toEqual([...directives].sort());
  await page.context().close();
  takeViolations(page);
}

describe('the Content-Security-Policy', () => {
  it('is in the built page as a meta tag, and served as a header that also says who may frame the player', async () => {
    const page = await openPlayer();
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(contentSecurityPolicyMeta());
    // First in the head, so it governs every script and style after it.
    expect(await page.evaluate(() => document.head.firstElementChild?.getAttribute('http-equiv'))).toBe('Content-Security-Policy');
    const response = await fetch(baseUrl);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicyHeader());
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  it('runs no inline script, no script from elsewhere and no eval, and reports each', async () => {
    const page = await openPlayer();
    const ran = await page.evaluate(async () => {
      const g = globalThis as { ran?: string[] };
      g.ran = [];
      const inline = document.createElement('script');
      inline.textContent = 'globalThis.ran.push("inline")';
      document.head.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://cdn.example/sightline.js';
      const refused = new Promise((resolve) => remote.addEventListener('error', resolve));
      document.head.append(remote);
      await refused;
      try {
        (0, eval)('globalThis.ran.push("eval")');
      } catch (e) {
        g.ran.push((e as Error).name);
      }
      return g.ran;
    });
    expect(ran).toEqual(['EvalError']);
    await expectBlocked(page, ['script-src', 'script-src-elem']);
  });

  it('compiles WebAssembly (the decoders need it) but loads no plugin and no style from outside', async () => {
    const page = await openPlayer();
    // The smallest module: the magic number and version 1.
    const compiled = await page.evaluate(() => WebAssembly.compile(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])).then(() => true));
    expect(compiled).toBe(true);
    await page.evaluate(() => {
      const plugin = document.createElement('object');
      plugin.data = 'movie.swf';
      document.body.append(plugin);
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = 'https://fonts.example/style.css';
      document.head.append(style);
    });
    await expectBlocked(page, ['object-src', 'style-src-elem']);
  });
});
