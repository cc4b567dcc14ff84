import type { Edge, EdgeProps } from '@xyflow/react';
import type { Diagnostic, MapEdge } from '../story';
import { type Box, LINE_HEIGHT } from './layout';
import { edgeLines } from './map-text';

export interface WayEdgeData extends Record<string, unknown> {
  readonly way: MapEdge;
  readonly points: ReadonlyArray<{ x: number; y: number }>;
  readonly label: Box | null;
  /** The choice's share of the audience, as text, or null. */
  readonly share: string | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly onPath: boolean;
}

export type WayEdgeType = Edge<WayEdgeData, 'way'>;

/**
 * A way between scenes, drawn along ELK's route (not React Flow's own curve) with its label where
 * ELK left room for it: choices solid, routes at scene end dashed, ways the validator faults red.
 */
export function WayEdge({ id, data, markerEnd }: EdgeProps<WayEdgeType>) {
  if (!data || data.points.length < 2) return null;
  const { way, label } = data;
  const d = data.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const lines = edgeLines(way);
  const classes = ['way', way.kind, way.isDefault && 'default', data.onPath && 'on-path', data.diagnostics.length > 0 && 'faulted'];
  return (
    <g className={classes.filter(Boolean).join(' ')} data-edge={id} data-from={way.from} data-to={way.to}>
      <path className="way-line" d={d} fill="none" markerEnd={markerEnd} />
      <path className="way-hit" d={d} fill="none" />
      {label && (
        <g className="way-label" transform={`translate(${label.x} ${label.y})`}>
          <rect width={label.width} height={label.height} rx={4} />
          {lines.map((line, i) => (
            <text key={i} x={6} y={(i + 1) * LINE_HEIGHT} className={i === 0 ? 'first' : 'condition'}>
              {line}
            </text>
          ))}
          {data.share !== null && (
            <text x={6} y={(lines.length + 1) * LINE_HEIGHT} className="share" data-audience="share">
              {data.share}
            </text>
          )}
          {data.diagnostics.length > 0 && (
            <g className="way-problem" transform={`translate(${label.width - 8} -6)`}>
              <circle r={7} />
              <text textAnchor="middle" y={4}>
                {data.diagnostics.length}
              </text>
            </g>
          )}
        </g>
      )}
    </g>
  );
}
