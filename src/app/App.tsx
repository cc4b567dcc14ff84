import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { type Diagnostic, type Provenance, type StoryPackage, type StorySnapshot, compileStory, localize, pickEdition, pickLanguage, restoreSave, saveKey, uiText } from '../story';
import { dropEarlyPictures } from '../media';
import { ErrorScreen } from './ErrorScreen';
import { loadStory } from './load-film';
import { NoWebGLScreen } from './NoWebGLScreen';
import { webglAvailable } from './webgl-support';
import { type PlayerParams, readPlayerParams } from './params';
import { Player } from './Player';
import { type PlayerHost, PlayerFrame, usePlayerHost } from './player-host';
import { type ViewingPreview, parameterNotices, readPreview } from './preview';
import { type ViewerSettings, choiceTimeScale, readSettings, writeSettings } from './settings';
import { type StartChoice, StartScreen } from './StartScreen';
import { browserStorage, readJson } from './storage';
import type { AppStatus } from './app-status';

interface Film {
  readonly story: StoryPackage;
  readonly filmBase: URL;
  readonly provenance: Provenance | null;
}

type Phase =
  | { readonly name: 'loading' }
  | { readonly name: 'error'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly name: 'no-webgl'; readonly language: string }
  | {
      readonly name: 'start';
      readonly film: Film;
      readonly language: string;
      readonly edition: string | null;
      readonly resumable: { readonly snapshot: StorySnapshot; readonly language: string } | null;
      readonly staleSave: string | null;
      readonly preview: ViewingPreview;
    }
  | {
      readonly name: 'play';
      readonly film: Film;
      readonly language: string;
      readonly edition: string | null;
      readonly resume: StorySnapshot | null;
      /** A new number for every viewing, so "Watch again" starts a fresh one. */
      readonly run: number;
      /** Started by the viewer's click, which lets sound play. */
      readonly userActivated: boolean;
      /** Author preview parameters (`?scene=`, `?var.<name>=`, `?hotspots=1`). */
      readonly preview: ViewingPreview;
    };

const storage = browserStorage;

export interface AppProps {
  /** What the page plays and how; kiosk mode passes its kiosk file's film. @default the page's URL parameters */
  readonly params?: PlayerParams;
}

