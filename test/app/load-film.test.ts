import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFilm, loadStory } from '../../src/app/load-film';

/** The provenance fixture, served by a fake fetch; `provenance` replaces its provenance.json's body (null: 404). */
const dir = resolve(import.meta.dirname, '../fixtures/packages/provenance');
const SITE = 'https://films.example/player/';
function serve(provenance: string | null = readFileSync(resolve(dir, 'provenance.json'), 'utf8'), story = readFileSync(resolve(dir, 'story.json'), 'utf8')) {
  const fetched: string[] = [];
  const fetchImpl = (async (input: URL | RequestInfo) => {
    const url = String(input);
    fetched.push(url);
    if (url === `${SITE}scenes/provenance/story.json`) return new Response(story);
    if (url === `${SITE}scenes/provenance/provenance.json` && provenance !== null) return new Response(provenance);
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetchImpl, fetched };
}

describe('loadFilm and the provenance file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the provenance file the story names, inside the package', async () => {
    const { fetchImpl, fetched } = serve();
    const loaded = await loadFilm('provenance', SITE, fetchImpl);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(fetched).toEqual([`${SITE}scenes/provenance/story.json`, `${SITE}scenes/provenance/provenance.json`]);
    expect(loaded.provenance?.film).toBe('provenance');
    expect(Object.keys(loaded.provenance!.assets)).toContain('assets/gate.webp');
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"format": '],
    ['not the format', JSON.stringify({ format: 'sightline-provenance/1', film: 'provenance', assets: { 'assets/gate.webp': { role: 'panorama' } } })],
  ])('plays a film whose provenance file is %s, without it, and warns', async (_, body) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loaded = await loadFilm('provenance', SITE, serve(body).fetchImpl);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.provenance).toBeNull();
    expect(warn.mock.calls.some(([m]) => String(m).includes('provenance.json'))).toBe(true);
  });

  it('fetches no provenance when the story names none', async () => {
    const story = JSON.parse(readFileSync(resolve(dir, 'story.json'), 'utf8'));
    delete story.provenance;
    const { fetchImpl, fetched } = serve(null, JSON.stringify(story));
    const loaded = await loadFilm('provenance', SITE, fetchImpl);
    expect(loaded.ok && loaded.provenance).toBeNull();
    expect(fetched).toEqual([`${SITE}scenes/provenance/story.json`]);
  });

  it('hands over a valid story without waiting for its provenance, which follows', async () => {
    const { fetchImpl } = serve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The provenance file answers only when the test lets it.
    const slow = (async (input: URL | RequestInfo) => {
      if (String(input).endsWith('/provenance.json')) await held;
      return fetchImpl(input);
    }) as typeof fetch;
    const loaded = await loadStory('provenance', SITE, slow);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.story.id).toBe('provenance');
    let provenance: unknown = 'pending';
    void loaded.provenance.then((p) => (provenance = p));
    await Promise.resolve();
    expect(provenance).toBe('pending');
    release();
    expect((await loaded.provenance)?.film).toBe('provenance');
  });
});
