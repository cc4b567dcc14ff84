/** A scene's script resolved into the brief its painters get: defaults filled, elements placed at their hotspots. */
import { DEFAULT_ANGULAR_RADIUS, type Scene } from '../../story';
import { EMOTIONS, type Element, type Emotion, type Lighting, type SceneBrief } from './brief';

export function lightingOf(raw: Record<string, unknown> | undefined): Lighting {
  const tone = raw?.['tone'] === 'warm' ? 'warm' : 'cool';
  const num = (key: string, fallback: number) => (typeof raw?.[key] === 'number' ? (raw[key] as number) : fallback);
  const key = raw?.['key'] as { yaw?: unknown; pitch?: unknown } | undefined;
  return {
    tone,
    coolShare: num('coolShare', tone === 'cool' ? 0.7 : 0.3),
    key: { yaw: typeof key?.yaw === 'number' ? key.yaw : 0, pitch: typeof key?.pitch === 'number' ? key.pitch : 30 },
    intensity: num('intensity', 0.5),
    haze: num('haze', 0.2),
    motionBlur: num('motionBlur', 0),
  };
}

export function emotionOf(sceneId: string, emotion: string | undefined): Emotion {
  if (emotion === undefined) return 'calm';
  if ((EMOTIONS as readonly string[]).includes(emotion)) return emotion as Emotion;
  throw new Error(`film generator: scene "${sceneId}" has emotion "${emotion}", which the generator has no grade or ambience for; use one of: ${EMOTIONS.join(', ')}`);
}

/** The brief of a scene whose script names a setting; throws naming the scene and field when the script cannot be painted. */
export function briefOf(sceneId: string, scene: Scene): SceneBrief {
  const script = scene.script;
  if (!script?.setting) throw new Error(`film generator: scene "${sceneId}" has no script.setting to paint`);
  const elements: Element[] = script.elements.map((e, i) => {
    if (e.hotspot === undefined) return { motif: e.motif, yaw: e.yaw!, pitch: e.pitch!, radius: e.radius ?? DEFAULT_ANGULAR_RADIUS };
    const h = scene.hotspots.find((x) => x.id === e.hotspot);
    if (!h || h.yaw === undefined || h.pitch === undefined)
      throw new Error(`film generator: scenes.${sceneId}.script.elements[${i}] names hotspot "${e.hotspot}", which is not an angular hotspot of the scene`);
    return { motif: e.motif, yaw: h.yaw, pitch: h.pitch, radius: e.radius ?? h.radius ?? DEFAULT_ANGULAR_RADIUS, hotspot: h.id };
  });
  return {
    scene: sceneId,
    seed: script.seed ?? 0,
    setting: script.setting,
    lighting: lightingOf(script.lighting as Record<string, unknown> | undefined),
    emotion: emotionOf(sceneId, script.emotion),
    elements,
  };
}