export function App({ params = readPlayerParams(window.location.search) }: AppProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [progress, setProgress] = useState<{ scene: string; status: AppStatus }>({ scene: '', status: 'loading' });
  const [settings, setSettings] = useState<ViewerSettings>(() => readSettings(storage));
  const updateSettings = useCallback((change: Partial<ViewerSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...change };
      writeSettings(storage, next);
      return next;
    });
  }, []);

  const [notices, setNotices] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    loadStory(params.film, document.baseURI).then(
      async (loaded) => {
        if (!live) return;
        // A film that will not play gives back the page's early first picture (first-picture.ts).
        const stop = (phase: Phase) => {
          dropEarlyPictures();
          setPhase(phase);
        };
        if (!loaded.ok) return stop({ name: 'error', diagnostics: loaded.diagnostics });
        const film = { story: loaded.story, filmBase: loaded.filmBase, provenance: null };
        const language = pickLanguage(params.lang, navigator.languages ?? [navigator.language], loaded.story.languages);
        if (!webglAvailable()) return stop({ name: 'no-webgl', language });
        const asked = readPreview(loaded.story, params, pickEdition(loaded.story, params.edition));
        if (!asked.ok) return stop({ name: 'error', diagnostics: asked.diagnostics });
        const { edition, preview } = asked;
        setNotices(parameterNotices(loaded.story, params, { edition, language }, uiText(language)));
        if (params.autoplay || asked.fresh) {
          // Kiosks, tests and author previews start every viewing afresh; a kiosk forgets the last
          // viewer's place, a preview leaves it alone (it never saves one of its own).
          if (!asked.fresh) storage.remove(saveKey(loaded.story.id));
          setPhase({ name: 'play', film, language, edition, resume: null, run: 0, userActivated: false, preview });
          // The player does not wait for the provenance: only the credits, at the end, show it.
          const provenance = await loaded.provenance;
          if (live && provenance) setPhase((p) => (p.name === 'play' && p.film.story === loaded.story ? { ...p, film: { ...p.film, provenance } } : p));
          return;
        }
        const saved = readJson(storage, saveKey(loaded.story.id));
        const restored = saved === null ? null : restoreSave(loaded.story, (e) => compileStory(loaded.story, e), saved);
        if (restored && !restored.ok) storage.remove(saveKey(loaded.story.id));
        // The start screen shows the AI label from its first frame: it waits for the provenance.
        const provenance = await loaded.provenance;
        if (!live) return;
        setPhase({
          name: 'start',
          film: { ...film, provenance },
          // An explicit ?lang= wins over the language the viewer was watching in.
          language: restored?.ok && !params.lang ? pickLanguage(restored.save.language, [], loaded.story.languages) : language,
          edition,
          resumable: restored?.ok ? { snapshot: restored.snapshot, language: restored.save.language } : null,
          staleSave: restored && !restored.ok ? restored.reason : null,
          preview,
        });
      },
      (error: unknown) => live && setPhase({ name: 'error', diagnostics: [unexpected(error)] }),
    );
    return () => {
      live = false;
    };
  }, [params.film, params.lang, params.autoplay, params.edition, params.scene, params.hotspots]);

  const status: AppStatus =
    phase.name === 'loading' ? 'loading' : phase.name === 'error' || phase.name === 'no-webgl' ? 'error' : phase.name === 'start' ? 'ready' : progress.status;
  const language = 'language' in phase ? phase.language : pickLanguage(params.lang, navigator.languages ?? [], ['en', 'zh-CN']);
  useEffect(() => {
    document.documentElement.lang = language;
    if ('film' in phase) document.title = `${localize(phase.film.story.title, language, phase.film.story.languages)} · Sightline`;
  }, [phase, language]);

  const play = (film: Film, choice: StartChoice, preview: ViewingPreview) => {
    updateSettings({ choiceTime: choice.choiceTime, subtitleSize: choice.subtitleSize });
    setPhase({ name: 'play', film, language: choice.language, edition: choice.edition, resume: choice.resume, run: 0, userActivated: true, preview });
  };
  const restart = useCallback(() => {
    setPhase((p) => (p.name === 'play' ? { ...p, resume: null, run: p.run + 1, userActivated: true } : p));
  }, []);

  return (
    <div className="app" data-status={status} data-scene={phase.name === 'play' ? progress.scene : ''} lang={language}>
      {phase.name === 'loading' && <p className="loading">{uiText(language).loading}</p>}
      {notices.length > 0 && phase.name !== 'error' && phase.name !== 'no-webgl' && (
        <div className="address-notices" role="status">
          <ul>
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setNotices([])}>
            {uiText(language).dismiss}
          </button>
        </div>
      )}
      {phase.name === 'error' && <ErrorScreen diagnostics={phase.diagnostics} text={uiText(language)} />}
      {phase.name === 'no-webgl' && <NoWebGLScreen text={uiText(language)} />}
      {phase.name === 'start' && (
        <StartScreen
          story={phase.film.story}
          provenance={phase.film.provenance}
          language={phase.language}
          edition={phase.edition}
          choiceTime={settings.choiceTime}
          subtitleSize={settings.subtitleSize}
          resumable={phase.resumable}
          staleSave={phase.staleSave}
          onPlay={(choice) => play(phase.film, choice, phase.preview)}
        />
      )}
      {phase.name === 'play' && (
        <FilmHost restoringText={uiText(phase.language).restoring}>
          {(host) => (
        <Player
          key={phase.run}
          host={host}
          story={phase.film.story}
          provenance={phase.film.provenance}
          filmBase={phase.film.filmBase}
          language={phase.language}
          edition={phase.edition}
          resume={phase.resume}
          choiceTimeScale={choiceTimeScale(settings.choiceTime)}
          subtitles={settings.subtitles}
          subtitleSize={settings.subtitleSize}
          onSubtitles={(on) => updateSettings({ subtitles: on })}
          onSubtitleSize={(size) => updateSettings({ subtitleSize: size })}
          onLanguage={(language) => setPhase((p) => (p.name === 'play' ? { ...p, language } : p))}
          volume={settings.volume}
          muted={settings.muted}
          onSound={updateSettings}
          storage={storage}
          userActivated={phase.userActivated}
          onProgress={setProgress}
          onRestart={restart}
          preview={phase.preview}
        />
          )}
        </FilmHost>
      )}
    </div>
  );
}

/**
 * The canvas, media and XR store a film plays in, made once: "Watch again" (a new Player inside)
 * finds its pictures loaded and the headset's session still there.
 */
function FilmHost({ restoringText, children }: { restoringText: string; children: (host: PlayerHost) => ReactNode }) {
  const host = usePlayerHost();
  return (
    <PlayerFrame host={host} restoringText={restoringText}>
      {children(host)}
    </PlayerFrame>
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
