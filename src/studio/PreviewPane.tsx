import { useEffect, useRef, useState } from 'react';
import type { GazeGrid } from '../records';
import type { StoryPackage, VariableValue } from '../story';
import { heatmapImage, isPreviewReady, postPreviewHeatmap } from './audience';
import { previewUrl } from './preview-url';

export interface PreviewPaneProps {
  readonly story: StoryPackage;
  /** Changes when the package does: the preview reloads with it. */
  readonly revision: string;
  readonly scene: string | null;
  readonly edition: string | null;
  readonly language: string;
  readonly onLanguage: (language: string) => void;
  /** Where audiences looked, scene by scene: drawn over the preview's scenes. @default none */
  readonly gaze?: ((scene: string) => GazeGrid) | null | undefined;
}

/** Pixels across a heatmap sent to the preview: enough for a sphere seen at preview size. */
const PREVIEW_HEATMAP_WIDTH = 512;

/**
 * The real player in a frame, at the selected scene (`?scene=`, hotspots outlined), in the edition
 * and language chosen, with starting values for the story's variables (`?var.<name>=`). "Play from
 * here" starts the viewing there anew.
 */
export function PreviewPane({ story, revision, scene, edition, language, onLanguage, gaze }: PreviewPaneProps) {
  const [variables, setVariables] = useState<Record<string, VariableValue>>({});
  const [run, setRun] = useState(0);
  const frame = useRef<HTMLIFrameElement>(null);
  // The player says when it listens; every scene anyone looked around in gets its heatmap then,
  // and again when the audience changes.
  useEffect(() => {
    const send = () => {
      const target = frame.current?.contentWindow;
      if (!target) return;
      postPreviewHeatmap(target, null, null);
      if (!gaze) return;
      for (const id of Object.keys(story.scenes)) {
        const grid = gaze(id);
        if (grid.total > 0) postPreviewHeatmap(target, id, heatmapImage(grid, { width: PREVIEW_HEATMAP_WIDTH }));
      }
    };
    const onMessage = (event: MessageEvent) => {
      if (isPreviewReady(event, frame.current?.contentWindow ?? null)) send();
    };
    window.addEventListener('message', onMessage);
    send();
    return () => window.removeEventListener('message', onMessage);
  }, [gaze, story]);
  // Only values the story still declares, and that differ from its own.
  const changed = Object.fromEntries(Object.entries(variables).filter(([name, value]) => Object.hasOwn(story.variables, name) && story.variables[name] !== value));
  const src = previewUrl({ film: story.id, scene, edition, language, variables: changed });
  return (
    <section className="preview" aria-label="Preview">
      <div className="preview-bar">
        <h2>Preview</h2>
        <span className="at">{scene === null ? 'from the start' : <code>{scene}</code>}</span>
        <label>
          Language{' '}
          <select value={language} onChange={(e) => onLanguage(e.target.value)}>
            {story.languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setRun((r) => r + 1)}>
          ▶ {scene === null ? 'Play from the start' : 'Play from here'}
        </button>
      </div>
      {scene === null && run === 0 ? (
        // No player until asked for: a film playing in a corner costs the machine the author edits on.
        <p className="idle">Select a scene on the map to preview it there, or play the film from the start.</p>
      ) : (
        <iframe ref={frame} key={`${revision}/${run}/${src}`} title="Player preview" src={src} data-src={src} allow="xr-spatial-tracking; fullscreen; autoplay" />
      )}
      {Object.keys(story.variables).length > 0 && (
        <details className="variables">
          <summary>Starting values</summary>
          {Object.entries(story.variables).map(([name, initial]) => (
            <label key={name}>
              <code>{name}</code>
              <VariableInput initial={initial} value={variables[name] ?? initial} onChange={(value) => setVariables((v) => ({ ...v, [name]: value }))} />
            </label>
          ))}
          <button type="button" onClick={() => setVariables({})}>
            Reset to the film's
          </button>
        </details>
      )}
    </section>
  );
}

function VariableInput({ initial, value, onChange }: { initial: VariableValue; value: VariableValue; onChange: (value: VariableValue) => void }) {
  if (typeof initial === 'boolean') return <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  if (typeof initial === 'number')
    return (
      <input
        type="number"
        step="any"
        value={String(value)}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) onChange(n);
        }}
      />
    );
  return <input type="text" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
}
