import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceOfRecords, audienceOfStation, createStationSource, filterChoices, filterOf, NO_SELECTION } from '../../src/studio/audience';
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
