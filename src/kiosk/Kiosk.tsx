import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type AppStatus, ErrorScreen, type LoadedFilm, NoWebGLScreen, webglAvailable, PlayerFrame, browserStorage, loadFilm, playerControls, readSettings, usePlayerHost, writeSettings } from '../app';
import { type KioskFile, type ViewingRecord } from '../records';
import { type Diagnostic, localize, pickLanguage, uiText } from '../story';
import { useXRSession } from '../xr';
import { Attract } from './Attract';
import { createKioskClock } from './kiosk-clock';
import { KioskBoundary } from './KioskBoundary';
import { KioskViewing, type ViewingEnd } from './KioskViewing';
import { kioskProblems } from './kiosk-problems';
import { useLockdown } from './lockdown';
import { type LoadedKioskFile, linkKioskManifest, loadKioskFile } from './offline';
import { OperatorPanel } from './OperatorPanel';
import { OperatorGate, useOperatorTrigger } from './OperatorGate';
import { type KioskOverrides, readOverrides, withOverrides, writeOverrides } from './overrides';
import { RecordStore } from './record-store';
import { type KioskState, useStationHeartbeat } from './station-heartbeat';
import { UploadQueue, type UploadStatus } from './upload-queue';
import { useOfflineKiosk } from './use-offline-kiosk';
import { useWatchdog } from './watchdog';

export interface KioskProps {
  /** `?kiosk=<name>` (kiosk-<name>.json), or null for kiosk.json. */
  readonly name: string | null;
}

/**
 * Kiosk mode (`?mode=kiosk`): reads the kiosk file, then runs unattended. Its film's title drifts
 * through its scenes until a visitor picks a language; each viewing is recorded as it goes; the
 * kiosk returns to its attract loop after the credits, when the visitor has left, when an operator
 * resets it, or after an error. The headset's XR session, the canvas and the loaded media outlive
 * every viewing.
 */
export function Kiosk({ name }: KioskProps) {
  const [loaded, setLoaded] = useState<LoadedKioskFile | null>(null);
  useEffect(() => {
    let live = true;
    linkKioskManifest();
    loadKioskFile(name, document.baseURI).then(
      (result) => live && setLoaded(result),
      (error: unknown) => live && setLoaded({ ok: false, diagnostics: [unexpected(error)] }),
    );
    return () => {
      live = false;
    };
  }, [name]);
  if (!loaded || !loaded.ok) return <KioskMessage diagnostics={loaded?.ok === false ? loaded.diagnostics : null} />;
  return <RunningKiosk file={loaded.kiosk} fileName={loaded.file} />;
}

