import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AudienceSummary, GazeGrid } from '../records';
import { type Diagnostic, type EndingPath, type StoryPackage, defaultEdition, endingPaths, localize, scenesOfPath, storyMap } from '../story';
import { AudiencePanel, GazeHeatmap } from './audience';
import { DiagnosticsList } from './DiagnosticsList';
import { download, svgToPng } from './download';
import { mapToSvg } from './export-svg';
import { type MapLayout, layoutMap } from './layout';
import { diagnosticsOnMap, placeDiagnostic } from './map-diagnostics';
import { edgeShare, sceneFigures } from './map-text';
import { PreviewPane } from './PreviewPane';
import { StoryMap } from './StoryMap';
import type { StudioPackage } from './use-package';

export interface StudioProps {
  readonly pkg: StudioPackage;
  /**
   * What audiences did (the audience layer's summary for the filters chosen there): drawn on the
   * map, viewers, mean time and where they left on scenes, each choice's share on its edge.
   * @default none
   */
  readonly audience?: AudienceSummary | undefined;
}

/** What the audience panel last reported: figures for the map, gaze grids for the heatmaps. */
interface Audience {
  readonly summary: AudienceSummary;
  readonly gaze: (scene: string) => GazeGrid;
}

type Paths = { readonly state: 'idle' | 'finding' } | { readonly state: 'found'; readonly paths: readonly EndingPath[] };

