import { type DragEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { AudienceSummary, GazeGrid } from '../../records';
import { type Audience, NO_AUDIENCE, audienceOfRecords, audienceOfStation } from './audience';
import { type FilterSelection, NO_SELECTION, filterChoices, filterOf } from './filter';
import { type RecordsFile, loadRecordsFile } from './records-file';
import { createStationSource } from './station-source';
import { audienceTotals } from './totals';
import './audience.css';

export interface AudiencePanelProps {
  /** The film the studio shows: records of other films are left out (and said so). @default every film in the records */
  readonly film?: string | undefined;
  /** The film's editions, offered as a filter when reading a station (files offer the editions they hold). @default none */
  readonly editions?: readonly string[] | undefined;
  /** The film's languages, offered as a filter when reading a station. @default none */
  readonly languages?: readonly string[] | undefined;
  /**
   * Called with what the audience did whenever the records, the station or the filters change, so
   * the map can draw figures on its nodes and edges; with a summary of 0 viewings when cleared.
   */
  readonly onAudience: (summary: AudienceSummary, gaze: (scene: string) => GazeGrid) => void;
  /** The station offered in the form. @default the studio's own origin (where the station serves it) */
  readonly stationOrigin?: string | undefined;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
}

type Source = { readonly kind: 'files'; readonly files: readonly RecordsFile[] } | { readonly kind: 'station'; readonly origin: string; readonly password: string };

/**
 * The studio's audience layer: viewing records from NDJSON exports (opened or dropped) or from a
 * station, narrowed by edition, language and days, summed up here and handed to the map.
 */
export function AudiencePanel(props: AudiencePanelProps) {
  const { film } = props;
  const [source, setSource] = useState<Source>({ kind: 'files', files: [] });
  const [selection, setSelection] = useState<FilterSelection>(NO_SELECTION);
  const [audience, setAudience] = useState<Audience>(NO_AUDIENCE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [origin, setOrigin] = useState(props.stationOrigin ?? globalThis.location?.origin ?? '');
  const [password, setPassword] = useState('');
  const onAudience = useRef(props.onAudience);
  onAudience.current = props.onAudience;
  const fetchRef = useRef(props.fetch);
  fetchRef.current = props.fetch;

  const records = useMemo(() => (source.kind === 'files' ? source.files.flatMap((f) => (f.ok ? f.records : [])) : []), [source]);
  const otherFilms = film === undefined ? 0 : new Set(records.filter((r) => r.film !== film).map((r) => r.id)).size;
  const choices = useMemo(() => {
    if (source.kind === 'files') return filterChoices(records, film);
    return { editions: props.editions ?? [], languages: props.languages ?? [], days: null };
  }, [source.kind, records, film, props.editions, props.languages]);

  useEffect(() => {
    const filter = filterOf(selection, film);
    if (source.kind === 'files') {
      const next = records.length > 0 ? audienceOfRecords(records, filter) : NO_AUDIENCE;
      setAudience(next);
      onAudience.current(next.summary, next.gaze);
      return;
    }
    let live = true;
    setBusy(true);
    setError(null);
    const station = createStationSource({ origin: source.origin || undefined, password: source.password || undefined, ...(fetchRef.current ? { fetch: fetchRef.current } : {}) });
    audienceOfStation(station, filter).then(
      (next) => {
        if (!live) return;
        setAudience(next);
        setBusy(false);
        onAudience.current(next.summary, next.gaze);
      },
      (reason: unknown) => {
        if (!live) return;
        setBusy(false);
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
    return () => {
      live = false;
    };
  }, [source, records, selection, film]);

  const open = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const loaded = await Promise.all([...list].map(async (file) => loadRecordsFile(await file.text(), file.name)));
    setError(null);
    setSelection(NO_SELECTION);
    setSource((before) => ({ kind: 'files', files: [...(before.kind === 'files' ? before.files.filter((f) => !loaded.some((l) => l.file === f.file)) : []), ...loaded] }));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void open(event.dataTransfer.files);
  };
  const clear = () => {
    setSource({ kind: 'files', files: [] });
    setSelection(NO_SELECTION);
    setError(null);
  };
  const pick = (change: Partial<FilterSelection>) => setSelection((s) => ({ ...s, ...change }));
  const totals = audienceTotals(audience.summary);

  return (
    <section className="audience-panel" aria-label="Audience" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2>Audience</h2>
      <div className="audience-sources">
        <label className="audience-open">
          Open viewing records (.ndjson)
          <input type="file" accept=".ndjson,.jsonl,application/x-ndjson" multiple onChange={(e) => void open(e.currentTarget.files).then(() => (e.target.value = ''))} />
        </label>
        <span className="audience-hint">or drop kiosk or station exports here</span>
        <form
          className="audience-station"
          onSubmit={(e) => {
            e.preventDefault();
            setSelection(NO_SELECTION);
            setSource({ kind: 'station', origin, password });
          }}
        >
          <label>
            Station <input type="url" value={origin} onChange={(e) => setOrigin(e.currentTarget.value)} placeholder="this address" />
          </label>
          <label>
            Password <input type="password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" placeholder="not needed when opened from the station" />
          </label>
          <button type="submit">Connect</button>
        </form>
        {(source.kind === 'station' || source.files.length > 0) && (
          <button type="button" onClick={clear}>
            Clear
          </button>
        )}
      </div>

      {source.kind === 'files' && source.files.length > 0 && (
        <ul className="audience-files">
          {source.files.map((f) => (
            <li key={f.file}>
              <strong>{f.file}</strong>: {f.ok ? `${f.records.length} viewing${f.records.length === 1 ? '' : 's'}` : f.error}
              {f.problems.length > 0 && (
                <ul className="audience-problems">
                  {f.problems.slice(0, 5).map((p, i) => (
                    <li key={i}>
                      line {p.line}, {p.path}: {p.message}. {p.hint}
                    </li>
                  ))}
                  {f.problems.length > 5 && <li>and {f.problems.length - 5} more problems</li>}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {source.kind === 'station' && <p className="audience-status">{busy ? `Reading ${source.origin || 'the station'}…` : `From the station at ${source.origin || 'this address'}`}</p>}
      {error && (
        <p className="audience-error" role="alert">
          {error}
        </p>
      )}
      {otherFilms > 0 && <p className="audience-status">{otherFilms} viewing{otherFilms === 1 ? ' is' : 's are'} of other films, left out.</p>}

      <fieldset className="audience-filters">
        <legend>Filter</legend>
        <label>
          Edition
          <select value={selection.edition ?? ''} onChange={(e) => pick({ edition: e.currentTarget.value || null })}>
            <option value="">all</option>
            {choices.editions.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Language
          <select value={selection.language ?? ''} onChange={(e) => pick({ language: e.currentTarget.value || null })}>
            <option value="">all</option>
            {choices.languages.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={selection.fromDay ?? ''} min={choices.days?.first} max={choices.days?.last} onChange={(e) => pick({ fromDay: e.currentTarget.value || null })} />
        </label>
        <label>
          To
          <input type="date" value={selection.toDay ?? ''} min={choices.days?.first} max={choices.days?.last} onChange={(e) => pick({ toDay: e.currentTarget.value || null })} />
        </label>
        <span className="audience-hint">days in UTC, both included</span>
      </fieldset>

      <dl className="audience-totals" data-viewings={totals.viewings}>
        <dt>Viewings</dt>
        <dd>{totals.viewings}</dd>
        <dt>Endings reached</dt>
        <dd>
          {totals.endingsReached}
          {totals.endings.length > 0 && ` (${totals.endings.map(([id, n]) => `${id} ${n}`).join(', ')})`}
        </dd>
        <dt>Outcomes</dt>
        <dd>{totals.outcomes.length > 0 ? totals.outcomes.map(([kind, n]) => `${kind} ${n}`).join(', ') : '–'}</dd>
        <dt>Mean length</dt>
        <dd>{totals.meanLength}</dd>
      </dl>
    </section>
  );
}
