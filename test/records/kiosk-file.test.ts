import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskFileSchema } from '../../src/records';
import { schemaDiagnostics } from '../../src/story';

const shipped = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/kiosk.json'), 'utf8'));

describe('the kiosk file', () => {
  it('ships valid beside the player, for the bundled film', () => {
    const kiosk = kioskFileSchema.parse(shipped);
    expect([kiosk.film, kiosk.languages]).toEqual(['glass-sky', ['en', 'zh-CN']]);
  });

  it('fills in defaults a technician may leave out', () => {
    const kiosk = kioskFileSchema.parse({ format: 'sightline-kiosk/1', id: 'foyer-1', film: 'hello', languages: ['zh-CN'], operator: { pin: '1357' } });
    expect(kiosk.idle).toEqual({ seconds: 45, motionDegrees: 3 });
    expect([kiosk.station, kiosk.edition, kiosk.afterCreditsSeconds]).toEqual([null, null, 20]);
  });

  it('names the field and what to do for each mistake', () => {
    const bad = { ...shipped, operator: { pin: '12' }, station: { url: 'javascript:alert(1)', token: 'short' }, idel: {} };
    const parsed = kioskFileSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    const diagnostics = schemaDiagnostics(parsed.error!.issues, 'kiosk.json', bad, 'kiosk.schema.json');
    expect(diagnostics.map((d) => [d.path, d.code])).toEqual(
      expect.arrayContaining([
        ['$.operator.pin', 'schema.invalid-value'],
        ['$.station.url', 'schema.invalid-value'],
        ['$.station.token', 'schema.out-of-range'],
        ['$', 'schema.unknown-field'],
      ]),
    );
    expect(diagnostics.find((d) => d.path === '$.operator.pin')!.message).toContain('4 to 8 digits');
    expect(diagnostics.find((d) => d.code === 'schema.unknown-field')!.hint).toContain('kiosk.schema.json');
  });
});
