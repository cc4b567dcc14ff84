import { describe, expect, it } from 'vitest';
import { kioskProblems } from '../../src/kiosk/kiosk-problems';
import { kioskFileSchema } from '../../src/records';

const kiosk = (fields: Record<string, unknown>) => {
  return kioskFileSchema.parse({ format: 'sightline-kiosk/1', id: 'foyer-1', film: 'hello', languages: ['en'], operator: { pin: '2468' }, ...fields });
};

describe('what a kiosk file gets wrong about its film and its place', () => {
  it('names each language the film lacks, by its place in the file', () => {
    const problems = kioskProblems(kiosk({ languages: ['en', 'fr', 'de'] }), ['en', 'zh-CN'], 'kiosk.json', 'https://station.local');
    expect(problems.map((p) => [p.code, p.file, p.path])).toEqual([
      ['kiosk.language', 'kiosk.json', '$.languages[1]'],
      ['kiosk.language', 'kiosk.json', '$.languages[2]'],
    ]);
    expect(problems[0]!.hint).toContain('en, zh-CN');
  });

  it('refuses a station on another address than the player, which its security policy would block', () => {
    const station = (url: string) => kiosk({ station: { url, token: 'a-kiosk-token-0123456789' } });
    expect(kioskProblems(station('https://station.local:8443/'), ['en'], 'kiosk.json', 'https://station.local:8443')).toEqual([]);
    const [problem, ...rest] = kioskProblems(station('https://other.local/'), ['en'], 'kiosk-foyer.json', 'https://station.local:8443');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'kiosk.station-origin', file: 'kiosk-foyer.json', path: '$.station.url' });
    expect(problem!.message).toContain('https://other.local');
  });
});
