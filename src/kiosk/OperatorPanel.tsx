import { useEffect, useState } from 'react';
import { ControlsBar, type PlayerControl } from '../app';
import { type KioskFile, type ViewingRecord, choicesCsv, cluesCsv, toNdjson, viewingsCsv } from '../records';
import { languageName, localize, uiText } from '../story';
import { type FilmCacheProgress, type StorageStatus, createFilmCache, readStorageStatus } from './offline';
import { type OperatorStats, formatLength, operatorStats } from './operator-stats';
import type { KioskOverrides } from './overrides';
import type { KioskIncident, RecordStore } from './record-store';
import type { UploadStatus } from './upload-queue';

export interface FilmChoice {
  readonly id: string;
  readonly title: string;
  readonly languages: readonly string[];
  readonly editions: readonly string[];
}

export interface OperatorPanelProps {
  /** The kiosk file with the operator's changes over it. */
  readonly kiosk: KioskFile;
  readonly store: RecordStore | null;
  /** Why records cannot be stored, when they cannot. */
  readonly storeProblem: string | null;
  readonly upload: UploadStatus | null;
  /** Sound and subtitles every viewing starts with. */
  readonly controls: readonly PlayerControl[];
  readonly onApply: (overrides: KioskOverrides) => void;
  readonly onReset: () => void;
  readonly onClose: () => void;
}

/**
 * The operator's panel, behind the PIN: what plays (film, edition, languages), how many viewings,
 * which endings, how long, the last problems, the offline copy and the station, exports, and a
 * reset to the attract loop. Words in the kiosk's first language.
 */
