import { describe, expect, it } from 'vitest';
import type { SaveStorage } from '../../src/story';
import { DEFAULT_SETTINGS, clampVolume, readSettings, writeSettings } from '../../src/app/settings';

function memoryStorage(initial: Record<string, string> = {}): SaveStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, read: (k) => data[k] ?? null, write: (k, v) => void (data[k] = v), remove: (k) => void delete data[k] };
}

describe('viewer sound settings', () => {
  it('keeps volume and mute across a write and a read', () => {
    const storage = memoryStorage();
    writeSettings(storage, { ...DEFAULT_SETTINGS, volume: 0.3, muted: true });
    expect(readSettings(storage)).toMatchObject({ volume: 0.3, muted: true });
  });

  it('falls back to the defaults for values that are not a volume or a mute', () => {
    const storage = memoryStorage({ 'sightline.settings': JSON.stringify({ volume: 'loud', muted: 'yes', subtitles: false }) });
    expect(readSettings(storage)).toMatchObject({ volume: DEFAULT_SETTINGS.volume, muted: false, subtitles: false });
  });

  it('clamps a stored volume into 0–1 on the step grid', () => {
    const storage = memoryStorage({ 'sightline.settings': JSON.stringify({ volume: 7 }) });
    expect(readSettings(storage).volume).toBe(1);
    expect(clampVolume(-0.2)).toBe(0);
    expect(clampVolume(0.34)).toBeCloseTo(0.3, 10);
  });
});
