import { useThree } from '@react-three/fiber';
import type { SparkRenderer } from '@sparkjsdev/spark';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { DEG, type StoryPackage } from '../story';
import { type SplatLibrary, type SplatState, assetUrl, sparkIfLoaded } from '../media';

export interface SplatWorldProps {
  readonly story: StoryPackage;
  readonly sceneId: string;
  readonly filmBase: URL;
  /** The worlds held for this scene and the next ones (the media layer's plan, `planSceneMedia`, picks them). */
  readonly library: SplatLibrary;
  /** Most splats to draw at once (the device profile's `splatBudget`). */
  readonly budget: number;
}

/**
 * The scene's Gaussian-splat world, layered over the backdrop: loaded through Spark (imported
 * only when a scene has one); the stage holds the scene, backdrop showing, while it loads. Which worlds are loaded, preloaded and disposed is the memory governor's decision.
 */
export function SplatWorld({ story, sceneId, filmBase, library, budget }: SplatWorldProps) {
  useSyncExternalStore((listener) => library.subscribe(listener), () => library.version);

  const splat = story.scenes[sceneId]?.splat;
  const url = splat ? assetUrl(filmBase, splat.src) : null;
  const state: SplatState | null = url ? library.state(url) : null;

  useEffect(() => {
    if (state?.status === 'failed') console.warn(`${state.error}; showing the backdrop without it`);
  }, [state]);

  // For tests and diagnostics: the world's status and the files of the worlds held in memory.
  const canvas = useThree((s) => s.gl.domElement);
  const held = library.readyUrls();
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
      <group position={splat.position} rotation={[rx * DEG, ry * DEG, rz * DEG]} scale={splat.scale}>
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