export function OperatorPanel(props: OperatorPanelProps) {
  const { kiosk, store } = props;
  const text = uiText(kiosk.languages[0]!);
  const [film, setFilm] = useState(kiosk.film);
  const [edition, setEdition] = useState<string | null>(kiosk.edition);
  const [languages, setLanguages] = useState<readonly string[]>(kiosk.languages);
  const [stats, setStats] = useState<OperatorStats | null>(null);
  const [incidents, setIncidents] = useState<readonly KioskIncident[]>([]);
  const [cache, setCache] = useState<FilmCacheProgress | null>(null);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [summaries, latest] = store ? await Promise.all([store.summaries(), store.incidents(10)]) : [[], []];
      const [held, status] = await Promise.all([createFilmCache({ film: kiosk.film, siteBase: document.baseURI }).inspect(), readStorageStatus()]);
      if (!live) return;
      setStats(operatorStats(summaries, new Date()));
      setIncidents(latest);
      setCache(held);
      setStorage(status);
    })();
    return () => {
      live = false;
    };
  }, [store, kiosk.film]);

  const films = useFilmChoices(kiosk.languages[0]!);
  const choice = films.find((f) => f.id === film);
  const filmLanguages = choice?.languages ?? kiosk.languages;
  const exportAs = async (name: string, type: string, write: (records: ViewingRecord[]) => string) => {
    if (!store) return;
    const records: ViewingRecord[] = [];
    for await (const r of store.records()) records.push(r);
    download(`${kiosk.id}-${name}`, type, write(records));
  };

  return (
    <div className="operator-panel" role="dialog" aria-modal="true" aria-labelledby="operator-title">
      <h2 id="operator-title">
        {text.operatorPanel} · {kiosk.id}
      </h2>
      <section className="operator-film">
        <label>
          {text.operatorFilm}
          <select
            value={film}
            onChange={(e) => {
              setFilm(e.target.value);
              setEdition(null);
              const next = films.find((f) => f.id === e.target.value);
              if (next) setLanguages(next.languages.slice(0, 2));
            }}
          >
            {(films.some((f) => f.id === kiosk.film) ? films : [{ id: kiosk.film, title: kiosk.film, languages: kiosk.languages, editions: [] }, ...films]).map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
        </label>
        {choice && choice.editions.length > 0 && (
          <label>
            {text.edition}
            <select value={edition ?? ''} onChange={(e) => setEdition(e.target.value || null)}>
              <option value="">—</option>
              {choice.editions.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset>
          <legend>{text.operatorLanguages}</legend>
          {filmLanguages.map((l) => (
            <label key={l}>
              <input
                type="checkbox"
                name="language"
                value={l}
                checked={languages.includes(l)}
                onChange={(e) => setLanguages((ls) => (e.target.checked ? [...ls, l] : ls.length > 1 ? ls.filter((x) => x !== l) : ls))}
              />
              {languageName(l)}
            </label>
          ))}
        </fieldset>
        <button type="button" className="operator-apply" onClick={() => props.onApply({ film, edition, languages })}>
          {text.operatorApply}
        </button>
        <ControlsBar controls={props.controls} />
      </section>
      <section className="operator-stats" aria-label={text.operatorAllTime}>
        {stats && (
          <dl>
            <dt>{text.operatorToday}</dt>
            <dd data-stat="today">{stats.today}</dd>
            <dt>{text.operatorAllTime}</dt>
            <dd data-stat="all">{stats.allTime}</dd>
            <dt>{text.operatorMeanLength}</dt>
            <dd data-stat="mean">{stats.meanMs === null ? '—' : formatLength(stats.meanMs)}</dd>
            <dt>{text.operatorEndings}</dt>
            <dd data-stat="endings">{stats.endings.map(([e, n]) => `${e} ${n}`).join(' · ') || '—'}</dd>
          </dl>
        )}
      </section>
      <section className="operator-health">
        <p data-offline-files={cache ? `${cache.files.held}/${cache.files.total}` : ''}>
          {text.operatorOffline}: {cache ? `${cache.files.held} / ${cache.files.total} ${text.operatorFiles}, ${megabytes(cache.bytes.held)}, ${cache.complete ? text.operatorComplete : text.operatorIncomplete}, ${text.operatorLastUpdate} ${cache.lastUpdate ?? text.operatorNever}` : '…'}
        </p>
        <p data-persisted={storage?.persisted === true ? 'true' : 'false'}>
          {text.operatorStorage}: {storage?.persisted ? text.operatorPersisted : text.operatorNotPersisted}
          {storage?.usage !== undefined && storage.usage !== null ? ` (${megabytes(storage.usage)}${storage.quota ? ` / ${megabytes(storage.quota)}` : ''})` : ''}
          {props.storeProblem ? ` — ${props.storeProblem}` : ''}
        </p>
        <p data-upload-waiting={props.upload?.waiting ?? ''}>
          {text.operatorStation}:{' '}
          {kiosk.station === null
            ? text.operatorNoStation
            : `${props.upload?.waiting ?? 0} ${text.operatorWaiting}, ${text.operatorLastSent} ${props.upload?.lastSentAt ?? text.operatorNever}${props.upload?.lastError ? ` — ${props.upload.lastError}` : ''}`}
        </p>
        <h3>{text.operatorIncidents}</h3>
        <ul className="operator-incidents">
          {incidents.length === 0 && <li>{text.operatorNoIncidents}</li>}
          {incidents.map((i, n) => (
            <li key={n} data-incident={i.kind}>
              {i.at} · {i.kind} · {i.message}
            </li>
          ))}
        </ul>
      </section>
      <section className="operator-export">
        <h3>{text.operatorExport}</h3>
        <button type="button" data-export="ndjson" onClick={() => void exportAs('viewings.ndjson', 'application/x-ndjson', toNdjson)}>
          {text.operatorExportNdjson}
        </button>
        <button type="button" data-export="viewings" onClick={() => void exportAs('viewings.csv', 'text/csv', viewingsCsv)}>
          {text.operatorExportViewings}
        </button>
        <button type="button" data-export="choices" onClick={() => void exportAs('choices.csv', 'text/csv', choicesCsv)}>
          {text.operatorExportChoices}
        </button>
        <button type="button" data-export="clues" onClick={() => void exportAs('clues.csv', 'text/csv', cluesCsv)}>
          {text.operatorExportClues}
        </button>
      </section>
      <div className="operator-actions">
        <button type="button" className="operator-reset" onClick={props.onReset}>
          {text.operatorReset}
        </button>
        <button type="button" className="operator-close" onClick={props.onClose}>
          {text.operatorClose}
        </button>
      </div>
    </div>
  );
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The films this player holds (`scenes/films.json`, written by the build), for the operator. */
function useFilmChoices(language: string): FilmChoice[] {
  const [films, setFilms] = useState<FilmChoice[]>([]);
  useEffect(() => {
    fetch(new URL('scenes/films.json', document.baseURI))
      .then((r) => (r.ok ? r.json() : []))
      .then((list: unknown) => {
        if (!Array.isArray(list)) return;
        setFilms(
          list.flatMap((f: { id?: unknown; title?: unknown; languages?: unknown; editions?: unknown }) =>
            typeof f.id === 'string' && Array.isArray(f.languages) && Array.isArray(f.editions)
              ? [{ id: f.id, title: localize(f.title as Parameters<typeof localize>[0], language, f.languages as string[]), languages: f.languages as string[], editions: f.editions as string[] }]
              : [],
          ),
        );
      })
      .catch(() => {});
  }, [language]);
  return films;
}

