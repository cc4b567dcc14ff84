import type { Media, StoryPackage } from './schema';

/** A file the story names, and where (a JSON path in story.json) it names it. */
export interface AssetReference {
  readonly src: string;
  readonly at: readonly PropertyKey[];
  /** Subtitles are read and checked as WebVTT; every other asset only has to exist. */
  readonly subtitles: boolean;
}

/** Every asset file a package names: media (and alternates'), splat worlds, props, narration, ambience, subtitles. */
export function storyAssets(story: StoryPackage): AssetReference[] {
  const out: AssetReference[] = [];
  const file = (src: string, at: PropertyKey[], subtitles = false) => out.push({ src, at, subtitles });
  const media = (m: Media, at: PropertyKey[]) => {
    if (m.type === 'color') return;
    file(m.src, [...at, 'src']);
    m.sources.forEach((s, i) => file(s.src, [...at, 'sources', i, 'src']));
    if (m.poster) file(m.poster, [...at, 'poster']);
  };
  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    media(scene.media, ['scenes', sceneId, 'media']);
    scene.alternates.forEach((a, i) => media(a.media, ['scenes', sceneId, 'alternates', i, 'media']));
    if (scene.splat) file(scene.splat.src, ['scenes', sceneId, 'splat', 'src']);
    scene.props.forEach((p, i) => file(p.src, ['scenes', sceneId, 'props', i, 'src']));
    for (const [language, src] of Object.entries(scene.narration)) file(src, ['scenes', sceneId, 'narration', language]);
    if (scene.ambience) file(scene.ambience.src, ['scenes', sceneId, 'ambience', 'src']);
    for (const [language, src] of Object.entries(scene.subtitles)) file(src, ['scenes', sceneId, 'subtitles', language], true);
  }
  return out;
}
