import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadKioskFile } from '../../../src/kiosk';
import { FakeCacheStorage, FakeServer } from './fake-web';

const SITE = 'https://films.example/player/';
const shipped = readFileSync(resolve(import.meta.dirname, '../../../public/kiosk.json'), 'utf8');

function setUp(files: Record<string, string> = { 'kiosk.json': shipped }) {
  const server = new FakeServer(SITE);
  for (const [path, body] of Object.entries(files)) server.serve(path, { body });
  const storage = new FakeCacheStorage();
  const load = (name: string | null) => loadKioskFile(name, SITE, { caches: storage.asCacheStorage(), fetch: server.fetch });
  return { server, storage, load };
}

describe('loading the kiosk file', () => {
  it('reads kiosk.json from the server, validated, and keeps a copy', async () => {
    const { server, storage, load } = setUp();
    const loaded = await load(null);
    expect(loaded).toMatchObject({ ok: true, file: 'kiosk.json', cached: false, kiosk: { film: 'glass-sky', languages: ['en', 'zh-CN'] } });
    expect(server.requests.map((r) => [r.path, r.cache])).toEqual([['kiosk.json', 'no-store']]);
    expect(await storage.text('sightline-kiosk-files', `${SITE}kiosk.json`)).toBe(shipped);
  });

  it('reads kiosk-<name>.json for ?kiosk=<name>, and refuses a name that is not one', async () => {
    const { load } = setUp({ 'kiosk-foyer.json': shipped });
    expect(await load('foyer')).toMatchObject({ ok: true, file: 'kiosk-foyer.json' });
    const bad = await load('../secrets');
    expect(bad.ok ? [] : bad.diagnostics.map((d) => [d.code, d.path, d.file])).toEqual([['kiosk.bad-name', '?kiosk', 'kiosk-../secrets.json']]);
  });

  it('starts from the last good copy when the server cannot be reached or fails', async () => {
    const { server, load } = setUp();
    await load(null);
    server.online = false;
    expect(await load(null)).toMatchObject({ ok: true, cached: true, kiosk: { film: 'glass-sky' } });
    server.online = true;
    server.serve('kiosk.json', { body: '', status: 502 });
    expect(await load(null)).toMatchObject({ ok: true, cached: true });
  });

  it('picks up an edited file at the next start, and never keeps an invalid one', async () => {
    const { server, storage, load } = setUp();
    await load(null);
    server.serve('kiosk.json', { body: shipped.replace('"glass-sky"', '"hello"') });
    expect(await load(null)).toMatchObject({ ok: true, cached: false, kiosk: { film: 'hello' } });
    server.serve('kiosk.json', { body: shipped.replace('"2468"', '"12"') });
    const bad = await load(null);
    expect(bad.ok ? [] : bad.diagnostics.map((d) => [d.file, d.path, d.code])).toEqual([['kiosk.json', '$.operator.pin', 'schema.invalid-value']]);
    expect(await storage.text('sightline-kiosk-files', `${SITE}kiosk.json`)).toContain('"hello"');
  });

  it.each([
    ['missing', 'not-found'],
    ['missing (a single-page host answers with its index.html)', 'index-html'],
  ] as const)('says where the file belongs when it is %s', async (_, missing) => {
    const { server, load } = setUp({});
    server.missing = missing;
    const loaded = await load('hall');
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => [d.code, d.file])).toEqual([['kiosk.not-found', 'kiosk-hall.json']]);
  });

  it('names the JSON syntax error, and the missing network when there is no copy', async () => {
    const { server, load } = setUp({ 'kiosk.json': '{"format": ' });
    const broken = await load(null);
    expect(broken.ok ? [] : broken.diagnostics.map((d) => [d.code, d.file])).toEqual([['json.syntax', 'kiosk.json']]);
    server.online = false;
    const unreachable = await load(null);
    expect(unreachable.ok ? [] : unreachable.diagnostics.map((d) => d.code)).toEqual(['kiosk.unreachable']);
  });

  it('works where Cache Storage is missing (an insecure address), keeping no copy', async () => {
    const server = new FakeServer(SITE);
    server.serve('kiosk.json', { body: shipped });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await loadKioskFile(null, SITE, { caches: undefined, fetch: server.fetch })).toMatchObject({ ok: true });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
