import { useEffect } from 'react';
import type { SceneClock, StoryPackage } from '../story';
import { type AmbienceLibrary, ambienceOf } from '../media';

/** How often the bed is checked against the scene clock: pauses and resumes show within this. */
const POLL_MS = 100;
/** Fade in on entering a scene, and out on leaving it, seconds: no clicks, no jumps in level. */
export const AMBIENCE_FADE_S = 1;
/** Fade when scene time stops or starts again (pause, buffering, a hidden tab), seconds. */
export const AMBIENCE_PAUSE_FADE_S = 0.2;
/**
 * How far, in seconds, the bed may stray from scene time before it is crossfaded back to it (a
 * sped-up test clock, a context that stalled): well above the jitter of reading both clocks.
 */
export const AMBIENCE_DRIFT_S = 0.5;
/** The playback rates browsers accept. */
const MIN_RATE = 1 / 16;
const MAX_RATE = 16;

/** Where in a bed of `duration` seconds scene time `sceneSec` falls: the bed loops from scene entry. */
export const bedPosition = (sceneSec: number, duration: number): number => ((sceneSec % duration) + duration) % duration;

/** How far apart two positions in a loop of `duration` are, the short way round. */
export function loopDistance(a: number, b: number, duration: number): number {
  const d = Math.abs(a - b) % duration;
  return Math.min(d, duration - d);
}

export interface AmbienceOptions {
  readonly story: StoryPackage;
  /** The scene playing; '' for none (the credits). */
  readonly sceneId: string;
  /** Changes on every entry into a scene (revisits too), so the bed restarts with it. */
  readonly entry: string;
  readonly filmBase: URL;
  readonly library: AmbienceLibrary;
  readonly clock: SceneClock;
}

interface Playing {
  readonly context: AudioContext;
  readonly source: AudioBufferSourceNode;
  readonly gain: GainNode;
  /** Context time and bed position (seconds) it was last reckoned from, at `rate`. */
  since: number;
  from: number;
  rate: number;
}

/**
 * Loops the scene's ambience bed (`ambience.src` at `ambience.volume`) on the scene clock, under
 * the narration, into the sound output's master gain (so volume and mute act on it): it fades in
 * over a second on entering the scene and out over a second on leaving it, stops (with a short
 * fade) whenever scene time does and starts again at the scene time's place in the loop, runs at
 * the clock's rate, and is crossfaded back if it strays. Which beds are held (this scene's, and the
 * next scenes' fetched and decoded ahead within the memory budget) is the media layer's plan
 * (`planSceneMedia`). A bed that cannot be played was warned about by the
 * library; the scene plays on without it. Before the viewer's first gesture (no graph yet) there
 * is nothing to hear, and the bed starts once there is.
 */
export function useAmbience({ story, sceneId, entry, filmBase, library, clock }: AmbienceOptions): void {
  const bed = ambienceOf(story, sceneId, filmBase);
  const url = bed?.url ?? null;
  const volume = bed?.volume ?? 0;

  useEffect(() => {
    if (url === null) return;
    let playing: Playing | null = null;
    let entered = false;

    const fadeOut = (p: Playing, seconds: number) => {
      try {
        const t = p.context.currentTime;
        p.gain.gain.cancelScheduledValues(t);
        p.gain.gain.setValueAtTime(p.gain.gain.value, t);
        p.gain.gain.linearRampToValueAtTime(0, t + seconds);
        p.source.onended = () => {
          p.source.disconnect();
          p.gain.disconnect();
        };
        p.source.stop(t + seconds + 0.05);
      } catch {
        // The context was closed with the viewing: nothing is heard any more.
      }
    };
    const stop = (seconds: number) => {
      if (playing) fadeOut(playing, seconds);
      playing = null;
    };
    const start = (buffer: AudioBuffer, output: { context: AudioContext; master: AudioNode }, seconds: number) => {
      const { context, master } = output;
      const t = context.currentTime;
      const rate = Math.min(MAX_RATE, Math.max(MIN_RATE, clock.rate));
      const gain = context.createGain();
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(volume, t + seconds);
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.loop = true;
      source.playbackRate.value = rate;
      source.connect(gain).connect(master);
      const from = bedPosition(clock.now() / 1000, buffer.duration);
      source.start(t, from);
      playing = { context, source, gain, since: t, from, rate };
    };
    const position = (p: Playing, duration: number) => bedPosition(p.from + (p.context.currentTime - p.since) * p.rate, duration);

    const sync = () => {
      const buffer = library.buffer(url);
      const output = library.webAudio;
      if (!buffer || !output || output.context.state === 'closed') return;
      if (!clock.running || document.hidden) {
        stop(AMBIENCE_PAUSE_FADE_S);
        return;
      }
      // A context the browser holds (until a gesture resumes it) neither plays nor keeps time.
      if (output.context.state !== 'running') return;
      if (!playing) {
        start(buffer, output, entered ? AMBIENCE_PAUSE_FADE_S : AMBIENCE_FADE_S);
        entered = true;
        return;
      }
      const rate = Math.min(MAX_RATE, Math.max(MIN_RATE, clock.rate));
      if (rate !== playing.rate) {
        playing.from = position(playing, buffer.duration);
        playing.since = playing.context.currentTime;
        playing.rate = rate;
        playing.source.playbackRate.value = rate;
      }
      if (loopDistance(position(playing, buffer.duration), bedPosition(clock.now() / 1000, buffer.duration), buffer.duration) > AMBIENCE_DRIFT_S) {
        stop(AMBIENCE_PAUSE_FADE_S);
        start(buffer, output, AMBIENCE_PAUSE_FADE_S);
      }
    };
    sync();
    const timer = window.setInterval(sync, POLL_MS);
    // Hidden tabs throttle timers: stop the bed as the page hides, not a second later.
    document.addEventListener('visibilitychange', sync);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', sync);
      stop(AMBIENCE_FADE_S);
    };
  }, [library, url, volume, clock, entry]);
}
