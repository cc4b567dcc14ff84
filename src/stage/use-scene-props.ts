import { useThree } from '@react-three/fiber';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { EditionCut, Scene, SceneClock, StoryPackage } from '../story';
import { type LoadedModel, ModelLibrary, assetUrl } from '../media';
import { nextScenes } from './next-scenes';

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
 * The glTF props of the scene: one model library for the stage, holding the models of this scene
 * and of the scenes it leads to (preloaded while it plays) and disposing the rest. Scene time
 * stands still while the scene's props load (`holding-props`), so nothing is missed.
 */
export function useSceneProps(story: StoryPackage, cut: EditionCut, sceneId: string, filmBase: URL, clock: SceneClock): SceneProps {
  const library = useModelLibrary();
  useSyncExternalStore((listener) => library.subscribe(listener), () => library.version);
  const urlsOf = (id: string) => (story.scenes[id]?.props ?? []).map((p) => assetUrl(filmBase, p.src));
  const wantedKey = [...new Set([sceneId, ...nextScenes(story, cut, sceneId)].flatMap(urlsOf))].join('\n');
  useEffect(() => library.keepOnly(new Set(wantedKey ? wantedKey.split('\n') : [])), [library, wantedKey]);

  const placed: PlacedProp[] = [];
  let status: SceneProps['status'] = 'ready';
  for (const prop of story.scenes[sceneId]?.props ?? []) {
    const url = assetUrl(filmBase, prop.src);
    const state = library.state(url);
    if (state.status === 'loading') status = 'loading';
    else if (state.status === 'ready') placed.push({ prop, url, model: state.model });
  }
  useEffect(() => {
    if (status === 'loading') clock.pause('holding-props');
    else clock.resume('holding-props');
  }, [clock, status]);
  useEffect(() => () => clock.resume('holding-props'), [clock]);
  return { status, placed: status === 'ready' ? placed : [] };
}

/** The stage's model library, told about the renderer (for KTX2) and disposed with the stage. */
function useModelLibrary(): ModelLibrary {
  const [library] = useState(() => new ModelLibrary());
  const gl = useThree((s) => s.gl);
  useEffect(() => library.setRenderer(gl), [library, gl]);
  useEffect(() => () => library.dispose(), [library]);
  return library;
}
