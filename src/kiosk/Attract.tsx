import { useEffect, useMemo, useRef, useState } from 'react';
import { AiLabel, type LoadedFilm, type PlayerHost } from '../app';
import { assetUrl } from '../media';
import type { KioskFile } from '../records';
import { AttractScene } from '../stage';
import { cutEdition, languageName, localize, uiText } from '../story';
import { useImmersiveVRSupport, useXRSession } from '../xr';
import type { KioskClock } from './kiosk-clock';

export interface AttractProps {
  readonly host: PlayerHost;
  readonly film: Extract<LoadedFilm, { ok: true }>;
  readonly kiosk: KioskFile;
  readonly clock: KioskClock;
  /** A visitor chose a language: by a tap or click (`tapped`), or by resting the gaze or the pointer on it. */
  readonly onStart: (language: string, tapped: boolean) => void;
}

/** Resting the pointer on a language button this long chooses it (a headset browser's ray, no click). */
const POINTER_DWELL_MS = 2000;

/**
 * The kiosk between visitors: the film's title over a slow drift through its scenes, the AI label,
 * and a large prompt in each of the kiosk's languages, in their order. A visitor starts by tapping
 * their language (screen), resting the pointer on it, or, in the headset, looking at its panel.
 */
export function Attract({ host, film, kiosk, clock, onStart }: AttractProps) {
  const { story } = film;
  const cut = useMemo(() => cutEdition(story, kiosk.edition), [story, kiosk.edition]);
  const scenes = useMemo(() => attractScenes(story, cut), [story, cut]);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    let shownAt = clock.now();
    const timer = window.setInterval(() => {
      if (clock.now() - shownAt < kiosk.attract.secondsPerScene * 1000) return;
      shownAt = clock.now();
      setIndex((i) => (i + 1) % scenes.length);
    }, 250);
    return () => window.clearInterval(timer);
  }, [clock, kiosk.attract.secondsPerScene, scenes.length]);
  const sceneId = scenes[index % scenes.length]!;
  useAttractBed(kiosk.attract.sound === 'ambience' ? ambienceOf(film, sceneId) : null);

  const session = useXRSession(host.xrStore);
  const headset = useImmersiveVRSupport();
  const first = kiosk.languages[0]!;
  const languages = kiosk.languages.map((l) => ({ id: l, label: languageName(l) }));
  const titleIn = (language: string) => localize(story.title, language, story.languages);
  const lines = [titleIn(first), ...kiosk.languages.map((l) => uiText(l).lookToBegin)];
  const dwell = useRef<{ language: string; timer: number } | null>(null);
  useEffect(() => () => window.clearTimeout(dwell.current?.timer), []);

  return (
    <div className="attract" data-attract-scene={sceneId}>
      <host.slot.In>
        <AttractScene
          story={story}
          cut={cut}
          sceneId={sceneId}
          language={first}
          filmBase={film.filmBase}
          libraries={host.media.libraries}
          xrStore={host.xrStore}
          lines={lines}
          languages={languages}
          onChoose={(language) => onStart(language, false)}
        />
      </host.slot.In>
      <div className="attract-card">
        {kiosk.languages.map((l, i) => (
          <h1 key={l} className={i === 0 ? 'attract-title' : 'attract-title other'} lang={l}>
            {titleIn(l)}
          </h1>
        ))}
        <AiLabel provenance={film.provenance} text={uiText(first)} />
        <ul className="attract-prompts">
          {kiosk.languages.map((l) => (
            <li key={l} lang={l}>
              {headset && !session ? `${uiText(l).putOnHeadset} · ` : ''}
              {session ? uiText(l).lookToBegin : uiText(l).tapToBegin}
            </li>
          ))}
        </ul>
        <div className="attract-languages">
          {kiosk.languages.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              data-language={l}
              onClick={() => onStart(l, true)}
              onPointerMove={(event) => {
                // Only a pointer that moved onto the button: one left resting where the button
                // appears (the last visitor's tap) must not start the next viewing.
                if (dwell.current?.language === l || (event.movementX === 0 && event.movementY === 0)) return;
                window.clearTimeout(dwell.current?.timer);
                dwell.current = { language: l, timer: window.setTimeout(() => onStart(l, false), POINTER_DWELL_MS) };
              }}
              onPointerLeave={() => {
                window.clearTimeout(dwell.current?.timer);
                dwell.current = null;
              }}
            >
              {languageName(l)}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

/** The scenes the loop drifts through: those with a picture, in the cut's order, the start first. */
function attractScenes(story: Extract<LoadedFilm, { ok: true }>['story'], cut: ReturnType<typeof cutEdition>): string[] {
  const ids = Object.keys(story.scenes).filter((id) => cut.includes(id) && story.scenes[id]!.media.type !== 'color');
  const ordered = [cut.start, ...ids.filter((id) => id !== cut.start)];
  return ordered.filter((id, i) => ordered.indexOf(id) === i && story.scenes[id]);
}

function ambienceOf(film: Extract<LoadedFilm, { ok: true }>, sceneId: string): string | null {
  const bed = film.story.scenes[sceneId]?.ambience;
  return bed ? assetUrl(film.filmBase, bed.src) : null;
}

/** A quiet ambient bed under the attract loop (where the kiosk asks for one and the browser lets it play). */
function useAttractBed(src: string | null) {
  useEffect(() => {
    if (!src) return;
    const audio = new Audio(src);
    audio.loop = true;
    audio.volume = 0.2;
    audio.play().catch(() => {});
    return () => audio.pause();
  }, [src]);
}
