import { useEffect } from 'react';
import type { SceneClock, StoryPackage } from '../story';
import { type NarrationLibrary, narrationUrl } from '../media';

/** How often narration is checked against the scene clock: pauses and resumes show within this. */
const POLL_MS = 100;
/**
 * How far, in seconds, narration may stray from scene time before it is sought back: well above
 * the jitter of reading both clocks every poll, well below what a viewer notices as out of sync.
 */
export const NARRATION_DRIFT_S = 0.25;
/** The playback rates browsers accept (Chromium throws outside 1/16–16). */
const MIN_RATE = 1 / 16;
const MAX_RATE = 16;

/**
 * Where narration that is playing should be sought to, or null to leave it: back to the scene time
 * when it has strayed more than `NARRATION_DRIFT_S` (a stall, a slow decode, a sped-up test clock),
 * to its end when scene time has gone past it (what was to be said has been said).
 */
export function narrationResync(audioSec: number, sceneSec: number, durationSec: number): number | null {
  const target = Number.isFinite(durationSec) ? Math.min(sceneSec, durationSec) : sceneSec;
  return Math.abs(audioSec - target) > NARRATION_DRIFT_S ? target : null;
}

/** The narration's playback rate for a scene clock running at `rate`, within what browsers play. */
export const narrationRate = (rate: number): number => Math.min(MAX_RATE, Math.max(MIN_RATE, rate));

export interface NarrationOptions {
  readonly story: StoryPackage;
  readonly sceneId: string;
  /** Changes on every entry into a scene (revisits too), so narration restarts with it. */
  readonly entry: string;
  readonly language: string;
  readonly filmBase: URL;
  readonly library: NarrationLibrary;
  readonly clock: SceneClock;
}

/**
 * Plays the scene's narration on the scene clock: from scene entry, paused whenever the clock is
 * (pause button, hidden tab, headset off, buffering, a stage holding) and standing at scene time
 * while it is, and on every (re)start
 * sought to the scene time, so a resume or a restored save picks up mid-sentence; while playing it is
 * sought back whenever it strays from scene time, and it runs at the clock's rate. Leaving the scene
 * stops its voice. Which narration is held (this scene's, and the next scenes' fetched ahead within
 * the memory budget) is the media layer's plan (`planSceneMedia`).
 */
export function useNarration({ story, sceneId, entry, language, filmBase, library, clock }: NarrationOptions): void {
  const url = narrationUrl(story, sceneId, language, filmBase);

  useEffect(() => {
    if (url === null) return;
    let audio: HTMLAudioElement | null = null;
    let starting = false;
    const sync = () => {
      audio = library.audio(url);
      if (!audio) return; // Failed: warned once by the library; the scene goes on.
      const at = clock.now() / 1000;
      const voice = audio;
      // Brings the voice back to scene time when it has strayed. A seek already under way is not
      // drift; checking again then would seek in a loop.
      const resync = () => {
        const to = voice.seeking ? null : narrationResync(voice.currentTime, at, voice.duration);
        if (to !== null) voice.currentTime = to;
      };
      if (!clock.running) {
        if (!audio.paused) audio.pause();
        // Stopped, the voice stands where scene time stands (it may have started late, or run on a
        // moment): a resume picks up there, and what the page reads is the scene's.
        resync();
        return;
      }
      if (starting || audio.ended) return;
      if (!audio.paused) {
        resync();
        return;
      }
      if (Number.isFinite(audio.duration) && at >= audio.duration) return; // Already said.
      audio.currentTime = at;
      audio.playbackRate = narrationRate(clock.rate);
      starting = true;
      // Refused playback (no user gesture yet, element failed) is retried on the next check.
      void audio
        .play()
        .catch(() => {})
        .finally(() => (starting = false));
    };
    sync();
    const timer = window.setInterval(sync, POLL_MS);
    // Hidden tabs throttle timers: stop the voice as the page hides, not a second later.
    document.addEventListener('visibilitychange', sync);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', sync);
      if (audio) {
        audio.pause();
        audio.currentTime = 0;
      }
    };
  }, [library, url, clock, entry]);
}
