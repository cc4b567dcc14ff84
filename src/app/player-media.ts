import { useEffect, useState } from 'react';
import { ModelLibrary, NarrationLibrary, SoundOutput, SplatLibrary, TextureLibrary, VideoLibrary } from '../media';
import type { MediaLibraries } from '../stage';
import type { DeviceProfile } from '../xr';
import { AmbienceLibrary } from '../media/ambience-library';
import { testHooks } from './test-hooks';

/**
 * What a viewing holds of media, for its whole life (a remounted canvas keeps it): one sound
 * output for everything the player plays, so volume and mute act on what is heard; the libraries
 * of pictures, videos, splat worlds and models under one memory budget; narration. Disposed when
 * the viewing ends.
 */
export function usePlayerMedia(profile: DeviceProfile) {
  const [media] = useState(() => {
    const hooks = testHooks();
    const taps = hooks.soundTaps;
    const log = hooks.mediaLog;
    const sound = new SoundOutput({ onTap: taps && ((tap) => taps.push(tap)) });
    const libraries: MediaLibraries = {
      textures: new TextureLibrary({ maxTextureSize: profile.maxTextureSize, log: log && ((e) => log.push(e)) }),
      videos: new VideoLibrary(sound),
      splats: new SplatLibrary({ budget: profile.splatBudget }),
      models: new ModelLibrary(),
      // One budget for pictures, videos, splat worlds and models (a test may set a small one).
      budget: hooks.mediaBudget ?? profile.mediaBudget,
    };
    return { sound, libraries, narration: new NarrationLibrary(sound), ambience: new AmbienceLibrary(sound) };
  });
  useEffect(
    () => () => {
      const { sound, libraries, narration, ambience } = media;
      libraries.textures.dispose();
      libraries.videos.dispose();
      libraries.splats.dispose();
      libraries.models.dispose();
      narration.dispose();
      ambience.dispose();
      sound.dispose();
    },
    [media],
  );
  return media;
}
