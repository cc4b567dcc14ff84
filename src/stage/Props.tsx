import { useFrame } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { type AnimationAction, AnimationMixer, type Group } from 'three';
import { clone as cloneSkinned } from 'three/examples/jsm/utils/SkeletonUtils.js';
import { DEG, type SceneClock } from '../story';
import type { PlacedProp } from './use-scene-props';

export interface ScenePropsLayerProps {
  readonly sceneId: string;
  readonly placed: readonly PlacedProp[];
  /** Scene time drives the props' animation clips, so they pause with the scene. */
  readonly clock: SceneClock;
}

/**
 * The scene's glTF props, placed in world space (render inside the group of world content, floor
 * at y = 0). Each prop is a clone of its shared model: geometries, materials and textures stay the
 * model library's to dispose.
 */
export function ScenePropsLayer({ sceneId, placed, clock }: ScenePropsLayerProps) {
  return (
    <>
      {placed.map((p, i) => (
        <PropModel key={`${sceneId}:${i}:${p.url}`} placed={p} clock={clock} />
      ))}
    </>
  );
}

function PropModel({ placed, clock }: { placed: PlacedProp; clock: SceneClock }) {
  const { prop, model } = placed;
  const group = useRef<Group>(null);
  // SkeletonUtils' clone keeps skinned meshes bound to their own bones; resources stay shared.
  const instance = useMemo(() => cloneSkinned(model.scene), [model]);
  const clip = prop.animation === undefined ? undefined : model.animations.find((a) => a.name === prop.animation);
  const animation = useMemo<{ mixer: AnimationMixer; action: AnimationAction } | null>(() => {
    if (!clip) return null;
    const mixer = new AnimationMixer(instance);
    return { mixer, action: mixer.clipAction(clip).play() };
  }, [instance, clip]);

  useLayoutEffect(() => {
    const parent = group.current;
    parent?.add(instance);
    return () => void parent?.remove(instance);
  }, [instance]);
  useEffect(() => {
    if (prop.animation === undefined || clip) return;
    const names = model.animations.map((a) => `"${a.name}"`).join(', ') || 'none';
    console.warn(`stage: prop "${prop.src}" has no animation clip "${prop.animation}" (its clips: ${names}); it is shown unanimated`);
  }, [prop, clip, model]);
  useEffect(
    () => () => {
      if (!animation) return;
      animation.mixer.stopAllAction();
      animation.mixer.uncacheRoot(instance);
    },
    [animation, instance],
  );

  // The pose is a function of scene time: it loops with the clip, holds while the clock is paused.
  const shownAt = useRef(-1);
  useFrame(() => {
    if (!animation) return;
    const seconds = clock.now() / 1000;
    if (seconds === shownAt.current) return;
    shownAt.current = seconds;
    animation.mixer.setTime(seconds);
  });

  const [rx, ry, rz] = prop.rotation;
  return <group ref={group} position={prop.position} rotation={[rx * DEG, ry * DEG, rz * DEG]} scale={prop.scale} />;
}
