import { useEffect } from 'react';
import type { EditionCut, SceneClock, StoryPackage } from '../story';
import { type NarrationLibrary, assetUrl } from '../media';

/** How often narration is checked against the scene clock: pauses and resumes show within this. */
const POLL_MS = 100;

export interface NarrationOptions {
  readonly story: StoryPackage;
  readonly cut: EditionCut;
  readonly sceneId: string;
  /** Changes on every entry into a scene (revisits too), so narration restarts with it. */
  readonly entry: string;
  readonly language: string;
  readonly filmBase: URL;
  readonly library: NarrationLibrary;
  readonly clock: SceneClock;
}

/** The scene's narration in the viewer's language, else in the film's first language. */
export function narrationUrl(story: StoryPackage, sceneId: string, language: string, filmBase: URL): string | null {
  const narration = story.scenes[sceneId]?.narration ?? {};
  const src = narration[language] ?? narration[story.languages[0] ?? ''];
  return src === undefined ? null : assetUrl(filmBase, src);
}

/**
 * Plays the scene's narration on the scene clock: from scene entry, paused whenever the clock is
 * (pause button, hidden tab, headset off, buffering, a stage holding), and on every (re)start
 * sought to the scene time, so a resume or a restored save picks up mid-sentence. The narration of
 * the scenes the choices and routes lead to is fetched ahead; leaving the scene stops its voice.
 */
export function useNarration({ story, cut, sceneId, entry, language, filmBase, library, clock }: NarrationOptions): void {
  const scene = story.scenes[sceneId];
  // The same reachable set the stage preloads media for.
  const nextScenes = scene ? [...cut.choicesOf(sceneId).map((c) => c.to), ...(scene.next ?? []).map((r) => r.to)].map((s) => cut.resolve(s)) : [];
  const url = narrationUrl(story, sceneId, language, filmBase);
  const keepKey = [...new Set([url, ...nextScenes.map((s) => narrationUrl(story, s, language, filmBase))].filter((u) => u !== null))].join('\n');
  useEffect(() => library.keepOnly(new Set(keepKey ? keepKey.split('\n') : [])), [library, keepKey]);

  useEffect(() => {
    if (url === null) return;
    let audio: HTMLAudioElement | null = null;
    let starting = false;
    const sync = () => {
      audio = library.audio(url);
      if (!audio) return; // Failed: warned once by the library; the scene goes on.
      if (!clock.running) {
        if (!audio.paused) audio.pause();
        return;
      }
      if (!audio.paused || starting || audio.ended) return;
      const at = clock.now() / 1000;
      if (Number.isFinite(audio.duration) && at >= audio.duration) return; // Already said.
      audio.currentTime = at;
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
