import { useFrame } from '@react-three/fiber';
import { useEffect } from 'react';
import type { PauseReason, SceneClock, StoryEvent } from '../story';

/**
 * What stops a video: the viewer away (hidden tab, headset off), the player paused, or a test holding
 * scene time still; not buffering, which it causes.
 */
const AWAY: readonly PauseReason[] = ['hidden', 'xr-hidden', 'paused', 'test'];

/**
 * Keeps a scene's video in step with the scene clock: it plays while scene time runs and pauses
 * while the viewer is away (hidden tab, headset off, player paused) or a test holds scene time
 * still; until it starts and while it buffers, scene time waits for it; a video that plays once
 * tells the story when it ends.
 */
export function useVideoPlayback(video: HTMLVideoElement | null, clock: SceneClock, loop: boolean, send: (event: StoryEvent) => void, sceneId: string) {
  useEffect(() => {
    if (!video) return;
    // The same element may come looping from the scene before: stopped and rewound before this
    // scene's listeners go on, and an `ended` queued before the rewind (the element no longer at
    // its end when it is dispatched) is not this scene's end.
    video.pause();
    video.loop = loop;
    video.currentTime = 0;
    // Scene time starts with the picture: until the video plays, it waits as it does for
    // buffering, so a slow start (a busy device, a play() still pending) cannot put the scene's
    // deadlines ahead of what the viewer sees.
    clock.pause('buffering');
    const onWaiting = () => clock.pause('buffering');
    const onPlaying = () => clock.resume('buffering');
    const onEnded = () => {
      if (video.ended) send({ type: 'media.ended' });
    };
    video.addEventListener('waiting', onWaiting);
    video.addEventListener('playing', onPlaying);
    video.addEventListener('ended', onEnded);
    return () => {
      video.removeEventListener('waiting', onWaiting);
      video.removeEventListener('playing', onPlaying);
      video.removeEventListener('ended', onEnded);
      video.pause();
      clock.resume('buffering');
    };
  }, [video, clock, loop, send, sceneId]);

  // Checked every frame, since the reasons to stop come from several places (page, headset, controls).
  useFrame(() => {
    if (!video || video.ended) return;
    const away = clock.pausedBy(AWAY);
    if (away && !video.paused) video.pause();
    // A refused play() must not stop the story: scene time runs on without the picture moving. (An
    // abort is only a pause that came first; the next play() decides.)
    else if (!away && video.paused)
      void video.play().catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) clock.resume('buffering');
      });
  });
}
