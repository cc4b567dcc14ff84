import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import type { Diagnostic, MapScene } from '../story';
import { isClueBadge } from './map-text';

export interface SceneNodeData extends Record<string, unknown> {
  readonly scene: MapScene;
  /** The poster's address (with the package's revision, so a new picture shows), or null. */
  readonly posterUrl: string | null;
  readonly diagnostics: readonly Diagnostic[];
  /** The audience's figures for the scene (viewers, mean time, left), if a summary was given. */
  readonly figures: readonly string[];
  /** On the path to an ending being shown. */
  readonly onPath: boolean;
  /** Matches the search. */
  readonly matched: boolean;
}

export type SceneNodeType = Node<SceneNodeData, 'scene'>;

/** One scene of the map: poster, title, id, emotion and editions, with its marks and badges. */
export function SceneNode({ data, selected }: NodeProps<SceneNodeType>) {
  const { scene, diagnostics } = data;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const classes = ['scene-node', scene.start && 'is-start', scene.ending && 'is-ending', data.onPath && 'on-path', data.matched && 'matched', selected && 'selected'];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-scene={scene.id} data-diagnostics={diagnostics.length}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="poster" data-color={scene.color ?? undefined}>
        {data.posterUrl !== null && <img src={data.posterUrl} alt="" loading="lazy" draggable={false} />}
        {scene.color !== null && <ColorSwatch color={scene.color} />}
        <div className="marks">
          {scene.start && <span className="mark start">start</span>}
          {scene.ending && <span className="mark ending">ending</span>}
          {scene.inserted && <span className="mark inserted">inserted</span>}
          {scene.alternates > 0 && (
            <span className="mark alternates" title="backup modules (alternates); which one this edition plays">
              alt {scene.alternatePlayed > 0 ? `${scene.alternatePlayed}/` : ''}
              {scene.alternates}
            </span>
          )}
        </div>
        {(errors > 0 || warnings > 0) && (
          <div className="problems">
            {errors > 0 && <span className="badge error">{errors} error{errors === 1 ? '' : 's'}</span>}
            {warnings > 0 && <span className="badge warning">{warnings} warning{warnings === 1 ? '' : 's'}</span>}
          </div>
        )}
      </div>
      <div className="title">{scene.title}</div>
      <div className="meta">
        <code>{scene.id}</code>
        {scene.emotion !== null && <span className="badge emotion">{scene.emotion}</span>}
      </div>
      <div className="editions">
        {scene.editions.map((e) => (
          <span key={e} className="badge edition">
            {e}
          </span>
        ))}
      </div>
      {data.figures.length > 0 && (
        <div className="audience-figures" data-audience="scene">
          {data.figures.map((f) => (
            <span key={f} className={isClueBadge(f) ? 'badge audience clue' : 'badge audience'}>
              {f}
            </span>
          ))}
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** A plain-colour scene's colour, drawn as SVG (a fill attribute: no inline style the policy would weigh). */
function ColorSwatch({ color }: { color: string }) {
  return (
    <svg className="swatch" viewBox="0 0 2 1" preserveAspectRatio="none" aria-hidden="true">
      <rect width="2" height="1" fill={color} />
    </svg>
  );
}
