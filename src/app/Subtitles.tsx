import { useEffect, useState } from 'react';
import { type Cue, type SceneClock, type StoryPackage, cueTextAt } from '../story';
import { type SubtitleTracks, assetUrl } from '../media';

/** Polling interval for the cue on show: cues change a few times a second at most. */
const POLL_MS = 100;

/**
 * The subtitle text for the current scene time in the viewer's language ('' when none), following
 * the scene clock, so it stops with it. React updates only when the text changes.
 */
export function useSubtitle(story: StoryPackage, sceneId: string, language: string, filmBase: URL, tracks: SubtitleTracks, clock: SceneClock, enabled: boolean): string {
  const [cues, setCues] = useState<readonly Cue[]>([]);
  const src = story.scenes[sceneId]?.subtitles[language];
  useEffect(() => {
    setCues([]);
    if (!enabled || src === undefined) return;
    let live = true;
    void tracks.load(assetUrl(filmBase, src)).then((loaded) => live && setCues(loaded));
    return () => {
      live = false;
    };
  }, [tracks, filmBase, src, enabled]);
  const [text, setText] = useState('');
  useEffect(() => {
    if (cues.length === 0) return setText('');
    const update = () => setText(cueTextAt(cues, clock.now()));
    update();
    const timer = window.setInterval(update, POLL_MS);
    return () => window.clearInterval(timer);
  }, [cues, clock]);
  return text;
}

export function SubtitleLine({ text, size }: { readonly text: string; readonly size: 'small' | 'medium' | 'large' }) {
  if (text === '') return null;
  return (
    <p className={`subtitles size-${size}`}>
      {text}
    </p>
  );
}
