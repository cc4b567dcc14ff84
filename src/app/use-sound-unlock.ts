import { useCallback, useEffect, useState } from 'react';
import type { SoundOutput } from '../media';

export interface SoundUnlockOptions {
  /** The viewing began with a click (Play, Continue), so sound may play at once; not under ?autoplay. */
  readonly userActivated: boolean;
  /** The viewer's settings: sound switched off, and its loudness (0 to 1). */
  readonly muted: boolean;
  readonly volume: number;
}

export interface SoundUnlock {
  /** No sound comes out: muted by the viewer, or not yet unlocked by a click. */
  readonly silent: boolean;
  /** The viewer asked for sound (the mute toggle, the volume): the audio graph starts and the silence lifts. */
  readonly unlock: () => void;
}

/**
 * Sound starts silent (browsers allow that without a gesture) until the viewer's first click:
 * Play on the start screen, or the mute toggle or volume under ?autoplay. The output's level
 * follows the settings and that silence; any later press or key restarts an audio graph the
 * browser suspended (a phone call, a hidden tab).
 */
export function useSoundUnlock(sound: SoundOutput, { userActivated, muted, volume }: SoundUnlockOptions): SoundUnlock {
  const [unlocked, setUnlocked] = useState(userActivated);
  const silent = muted || !unlocked;
  useEffect(() => sound.setLevel({ muted: silent, volume }), [sound, silent, volume]);
  useEffect(() => {
    // Play was clicked just before: the page's activation lets the audio graph start now.
    if (userActivated) sound.unlock();
    const unlock = () => sound.unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [sound, userActivated]);
  const unlock = useCallback(() => {
    sound.unlock();
    setUnlocked(true);
  }, [sound]);
  return { silent, unlock };
}