/** The studio: the film's map, its diagnostics, the preview, and a place for the audience layer. */
export function Studio({ pkg, audience: given }: StudioProps) {
  const good = pkg.good;
  const [loaded, setLoaded] = useState<Audience | null>(null);
  const onAudience = useCallback((summary: AudienceSummary, gaze: (scene: string) => GazeGrid) => setLoaded(summary.viewings > 0 ? { summary, gaze } : null), []);
  const audience = loaded?.summary ?? given;
  const story = good?.story ?? null;
  const [edition, setEdition] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [focus, setFocus] = useState(0);
  const [paths, setPaths] = useState<Paths>({ state: 'idle' });
  const [shownPath, setShownPath] = useState<string | null>(null);

  const playing = story && edition !== null && Object.hasOwn(story.editions, edition) ? edition : story ? defaultEdition(story) : null;
  const lang = story && language !== null && story.languages.includes(language) ? language : (story?.languages[0] ?? 'en');
  const map = useMemo(() => (story ? storyMap(story, playing, lang) : null), [story, playing, lang]);

  // ELK lays the map out off the render; the last layout stays up until the next is ready.
  const [layout, setLayout] = useState<{ map: NonNullable<typeof map>; layout: MapLayout } | null>(null);
  useEffect(() => {
    if (!map) return;
    let live = true;
    const extra = (id: string) => {
      const edge = map.edges.find((e) => e.id === id);
      const share = edge ? edgeShare(edge, audience) : null;
      return share === null ? [] : [share];
    };
    const badges = (id: string) => {
      const scene = map.scenes.find((s) => s.id === id);
      return scene ? sceneFigures(scene, audience) : [];
    };
    void layoutMap(map, { extraLines: extra, sceneBadges: badges }).then((laid) => live && setLayout({ map, layout: laid }));
    return () => {
      live = false;
    };
  }, [map, audience]);

  // A scene that no longer plays (removed, or not in this edition) is no longer selected.
  useEffect(() => {
    if (selected !== null && map && !map.scenes.some((s) => s.id === selected)) setSelected(null);
  }, [map, selected]);
  // New paths for a new story or edition.
  useEffect(() => {
    setPaths({ state: 'idle' });
    setShownPath(null);
  }, [story, playing]);

  const shown = layout?.map ?? null;
  const placed = useMemo(() => (shown ? diagnosticsOnMap(pkg.latest?.diagnostics ?? [], shown) : { scenes: new Map(), edges: new Map() }), [shown, pkg.latest]);
  const matched = useMemo(() => {
    const q = search.trim().toLowerCase();
    return new Set(q === '' || !shown ? [] : shown.scenes.filter((s) => s.id.includes(q) || s.title.toLowerCase().includes(q)).map((s) => s.id));
  }, [search, shown]);
  const path = useMemo(() => {
    if (paths.state !== 'found' || shownPath === null || !story || !shown) return { scenes: new Set<string>(), edges: new Set<string>() };
    const found = paths.paths.find((p) => p.ending === shownPath);
    const scenes = found ? scenesOfPath(story, found) : [];
    const steps = new Set(scenes.slice(1).map((to, i) => `${scenes[i]} → ${to}`));
    return { scenes: new Set(scenes), edges: new Set(shown.edges.filter((e) => steps.has(`${e.from} → ${e.to}`)).map((e) => e.id)) };
  }, [paths, shownPath, story, shown]);

  const select = useCallback((scene: string | null) => {
    setSelected(scene);
    if (scene !== null) setFocus((f) => f + 1);
  }, []);
  const pick = (d: Diagnostic) => {
    if (!shown) return;
    const place = placeDiagnostic(d, shown);
    if (place.scene !== null) select(place.scene);
  };
  const findPaths = () => {
    if (!story) return;
    setPaths({ state: 'finding' });
    // Off this click's task, so the button shows that it is working (the search takes seconds on big films).
    setTimeout(() => setPaths({ state: 'found', paths: endingPaths(story).filter((p) => p.edition === playing) }), 30);
  };
  const svg = () => (shown && layout && story ? mapToSvg(shown, layout.layout, { title: localize(story.title, lang, story.languages), audience, highlighted: path.scenes }) : null);
  const fileName = `${good?.film ?? 'film'}${playing === null ? '' : `-${playing}`}-map`;

  if (!story || !good) {
    return (
      <div className="studio" data-state={pkg.failure ? 'failed' : pkg.latest ? 'broken' : 'loading'}>
        <header>
          <h1>Sightline studio</h1>
        </header>
        {pkg.failure && <p className="failure">{pkg.failure}</p>}
        {pkg.latest && <DiagnosticsList diagnostics={pkg.latest.diagnostics} stale={false} onPick={() => undefined} />}
      </div>
    );
  }
  return (
    <div className="studio" data-state={layout ? 'ready' : 'laying-out'} data-film={good.film} data-revision={good.revision} data-latest={pkg.latest?.revision ?? ''}>
      <header>
        <h1>
          Sightline studio <span className="film">{localize(story.title, lang, story.languages)}</span>
        </h1>
        {Object.keys(story.editions).length > 0 && (
          <label>
            Edition{' '}
            <select value={playing ?? ''} onChange={(e) => setEdition(e.target.value)} aria-label="Edition">
              {Object.entries(story.editions).map(([id, e]) => (
                <option key={id} value={id}>
                  {id} — {localize(e.title, lang, story.languages)}
                </option>
              ))}
            </select>
          </label>
        )}
        <input
          type="search"
          placeholder="Find a scene by id or title"
          aria-label="Find a scene"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              const first = [...matched][0];
              if (first !== undefined) select(first);
              else setFocus((f) => f + 1);
            }
          }}
        />
        <button type="button" onClick={() => { const s = svg(); if (s) download(new Blob([s], { type: 'image/svg+xml' }), `${fileName}.svg`); }}>
          Export SVG
        </button>
        <button type="button" onClick={() => { const s = svg(); if (s) void svgToPng(s).then((png) => download(png, `${fileName}.png`)); }}>
          Export PNG
        </button>
      </header>
      <main>
        <section className="map" aria-label="Story map">
          {layout && (
            <ReactFlowProvider>
              <StoryMap
                map={layout.map}
                layout={layout.layout}
                posterUrl={(poster) => `scenes/${good.film}/${poster}?v=${encodeURIComponent(good.revision)}`}
                diagnostics={placed}
                audience={audience}
                selected={selected}
                onSelect={select}
                path={path}
                matched={matched}
                focus={focus}
              />
            </ReactFlowProvider>
          )}
        </section>
        <aside>
          <PreviewPane story={story} revision={good.revision} scene={selected} edition={playing} language={lang} onLanguage={setLanguage} gaze={loaded?.gaze ?? null} />
          {/* Under the preview: the selected scene seen and where its viewers looked, together. */}
          {loaded && selected !== null && (
            <GazeHeatmap
              key={selected}
              grid={loaded.gaze(selected)}
              image={panoramaOf(story.scenes[selected]?.media, good.film)}
              stereo={stereoOf(story.scenes[selected]?.media)}
              span={spanOf(story.scenes[selected]?.media)}
              label={`Where viewers looked in ${selected}`}
            />
          )}
          <section className="paths" aria-label="Paths to endings">
            <h2>Shortest paths to the endings</h2>
            {paths.state === 'idle' && (
              <button type="button" onClick={findPaths}>
                Find them
              </button>
            )}
            {paths.state === 'finding' && <p>Exploring every viewer's way through the film…</p>}
            {paths.state === 'found' && (
              <ul>
                {paths.paths.map((p) => (
                  <li key={p.ending}>
                    <button type="button" aria-pressed={shownPath === p.ending} onClick={() => setShownPath(shownPath === p.ending ? null : p.ending)} data-ending={p.ending}>
                      {p.ending}: {p.events.length} steps
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <DiagnosticsList diagnostics={pkg.latest?.diagnostics ?? []} stale={pkg.latest !== null && pkg.latest.story === null} onPick={pick} />
          <section className="audience-slot" aria-label="Audience" data-slot="audience">
            <AudiencePanel film={story.id} editions={Object.keys(story.editions)} languages={story.languages} onAudience={onAudience} />
          </section>
        </aside>
      </main>
    </div>
  );
}

type SceneMedia = StoryPackage['scenes'][string]['media'] | undefined;

/** The picture a scene's heatmap is drawn over: its panorama, or a video's poster; none for a colour. */
function panoramaOf(media: SceneMedia, film: string): string | null {
  const src = media?.type === 'panorama' ? media.src : media?.type === 'video' ? media.poster : undefined;
  return src === undefined ? null : `scenes/${film}/${src}`;
}

function stereoOf(media: SceneMedia): 'mono' | 'top-bottom' | 'side-by-side' {
  return media && 'stereo' in media ? media.stereo : 'mono';
}

function spanOf(media: SceneMedia): 360 | 180 {
  return media && 'span' in media ? media.span : 360;
}