function RunningKiosk({ file, fileName }: { file: KioskFile; fileName: string }) {
  const [overrides, setOverrides] = useState<KioskOverrides>(() => readOverrides(file.id));
  const kiosk = useMemo(() => withOverrides(file, overrides), [file, overrides]);
  const [clock] = useState(createKioskClock);
  const host = usePlayerHost({ kiosk: true });
  const session = useXRSession(host.xrStore);
  useLockdown();
  const refreshFilmCache = useOfflineKiosk(kiosk.film);

  // The film, read again each time the kiosk returns to its attract loop: a new version deployed
  // under a running kiosk plays from the next viewing on.
  const [film, setFilm] = useState<LoadedFilm | null>(null);
  const [filmRequest, setFilmRequest] = useState(0);
  useEffect(() => {
    let live = true;
    void loadFilm(kiosk.film, document.baseURI).then((next) => {
      if (!live) return;
      setFilm((current) => (current?.ok && next.ok && current.revision === next.revision ? current : next));
    });
    return () => {
      live = false;
    };
  }, [kiosk.film, filmRequest]);
  const fileProblems = film?.ok ? kioskProblems(kiosk, film.story.languages, fileName, window.location.origin) : [];

  // Records: IndexedDB, a station's queue when the kiosk has one, and the operator's log.
  const { store, storeProblem } = useRecordStore(kiosk);
  const [upload, setUpload] = useState<UploadStatus | null>(null);
  const queue = useUploadQueue(kiosk, store, setUpload);
  const note = useCallback((kind: Parameters<RecordStore['note']>[0], message: string) => void store?.note(kind, message).catch(() => {}), [store]);

  const [settings, setSettings] = useState(() => readSettings(browserStorage));
  const [phase, setPhase] = useState<{ name: 'attract' } | { name: 'viewing'; language: string; tapped: boolean; run: number }>({ name: 'attract' });
  const [progress, setProgress] = useState<{ scene: string; status: AppStatus }>({ scene: '', status: 'loading' });
  const stopViewing = useRef<((how: 'reset' | 'error', message?: string) => Promise<void>) | null>(null);
  const run = useRef(0);
  const toAttract = useCallback(() => {
    setPhase({ name: 'attract' });
    setProgress({ scene: '', status: 'loading' });
    // The film's files come from its cache: bring that up to date first, then read the film again.
    void refreshFilmCache().then(() => setFilmRequest((n) => n + 1));
  }, [refreshFilmCache]);
  const start = useCallback((language: string, tapped: boolean) => {
    if (tapped) host.media.sound.unlock();
    run.current++;
    setPhase({ name: 'viewing', language, tapped, run: run.current });
  }, [host]);
  const onEnd = useCallback(
    (end: ViewingEnd) => {
      if (end === 'left') note('reset', 'the visitor left; the kiosk reset');
      if (end === 'again' && phase.name === 'viewing') start(phase.language, true);
      else toAttract();
    },
    [note, phase, start, toAttract],
  );
  const onRecorded = useCallback((_: ViewingRecord) => queue?.kick(), [queue]);

  // Faults: an exception returns to the attract loop; a renderer that stops drawing reloads the page.
  const [failures, setFailures] = useState(0);
  const onError = useCallback(
    (error: Error) => {
      note('error', error.message);
      void stopViewing.current?.('error', error.message);
      window.setTimeout(() => {
        toAttract();
        setFailures((n) => n + 1);
      }, 3000);
    },
    [note, toAttract],
  );
  useWatchdog(host.head, kiosk.watchdogSeconds, session, () => {
    note('watchdog', `no frame drawn for ${kiosk.watchdogSeconds} s; reloading`);
    // The note and the open record are in IndexedDB; give the write a moment, then start afresh.
    window.setTimeout(() => window.location.reload(), 500);
  });

  // The operator: a key chord or a long press in a corner, then the PIN.
  const [operator, setOperator] = useState<'closed' | 'gate' | 'open'>('closed');
  const corner = useOperatorTrigger(() => setOperator((o) => (o === 'closed' ? 'gate' : o)));

  const [webgl] = useState(webglAvailable);
  const status: AppStatus | 'attract' = !webgl ? 'error' : film === null ? 'loading' : !film.ok || fileProblems.length > 0 ? 'error' : phase.name === 'attract' ? 'attract' : progress.status;
  const state: KioskState = operator === 'open' ? 'operator' : status === 'error' ? 'error' : phase.name === 'attract' ? 'attract' : progress.status === 'ended' ? 'credits' : 'playing';
  useStationHeartbeat(kiosk, state, null);
  const first = kiosk.languages[0]!;
  const language = phase.name === 'viewing' ? phase.language : first;
  useEffect(() => {
    document.documentElement.lang = language;
    if (film?.ok) document.title = `${localize(film.story.title, language, film.story.languages)} · Sightline`;
  }, [film, language]);

  const text = uiText(language);
  const soundControls = playerControls(
    { paused: false, silent: settings.muted, volume: settings.volume, subtitles: settings.subtitles, sceneHasSubtitles: true, subtitleSize: settings.subtitleSize, language: first, languages: [first], immersive: false, canEnterVR: false, canExitVR: false, magicWindow: null, fullscreen: null },
    {
      togglePause: () => {},
      toggleMute: () => updateSettings({ muted: !settings.muted }),
      setVolume: (volume) => updateSettings({ volume, muted: false }),
      setSubtitles: (subtitles) => updateSettings({ subtitles }),
      setSubtitleSize: () => {},
      setLanguage: () => {},
      toggleMagicWindow: () => {},
      toggleFullscreen: () => {},
      enterVR: () => {},
      exitVR: () => {},
    },
    uiText(first),
  ).filter((c) => c.id === 'mute' || c.id === 'volume' || c.id === 'subtitles');
  function updateSettings(change: Partial<typeof settings>) {
    setSettings((s) => {
      const next = { ...s, ...change };
      writeSettings(browserStorage, next);
      return next;
    });
  }

  return (
    <div className="app kiosk" data-status={status} data-scene={phase.name === 'viewing' ? progress.scene : ''} data-kiosk={kiosk.id} lang={language}>
      {film !== null && !film.ok && <ErrorScreen diagnostics={film.diagnostics} text={text} />}
      {fileProblems.length > 0 && <ErrorScreen diagnostics={fileProblems} text={text} />}
      {film === null && <p className="loading">{text.loading}</p>}
      {!webgl && <NoWebGLScreen text={text} />}
      {webgl && film?.ok && fileProblems.length === 0 && (
        <KioskBoundary onError={onError} resetKey={failures}>
          <PlayerFrame host={host} restoringText={text.restoring}>
            {phase.name === 'attract' ? (
              <Attract host={host} film={film} kiosk={kiosk} clock={clock} onStart={start} />
            ) : (
              <KioskViewing
                key={phase.run}
                host={host}
                film={film}
                kiosk={kiosk}
                language={phase.language}
                clock={clock}
                store={store}
                userActivated={phase.tapped}
                settings={settings}
                onEnd={onEnd}
                onProgress={setProgress}
                onRecorded={onRecorded}
                onProblem={(message) => note('storage', message)}
                stopRef={stopViewing}
              />
            )}
          </PlayerFrame>
        </KioskBoundary>
      )}
      {corner}
      {operator === 'gate' && <OperatorGate pin={kiosk.operator.pin} language={first} onOpen={() => setOperator('open')} onCancel={() => setOperator('closed')} />}
      {operator === 'open' && (
        <OperatorPanel
          kiosk={kiosk}
          store={store}
          storeProblem={storeProblem}
          upload={upload}
          controls={soundControls}
          onApply={(next) => {
            writeOverrides(file.id, next);
            setOverrides(next);
          }}
          onReset={() => {
            note('reset', 'the operator reset the kiosk');
            void (stopViewing.current?.('reset') ?? Promise.resolve()).then(() => {
              setOperator('closed');
              toAttract();
            });
          }}
          onClose={() => setOperator('closed')}
        />
      )}
    </div>
  );
}

