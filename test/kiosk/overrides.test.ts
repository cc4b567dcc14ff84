import { describe, expect, it } from 'vitest';
import { readOverrides, withOverrides, writeOverrides } from '../../src/kiosk/overrides';
import { kioskFileSchema } from '../../src/records';

/** localStorage's two methods the overrides use, over a Map. */
class MemoryStorage {
  private readonly values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
}

const file = kioskFileSchema.parse({ format: 'sightline-kiosk/1', id: 'foyer-1', film: 'hello', edition: 'full', languages: ['en', 'zh-CN'], operator: { pin: '2468' } });

describe("the operator's changes to a kiosk", () => {
  it('are kept per kiosk and laid over its file', () => {
    const storage = new MemoryStorage();
    writeOverrides('foyer-1', { languages: ['zh-CN', 'en'] }, storage);
    expect(readOverrides('foyer-2', storage)).toEqual({});
    const kiosk = withOverrides(file, readOverrides('foyer-1', storage));
    expect(kiosk).toMatchObject({ film: 'hello', edition: 'full', languages: ['zh-CN', 'en'] });
  });

  it("drop the file's edition when another film is chosen, whose editions may differ", () => {
    expect(withOverrides(file, { film: 'glass-sky' })).toMatchObject({ film: 'glass-sky', edition: null });
    expect(withOverrides(file, { film: 'glass-sky', edition: 'condensed' })).toMatchObject({ film: 'glass-sky', edition: 'condensed' });
    expect(withOverrides(file, { film: 'hello' }).edition).toBe('full');
  });

  it('ignore what was stored broken or tampered with, field by field', () => {
    const storage = new MemoryStorage();
    storage.setItem('sightline.kiosk.foyer-1.overrides', '{not json');
    expect(readOverrides('foyer-1', storage)).toEqual({});
    storage.setItem('sightline.kiosk.foyer-1.overrides', JSON.stringify({ film: '../etc', edition: 'condensed', languages: ['en', '<b>'] }));
    expect(readOverrides('foyer-1', storage)).toEqual({ edition: 'condensed' });
  });
});
