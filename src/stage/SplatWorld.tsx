import { useThree } from '@react-three/fiber';
import type { SparkRenderer } from '@sparkjsdev/spark';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { type EditionCut, type SceneClock, type StoryPackage } from '../story';
import { SplatLibrary, type SplatState, assetUrl, sparkIfLoaded } from '../media';
import { degToRad } from './direction';

/**
 * Most worlds of next scenes held ready beside the current one: a world can run to hundreds of
 * megabytes, so a scene with many ways on preloads only its first ones (in choice order).
 */
const MAX_PRELOADED_WORLDS = 2;

export interface SplatWorldProps {
  readonly story: StoryPackage;
  readonly cut: EditionCut;
  readonly sceneId: string;
  readonly filmBase: URL;
  /** Most splats to draw at once (the device profile's `splatBudget`). */
  readonly budget: number;
  readonly clock: SceneClock;
}

/**
 * The scene's Gaussian-splat world, layered over the backdrop: loaded through Spark (imported
 * only when a scene has one), held while it loads with scene time stopped and the backdrop
 * showing, the next scenes' worlds preloaded once it is ready, and every world that falls out of
 * reach disposed.
 */
export function SplatWorld({ story, cut, sceneId, filmBase, budget, clock }: SplatWorldProps) {
  const [library] = useState(() => new SplatLibrary({ budget }));
  useEffect(() => () => library.dispose(), [library]);
  useSyncExternalStore((listener) => library.subscribe(listener), () => library.version);

  const splat = story.scenes[sceneId]?.splat;
  const url = splat ? assetUrl(filmBase, splat.src) : null;
  const state: SplatState | null = url ? library.state(url) : null;
  const settled = state?.status !== 'loading';

  // The worlds the story may show next, preloaded only once this scene's own world is in, so
  // they never compete with it for the network or Spark's workers.
  const scene = story.scenes[sceneId];
  const nextScenes = scene ? [...cut.choicesOf(sceneId).map((c) => c.to), ...(scene.next ?? []).map((r) => r.to)].map((s) => cut.resolve(s)) : [];
  const nextUrls = settled
    ? [...new Set(nextScenes.flatMap((s) => (story.scenes[s]?.splat ? [assetUrl(filmBase, story.scenes[s]!.splat!.src)] : [])))].slice(0, MAX_PRELOADED_WORLDS)
    : [];
  const wantedKey = [...new Set([...(url ? [url] : []), ...nextUrls])].join('\n');
  useEffect(() => library.keepOnly(new Set(wantedKey ? wantedKey.split('\n') : [])), [library, wantedKey]);

  // Scene time stands still while the stage holds for the world.
  const holding = state?.status === 'loading';
  useEffect(() => {
    if (holding) clock.pause('holding-splat');
    else clock.resume('holding-splat');
  }, [clock, holding]);
  useEffect(() => () => clock.resume('holding-splat'), [clock]);
  useEffect(() => {
    if (state?.status === 'failed') console.warn(`${state.error}; showing the backdrop without it`);
  }, [state]);

  // For tests and diagnostics: the world's status and the files of the worlds held in memory.
  const canvas = useThree((s) => s.gl.domElement);
  const held = [...new Set([...(url ? [url] : []), ...nextUrls])].filter((u) => library.state(u).status === 'ready');
  useEffect(() => {
    canvas.dataset['splat'] = state ? state.status : 'none';
    canvas.dataset['splatWorlds'] = held.map((u) => u.split('/').pop()).join(' ');
  });

  if (!splat || state?.status !== 'ready') return null;
  const [rx, ry, rz] = splat.rotation;
  return (
    <>
      <SparkLayer budget={budget} />
      {/* Inside the stage's world group: metres with the floor at y = 0. */}
      <group position={splat.position} rotation={[degToRad(rx), degToRad(ry), degToRad(rz)]} scale={splat.scale}>
        <primitive object={state.mesh} />
      </group>
    </>
  );
}

/**
 * Spark's renderer: one mesh in the scene that draws every SplatMesh in it, sorted together. It
 * lives while a world is on show and is disposed (its sort and LoD workers and buffers) after.
 */
function SparkLayer({ budget }: { budget: number }) {
  const gl = useThree((s) => s.gl);
  const [spark, setSpark] = useState<SparkRenderer | null>(null);
  useEffect(() => {
    const module = sparkIfLoaded();
    if (!module) return;
    // lodSplatCount: the most splats Spark's level of detail draws (its default is 0.5–2.5 M by platform).
    const renderer = new module.SparkRenderer({ renderer: gl, lodSplatCount: budget });
    // After the backdrop spheres (-3, -2), before the fade veil and the hotspots and choices (0),
    // so a fade through a colour covers the world and the player's own marks stay on top.
    renderer.renderOrder = -1;
    setSpark(renderer);
    return () => {
      renderer.removeFromParent();
      renderer.dispose();
      // Spark's dispose frees its targets, textures and workers but not its own mesh's parts.
      renderer.geometry.dispose();
      renderer.material.dispose();
    };
  }, [gl, budget]);
  return spark ? <primitive object={spark} /> : null;
}
