import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceOfRecords, audienceOfStation, createStationSource, filterChoices, filterOf, NO_SELECTION } from '../../src/studio/audience';
import { type StudioServer, startStudio } from '../../src/studio/studio-server';
import { localCertificate } from '../../src/station/tls';
import { PASSWORD, TOKENS, type TestStation, fakeDist, postRecord, startStation } from './harness';
import { syntheticRecords } from './synthetic';

// The studio's audience layer reading a real station: the same figures and grids as from the same records in files.
const records = syntheticRecords(60, { seed: 11, kiosks: ['foyer-1', 'foyer-2'] });

describe('the studio reading a station', () => {
  const { dist, root } = fakeDist();
  let station: TestStation;
  beforeAll(async () => {
    station = await startStation({ dist });
    for (const record of records) expect((await postRecord(station, record, TOKENS[record.kiosk as keyof typeof TOKENS])).status).toBe(201);
  });
  afterAll(async () => {
    await station?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('gets the figures and gaze grids the records themselves give, under the panel’s filters', async () => {
    // Selections that keep some viewings: all of one film, one record's edition and language, the first day's.
    const sample = records.find((r) => r.edition !== null)!;
    const film = sample.film;
    const choices = filterChoices(records, film);
    const selections = [
      NO_SELECTION,
      { ...NO_SELECTION, edition: sample.edition, language: sample.language },
      { ...NO_SELECTION, fromDay: choices.days!.first, toDay: choices.days!.first },
    ];
    for (const selection of selections) {
      const filter = filterOf(selection, film);
      const fromStation = await audienceOfStation(createStationSource({ origin: station.url, password: PASSWORD }), filter);
      const fromFiles = audienceOfRecords(records, filter);
      expect(fromFiles.summary.viewings, 'a selection that keeps some viewings').toBeGreaterThan(0);
      expect(Object.keys(fromFiles.summary.scenes).some((scene) => fromFiles.gaze(scene).total > 0)).toBe(true);
      expect(fromStation.summary, JSON.stringify(selection)).toEqual(JSON.parse(JSON.stringify(fromFiles.summary)));
      for (const scene of Object.keys(fromFiles.summary.scenes)) expect(fromStation.gaze(scene), scene).toEqual(fromFiles.gaze(scene));
    }
  });

  it('says when the password is wrong or the station is not there', async () => {
    await expect(createStationSource({ origin: station.url, password: 'not-it' }).summary({})).rejects.toThrow(/needs the station's password/);
    await expect(createStationSource({ origin: 'http://127.0.0.1:9' }).summary({})).rejects.toThrow(/^The station is not reachable at http:\/\/127\.0\.0\.1:9/);
  });
});

describe('the studio of npm run studio reading a station elsewhere (--station)', () => {
  const { dist, root } = fakeDist();
  const tlsDir = mkdtempSync(join(tmpdir(), 'sightline-studio-tls-'));
  const tls = localCertificate(tlsDir, { ips: ['127.0.0.1'], hosts: ['localhost'] });
  const film = resolve(import.meta.dirname, '../../scenes/hello');
  let station: TestStation;
  let studios: StudioServer[] = [];
  const https = () => station.url.replace('http:', 'https:');
  const studioFor = async (forward: { url: string; ca?: string }) => {
    const studio = await startStudio({ folder: film, port: 0, station: { url: new URL(forward.url), ca: forward.ca } });
    studios.push(studio);
    return new URL(studio.url).origin;
  };
  beforeAll(async () => {
    // The station on HTTPS with its own authority, as `sightline serve --https` runs it at a festival.
    station = await startStation({ dist, https: { key: tls.key, cert: tls.cert }, ca: tls.ca });
    const post = trusting(tls.ca!);
    for (const record of records.slice(0, 20)) {
      const token = TOKENS[record.kiosk as keyof typeof TOKENS];
      const answer = await post(`${https()}/api/viewings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(record) });
      expect(answer.status).toBe(201);
    }
  });
  afterAll(async () => {
    await Promise.all(studios.map((s) => s.close()));
    studios = [];
    await station?.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(tlsDir, { recursive: true, force: true });
  });

  it('reads the station’s figures through the studio’s own address, and passes on a wrong password as the panel’s to fix', async () => {
    const origin = await studioFor({ url: https(), ca: tls.ca! });
    const through = await createStationSource({ origin, password: PASSWORD }).summary({});
    const direct = await createStationSource({ origin: https(), password: PASSWORD, fetch: trusting(tls.ca!) }).summary({});
    expect(through.viewings).toBeGreaterThan(0);
    expect(through).toEqual(direct);
    await expect(createStationSource({ origin, password: 'not-it' }).summary({})).rejects.toThrow(/needs the station's password/);
    // No browser dialog in the studio: the station's WWW-Authenticate stays behind.
    const refused = await fetch(`${origin}/api/stats`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBeNull();
    // Reads only.
    expect((await fetch(`${origin}/api/viewings`, { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('says what to do when the station’s certificate is not trusted, or the station is not there', async () => {
    const untrusted = await studioFor({ url: https() });
    await expect(createStationSource({ origin: untrusted, password: PASSWORD }).summary({})).rejects.toThrow(/could not reach the station at https:\/\/127\.0\.0\.1:\d+ .*--station-ca/);
    const nowhere = await studioFor({ url: 'http://127.0.0.1:9' });
    await expect(createStationSource({ origin: nowhere, password: PASSWORD }).summary({})).rejects.toThrow(/could not reach the station at http:\/\/127\.0\.0\.1:9 \(.*ECONNREFUSED.*\)\. Is `sightline serve` running there/);
  });
});

/** A fetch that trusts the station's own authority (Node's fetch takes no CA of its own). */
function trusting(ca: string): typeof fetch {
  return (input, init) =>
    new Promise<Response>((done, fail) => {
      const req = httpsRequest(new URL(String(input)), { ca, method: init?.method ?? 'GET', headers: init?.headers as Record<string, string> }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: { 'content-type': String(res.headers['content-type'] ?? '') } })));
      });
      req.on('error', fail);
      req.end(init?.body as string | undefined);
    });
}
