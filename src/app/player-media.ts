import { useEffect, useState } from 'react';
import { SoundOutput, createMediaLibraries, probeGpu } from '../media';
import type { DeviceProfile } from '../xr';
import { testHooks } from './test-hooks';

/**
 * What a viewing holds of media, for its whole life (a remounted canvas keeps it): one sound
 * output for everything the player plays, so volume and mute act on what is heard, and the media
 * libraries (pictures, videos, splat worlds, models, narration, ambience) under one memory budget.
 * Disposed when the viewing ends.
 */
export function usePlayerMedia(profile: DeviceProfile) {
  const [media] = useState(() => {
    const hooks = testHooks();
    const taps = hooks.soundTaps;
    const log = hooks.mediaLog;
    const sound = new SoundOutput({ onTap: taps && ((tap) => taps.push(tap)) });
    const libraries = createMediaLibraries({
      sound,
      maxTextureSize: hooks.maxTextureSize ?? profile.maxTextureSize,
      gpu: probeGpu(),
      splatBudget: profile.splatBudget,
      // One budget for every kind of media (a test may set a small one).
      budget: hooks.mediaBudget ?? profile.mediaBudget,
      log: log && ((e) => log.push(e)),
    });
    return { sound, libraries, narration: libraries.narration, ambience: libraries.ambience };
  });
  useEffect(
    () => () => {
      media.libraries.dispose();
      media.sound.dispose();
    },
    [media],
  );
  return media;
}
