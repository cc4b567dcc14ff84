import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Material, Object3D, Texture } from 'three';
import type { Scene, StoryPackage } from '../story';
import { type LoadedModel, type ModelLibrary, assetUrl } from '../media';

type Prop = Scene['props'][number];

/** A prop whose model is loaded, ready to be placed. */
export interface PlacedProp {
  readonly prop: Prop;
  readonly url: string;
  readonly model: LoadedModel;
}

export interface SceneProps {
  /** 'loading' while any of the scene's props is still loading (failed ones are skipped). */
  readonly status: 'loading' | 'ready';
  readonly placed: readonly PlacedProp[];
}

/**
 * The glTF props of the scene, from the player's model library (which models are held for this
 * scene and preloaded for the next is the media layer's decision, `planSceneMedia`; the renderer
 * it picks KTX2 formats for is handed over with the others' in `useSceneMedia`). The
 * stage holds the scene while they load.
 */
export function useSceneProps(story: StoryPackage, sceneId: string, filmBase: URL, library: ModelLibrary): SceneProps {
  const version = useSyncExternalStore((listener) => library.subscribe(listener), () => library.version);
  useWarmModels(library, version);

  const placed: PlacedProp[] = [];
  let status: SceneProps['status'] = 'ready';
  for (const prop of story.scenes[sceneId]?.props ?? []) {
    const url = assetUrl(filmBase, prop.src);
    const state = library.state(url);
    if (state.status === 'loading') status = 'loading';
    else if (state.status === 'ready') placed.push({ prop, url, model: state.model });
  }
  return { status, placed: status === 'ready' ? placed : [] };
}

/**
 * Uploads the textures and compiles the shaders of every held model as soon as it loads, so
 * entering a preloaded scene costs no upload or compile on its first frame.
 */
function useWarmModels(library: ModelLibrary, version: number): void {
  const { gl, camera, scene } = useThree();
  const warmed = useMemo(() => new WeakSet<Object3D>(), []);
  useEffect(() => {
    for (const url of library.urls()) {
      const state = library.state(url);
      if (state.status !== 'ready' || warmed.has(state.model.scene)) continue;
      warmed.add(state.model.scene);
      state.model.scene.traverse((object) => {
        const material = (object as Object3D & { material?: Material | Material[] }).material;
        for (const m of Array.isArray(material) ? material : material ? [material] : [])
          for (const value of Object.values(m)) if ((value as Texture | null)?.isTexture) gl.initTexture(value as Texture);
      });
      // With the stage's scene as target, so the shaders match its lights.
      gl.compileAsync(state.model.scene, camera, scene).catch((error: unknown) => console.warn(`stage: compiling the shaders of "${url}" failed early:`, error));
    }
  }, [library, version, warmed, gl, camera, scene]);
}
