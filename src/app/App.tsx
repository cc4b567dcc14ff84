import { useEffect, useState } from 'react';
import { type Diagnostic, type StoryPackage, localize, pickLanguage } from '../story';
import { ErrorScreen } from './ErrorScreen';
import { loadFilm } from './load-film';
import { readPlayerParams } from './params';
import { Player } from './Player';
import { StartScreen } from './StartScreen';
import { uiText } from './ui-text';

/** What the page shows; mirrored on the root as `data-status` for tests and kiosk monitors. */
export type AppStatus = 'loading' | 'ready' | 'playing' | 'ended' | 'error';

type Phase =
  | { readonly name: 'loading' }
  | { readonly name: 'error'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly name: 'start' | 'play'; readonly story: StoryPackage; readonly filmBase: URL; readonly language: string };

export function App() {
  const params = readPlayerParams(window.location.search);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [progress, setProgress] = useState<{ scene: string; status: AppStatus }>({ scene: '', status: 'loading' });

  useEffect(() => {
    let live = true;
    loadFilm(params.film, document.baseURI).then(
      (film) => {
        if (!live) return;
        if (!film.ok) return setPhase({ name: 'error', diagnostics: film.diagnostics });
        const language = pickLanguage(params.lang, navigator.languages ?? [navigator.language], film.story.languages);
        setPhase({ name: params.autoplay ? 'play' : 'start', story: film.story, filmBase: film.filmBase, language });
      },
      (error: unknown) => live && setPhase({ name: 'error', diagnostics: [unexpected(error)] }),
    );
    return () => {
      live = false;
    };
  }, [params.film, params.lang, params.autoplay]);

  const status: AppStatus =
    phase.name === 'loading' ? 'loading' : phase.name === 'error' ? 'error' : phase.name === 'start' ? 'ready' : progress.status;
  const language = 'language' in phase ? phase.language : pickLanguage(params.lang, navigator.languages ?? [], ['en', 'zh-CN']);
  useEffect(() => {
    document.documentElement.lang = language;
    if ('story' in phase) document.title = `${localize(phase.story.title, language, phase.story.languages)} · Sightline`;
  }, [phase, language]);

  return (
    <div className="app" data-status={status} data-scene={phase.name === 'play' ? progress.scene : ''} lang={language}>
      {phase.name === 'loading' && <p className="loading">{uiText(language).loading}</p>}
      {phase.name === 'error' && <ErrorScreen diagnostics={phase.diagnostics} text={uiText(language)} />}
      {phase.name === 'start' && (
        <StartScreen story={phase.story} language={phase.language} onPlay={(l) => setPhase({ ...phase, name: 'play', language: l })} />
      )}
      {phase.name === 'play' && (
        <Player story={phase.story} filmBase={phase.filmBase} language={phase.language} onProgress={setProgress} />
      )}
    </div>
  );
}

function unexpected(error: unknown): Diagnostic {
  return {
    severity: 'error',
    code: 'player.unexpected',
    file: '(player)',
    path: '$',
    message: error instanceof Error ? error.message : String(error),
    hint: 'Reload the page; if it happens again, report it with this message.',
  };
}
