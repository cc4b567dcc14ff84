import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type AppStatus, type LoadedFilm, Player, type PlayerHost, type Viewing, testHooks } from '../app';
import { type KioskFile, type ViewingRecord, ViewingLog } from '../records';
import { type SaveStorage, isCredits, uiText } from '../story';
import { useXRSession } from '../xr';
import type { KioskClock } from './kiosk-clock';
import { createMemoryStorage } from './memory-storage';
import { PresenceWatch } from './presence';
import type { RecordStore } from './record-store';
import { ResetCountdown } from './ResetCountdown';
import { newViewingId } from './viewing-id';
import { ViewingRecorder } from './viewing-recorder';

/** How one kiosk viewing ended, as the kiosk acts on it. */
export type ViewingEnd = 'credits' | 'left' | 'again';

export interface KioskViewingProps {
  readonly host: PlayerHost;
  readonly film: Extract<LoadedFilm, { ok: true }>;
  readonly kiosk: KioskFile;
  readonly language: string;
  readonly clock: KioskClock;
  readonly store: RecordStore | null;
  /** The visitor started with a tap or a click, so sound may play. */
  readonly userActivated: boolean;
  readonly settings: { readonly volume: number; readonly muted: boolean; readonly subtitles: boolean };
  /** The viewing is over: back to the attract loop, or (`again`) straight into a new viewing. */
  readonly onEnd: (end: ViewingEnd) => void;
  readonly onProgress: (progress: { scene: string; status: AppStatus }) => void;
  /** A record was stored as ended (the station's queue may send it now). */
  readonly onRecorded: (record: ViewingRecord) => void;
  readonly onProblem: (message: string) => void;
  /** Set by the kiosk when an operator resets or the kiosk must stop this viewing: how to close its record. */
  readonly stopRef: React.MutableRefObject<((how: 'reset' | 'error', message?: string) => Promise<void>) | null>;
}

/** How often the kiosk looks at the visitor: gaze samples, presence, writes. */
const WATCH_EVERY_MS = 100;

/**
 * One visitor's viewing at a kiosk: the player (fresh, no saves, no way out of the headset), its
 * record written as it goes, and the watch on whether the visitor is still there — a visible and
 * spoken countdown before a reset that any motion or input cancels, and the credits' stay.
 */
