import { describe, expect, it } from 'vitest';
import { LARGEST_MEDIA_BUDGET, LARGEST_SPLAT_BUDGET, LARGEST_TEXTURE, SMALLEST_MEDIA_BUDGET, SMALLEST_SPLAT_BUDGET, SMALLEST_TEXTURE } from '../../src/story/package-files';
import { detectDeviceProfile, pickFrameRate } from '../../src/xr/device-profile';

const ua = {
  quest3: 'Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/37.0 Chrome/132.0 VR Safari/537.36',
  quest2: 'Mozilla/5.0 (X11; Linux x86_64; Quest 2) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/37.0 Chrome/132.0 VR Safari/537.36',
  questPro: 'Mozilla/5.0 (X11; Linux x86_64; Quest Pro) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/37.0 Chrome/132.0 VR Safari/537.36',
  pixel: 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0 Mobile Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
};

describe('device profiles', () => {
  it('recognises Quest 3, Quest Pro and Quest 2 by their browser', () => {
    expect(detectDeviceProfile(ua.quest3, 0)).toMatchObject({ id: 'quest-3', frameRate: 90, antialias: true });
    expect(detectDeviceProfile(ua.questPro, 0).id).toBe('quest-pro');
    expect(detectDeviceProfile(ua.quest2, 0)).toMatchObject({ id: 'quest-2', frameRate: 72, antialias: false, maxTextureSize: 4096 });
  });
  it('tells phones (and touch tablets) from desktops', () => {
    expect(detectDeviceProfile(ua.pixel, 5).id).toBe('phone');
    expect(detectDeviceProfile(ua.mac, 5).id).toBe('phone'); // an iPad says "Macintosh" but has touch
    expect(detectDeviceProfile(ua.mac, 0).id).toBe('desktop');
  });
  it('bound the limits validate checks files against: the largest and smallest of every profile', () => {
    const all = [ua.quest3, ua.questPro, ua.quest2, 'Mozilla/5.0 (Linux; Android 12; Pico 4) VR', ua.pixel, ua.mac].map((agent, i) => detectDeviceProfile(agent, i === 4 ? 5 : 0));
    expect(new Set(all.map((p) => p.id)).size).toBe(6);
    const bounds = (key: 'maxTextureSize' | 'splatBudget' | 'mediaBudget') => [Math.max(...all.map((p) => p[key])), Math.min(...all.map((p) => p[key]))];
    expect(bounds('maxTextureSize')).toEqual([LARGEST_TEXTURE, SMALLEST_TEXTURE]);
    expect(bounds('splatBudget')).toEqual([LARGEST_SPLAT_BUDGET, SMALLEST_SPLAT_BUDGET]);
    expect(bounds('mediaBudget')).toEqual([LARGEST_MEDIA_BUDGET, SMALLEST_MEDIA_BUDGET]);
  });
  it('picks the supported frame rate nearest the profile, or leaves the default', () => {
    expect(pickFrameRate(detectDeviceProfile(ua.quest2, 0), [60, 72, 80, 90, 120])).toBe(72);
    expect(pickFrameRate(detectDeviceProfile(ua.quest3, 0), new Float32Array([72, 80, 90, 120]))).toBe(90);
    expect(pickFrameRate(detectDeviceProfile(ua.quest3, 0), [])).toBe(false);
  });
});
