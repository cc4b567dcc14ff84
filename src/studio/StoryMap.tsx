import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { AudienceSummary } from '../records';
import type { Diagnostic, StoryMap as Map } from '../story';
import type { MapLayout } from './layout';
import { edgeShare, sceneFigures } from './map-text';
import { SceneNode, type SceneNodeType } from './SceneNode';
import { WayEdge, type WayEdgeType } from './WayEdge';

export interface StoryMapProps {
  readonly map: Map;
  readonly layout: MapLayout;
  /** A scene's poster path in the package → its address. */
  readonly posterUrl: (path: string) => string;
  readonly diagnostics: { readonly scenes: ReadonlyMap<string, Diagnostic[]>; readonly edges: ReadonlyMap<string, Diagnostic[]> };
  /** What audiences did, drawn on scenes (viewers, mean time, left) and choices (share). @default none */
  readonly audience?: AudienceSummary | undefined;
  readonly selected: string | null;
  readonly onSelect: (scene: string | null) => void;
  /** Scenes and edges of the path to an ending being shown. */
  readonly path: { readonly scenes: ReadonlySet<string>; readonly edges: ReadonlySet<string> };
  /** Scenes matching the search. */
  readonly matched: ReadonlySet<string>;
  /** Bumped to bring the selected scene into view. */
  readonly focus: number;
}

const nodeTypes = { scene: SceneNode };
const edgeTypes = { way: WayEdge };

/** The story map: React Flow over ELK's layout, nodes fixed where ELK put them; pan and zoom. */
export function StoryMap(props: StoryMapProps) {
  const { map, layout, audience, diagnostics, path, matched, selected } = props;
  const nodes = useMemo(
    () =>
      map.scenes.map((scene): SceneNodeType => {
        const box = layout.scenes.get(scene.id) ?? { x: 0, y: 0, width: 0, height: 0 };
        return {
          id: scene.id,
          type: 'scene',
          position: { x: box.x, y: box.y },
          width: box.width,
          height: box.height,
          selected: scene.id === selected,
          data: {
            scene,
            posterUrl: scene.poster === null ? null : props.posterUrl(scene.poster),
            diagnostics: diagnostics.scenes.get(scene.id) ?? [],
            figures: sceneFigures(scene, audience),
            onPath: path.scenes.has(scene.id),
            matched: matched.has(scene.id),
          },
        };
      }),
    [map, layout, audience, diagnostics, path, matched, selected, props.posterUrl],
  );
  const edges = useMemo(
    () =>
      map.edges.map((way): WayEdgeType => {
        const laid = layout.edges.get(way.id);
        return {
          id: way.id,
          source: way.from,
          target: way.to,
          type: 'way',
          markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
          data: { way, points: laid?.points ?? [], label: laid?.label ?? null, share: edgeShare(way, audience), diagnostics: diagnostics.edges.get(way.id) ?? [], onPath: path.edges.has(way.id) },
        };
      }),
    [map, layout, audience, diagnostics, path],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      colorMode="dark"
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      elementsSelectable
      minZoom={0.05}
      maxZoom={2}
      fitView
      onNodeClick={(_, node) => props.onSelect(node.id)}
      onPaneClick={() => props.onSelect(null)}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable nodeStrokeWidth={3} />
      <Focus scene={selected} focus={props.focus} matched={matched} />
    </ReactFlow>
  );
}

/** Brings the selected scene (or the search's matches) into view when asked. */
function Focus({ scene, focus, matched }: { scene: string | null; focus: number; matched: ReadonlySet<string> }) {
  const flow = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const ids = scene !== null ? [scene] : [...matched];
    if (ids.length > 0) void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 250, maxZoom: 1, padding: 0.3 });
  }, [focus]);
  return null;
}