export function KioskViewing(props: KioskViewingProps) {
  const { host, film, kiosk, language, clock, store, onEnd, onProblem, onRecorded } = props;
  const [storage] = useState<SaveStorage>(() => createMemoryStorage());
  const [subtitles, setSubtitles] = useState(props.settings.subtitles);
  const [sound, setSound] = useState({ volume: props.settings.volume, muted: props.settings.muted });
  const [viewingLanguage, setViewingLanguage] = useState(language);
  const [presence] = useState(
    () => new PresenceWatch({ idleMs: kiosk.idle.seconds * 1000, motionDegrees: kiosk.idle.motionDegrees, countdownMs: kiosk.countdownSeconds * 1000 }, clock.now()),
  );
  const [countdown, setCountdown] = useState<{ endsAt: number; left: number } | null>(null);
  const recorder = useRef<ViewingRecorder | null>(null);
  const ended = useRef(false);
  const end = useCallback(
    (how: ViewingEnd) => {
      if (ended.current) return;
      ended.current = true;
      onEnd(how);
    },
    [onEnd],
  );

  const onViewing = useCallback(
    (viewing: Viewing) => {
      const startedAt = clock.now();
      const log = new ViewingLog({
        id: newViewingId(),
        kiosk: kiosk.id,
        film: film.story.id,
        revision: film.revision,
        edition: viewing.actor.getSnapshot().context.edition,
        language,
        startedAt: new Date(),
      });
      recorder.current?.stop();
      recorder.current = new ViewingRecorder({
        viewing,
        log,
        store,
        queue: kiosk.station !== null,
        now: () => clock.now() - startedAt,
        onProblem,
        onEnded: onRecorded,
      });
      const r = recorder.current;
      const sample = window.setInterval(() => {
        const t = clock.now() - startedAt;
        log.gaze(host.head.yaw, host.head.pitch, t);
        r.touched();
        r.tick();
      }, WATCH_EVERY_MS);
      return () => window.clearInterval(sample);
    },
    // One viewing per mount: the kiosk remounts this component for the next visitor.
    [],
  );
  const [viewing, setViewing] = useState<Viewing | null>(null);
  useEffect(() => (viewing ? onViewing(viewing) : undefined), [viewing, onViewing]);

  // The kiosk (an operator's reset, an error) closes the record before this viewing goes.
  const { stopRef } = props;
  useEffect(() => {
    stopRef.current = async (how, message) => {
      ended.current = true;
      await recorder.current?.finish(how === 'reset' ? { kind: 'reset' } : { kind: 'error', message: (message ?? 'the kiosk stopped on an error').slice(0, 500) });
    };
    return () => {
      stopRef.current = null;
      // Gone without a word (an error took the viewing down): the record says so.
      if (!ended.current) void recorder.current?.finish({ kind: 'error', message: 'the viewing stopped unexpectedly' });
      recorder.current?.stop();
    };
  }, [stopRef]);

  // Presence: head motion and input keep the visitor; idle or the headset taken off starts a countdown.
  const session = useXRSession(host.xrStore);
  usePresenceInputs(presence, clock, session);
  const credits = viewing !== null && isCredits(viewing.actor.getSnapshot());
  const [creditsAt, setCreditsAt] = useState<number | null>(null);
  useEffect(() => {
    if (!viewing) return;
    const subscription = viewing.actor.subscribe((s) => {
      if (isCredits(s)) setCreditsAt((at) => at ?? clock.now());
    });
    return () => subscription.unsubscribe();
  }, [viewing, clock]);
  const [crashed, setCrashed] = useState(false);
  if (crashed) throw new Error('kiosk: a test made this viewing fail (crashViewing)');
  useEffect(() => {
    const timer = window.setInterval(() => {
      const hooks = testHooks();
      if (hooks.crashViewing) {
        hooks.crashViewing = false;
        setCrashed(true);
      }
      const now = clock.now();
      if (creditsAt !== null) {
        if (now - creditsAt >= kiosk.afterCreditsSeconds * 1000) end('credits');
        return;
      }
      presence.look(host.head.yaw, host.head.pitch, now);
      const state = presence.tick(now);
      if (state.kind === 'countdown') setCountdown({ endsAt: state.endsAt, left: Math.ceil((state.endsAt - now) / 1000) });
      else setCountdown(null);
      if (state.kind === 'left') void recorder.current?.finish({ kind: 'left' }).then(() => end('left'));
    }, WATCH_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [clock, presence, host.head, creditsAt, kiosk.afterCreditsSeconds, end]);

  const text = uiText(viewingLanguage);
  const notice = countdown ? `${text.stillThere} ${text.startsOverIn} ${countdown.left} ${text.secondsShort}` : null;
  const noop = useMemo(() => () => {}, []);
  return (
    <>
      <Player
        host={host}
        kiosk
        onViewing={setViewing}
        headsetNotice={notice}
        story={film.story}
        provenance={film.provenance}
        filmBase={film.filmBase}
        language={viewingLanguage}
        edition={kiosk.edition}
        resume={null}
        choiceTimeScale={1}
        subtitles={subtitles}
        subtitleSize="medium"
        onSubtitles={setSubtitles}
        onSubtitleSize={noop}
        onLanguage={setViewingLanguage}
        volume={sound.volume}
        muted={sound.muted}
        onSound={(change) => setSound((s) => ({ ...s, ...change }))}
        storage={storage}
        userActivated={props.userActivated}
        onProgress={props.onProgress}
        onRestart={() => end('again')}
        preview={{ start: null, variables: {}, hotspots: false }}
      />
      {countdown && !credits && <ResetCountdown secondsLeft={countdown.left} language={viewingLanguage} />}
    </>
  );
}

/** Input of any kind counts as presence; the headset taken off (or the page hidden) as absence. */
function usePresenceInputs(presence: PresenceWatch, clock: KioskClock, session: XRSession | null) {
  useEffect(() => {
    const input = () => presence.input(clock.now());
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, input, { passive: true });
    const onVisibility = () => presence.worn(!document.hidden, clock.now());
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      for (const e of events) window.removeEventListener(e, input);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [presence, clock]);
  useEffect(() => {
    if (!session) return;
    const input = () => presence.input(clock.now());
    const onVisibility = () => presence.worn(session.visibilityState !== 'hidden', clock.now());
    session.addEventListener('selectstart', input);
    session.addEventListener('squeezestart', input);
    session.addEventListener('visibilitychange', onVisibility);
    onVisibility();
    return () => {
      session.removeEventListener('selectstart', input);
      session.removeEventListener('squeezestart', input);
      session.removeEventListener('visibilitychange', onVisibility);
    };
  }, [presence, clock, session]);
}