/** The kiosk's record store, opened once; viewings a crash left open are closed first. */
function useRecordStore(kiosk: KioskFile): { store: RecordStore | null; storeProblem: string | null } {
  const [state, setState] = useState<{ store: RecordStore | null; storeProblem: string | null }>({ store: null, storeProblem: null });
  const queue = kiosk.station !== null;
  useEffect(() => {
    let opened: RecordStore | null = null;
    let live = true;
    RecordStore.open()
      .then(async (store) => {
        opened = store;
        const closed = await store.closeInterrupted(queue);
        for (const r of closed) await store.note('error', `viewing ${r.id} was interrupted (the page stopped) and has been closed`);
        if (live) setState({ store, storeProblem: null });
      })
      .catch((error: unknown) => live && setState({ store: null, storeProblem: `viewings cannot be stored: ${error instanceof Error ? error.message : String(error)}` }));
    return () => {
      live = false;
      opened?.close();
    };
  }, [queue]);
  return state;
}

function useUploadQueue(kiosk: KioskFile, store: RecordStore | null, onStatus: (status: UploadStatus) => void): UploadQueue | null {
  const [queue, setQueue] = useState<UploadQueue | null>(null);
  const station = kiosk.station;
  useEffect(() => {
    if (!store || !station) return;
    const q = new UploadQueue({ store, station, onStatus, onIncident: (message) => void store.note('upload', message) });
    setQueue(q);
    q.kick();
    return () => {
      q.stop();
      setQueue(null);
    };
  }, [store, station, onStatus]);
  return queue;
}

function KioskMessage({ diagnostics }: { diagnostics: readonly Diagnostic[] | null }) {
  const language = pickLanguage(null, navigator.languages ?? [navigator.language], ['en', 'zh-CN']);
  const text = uiText(language);
  return (
    <div className="app kiosk" data-status={diagnostics ? 'error' : 'loading'} data-scene="" lang={language}>
      {diagnostics ? <ErrorScreen diagnostics={diagnostics} text={text} /> : <p className="loading">{text.loading}</p>}
    </div>
  );
}

function unexpected(error: unknown): Diagnostic {
  return {
    severity: 'error',
    code: 'kiosk.unexpected',
    file: '(player)',
    path: '$',
    message: error instanceof Error ? error.message : String(error),
    hint: 'Reload the page; if it happens again, report it with this message.',
  };
}

