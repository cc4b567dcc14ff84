import { type EditionCut, type Media, type StoryPackage, nextScenes } from '../story';
import { assetUrl } from './asset-url';
import { MEDIA_KINDS, type MediaKept, type MediaKind, type WantedMedia, planMedia } from './media-budget';
import type { MediaStatus } from './media-library';
import { ambienceOf, narrationUrl } from './scene-sound';
import { type SourceSupport, pickSource } from './source-pick';

/** What planning reads of the media libraries: where each file stands, what it costs, what fits. */
export interface MediaStates {
  /** What this device can show; null until a renderer is handed over. */
  readonly support: SourceSupport | null;
  /** Bytes of media of every kind to hold at once (the device profile's `mediaBudget`). */
  readonly budget: number;
  status(kind: MediaKind, url: string): MediaStatus;
  error(kind: MediaKind, url: string): string | undefined;
  /** Measured once loaded, estimated before (from the declared `width` of a picture or video). */
  bytesOf(kind: MediaKind, url: string, width?: number): number;
}

/** The scene playing, as far as its media goes. */
export interface SceneMediaRequest {
  readonly story: StoryPackage;
  readonly cut: EditionCut;
  readonly sceneId: string;
  /** The ending the edition's inserted scenes lead to now (the story context's), or null. */
  readonly pendingEnding: string | null;
  /** The viewer's language: which narration plays. */
  readonly language: string;
  readonly filmBase: URL;
  /** The picture of the scene just left, still drawn through the arriving scene's transition, or null. */
  readonly leaving: string | null;
}

export interface SceneMediaPlan {
  /** The scene's media in play: the edition's pick, or the first alternate after it not failed; null when all failed. */
  readonly media: Media | null;
  /** The file it shows on this device (the best source that has not failed), with its kind; null for a colour or until support is known. */
  readonly file: { readonly kind: 'texture' | 'video'; readonly url: string } | null;
  /** Its poster, to show while the picture itself is not ready; else null. */
  readonly poster: string | null;
  /** Why the first of the scene's media that failed did, for the viewer's notice. */
  readonly detail: string | undefined;
  /** The scenes the story can go to next, nearest first. */
  readonly next: readonly string[];
  /** What to hold, per kind; null until the device's support is known. */
  readonly kept: MediaKept | null;
  /** Changes exactly when `kept` does, so holding follows it without churn. */
  readonly key: string;
}

/**
 * Plans a scene's media from the story: what the scene shows (its media, else an alternate after a
 * failure, and the source this device takes), and what to hold. The current scene's media of every
 * kind (picture or video, poster, the picture leaving through the transition, splat world, props,
 * narration, ambience) is always held; then, once the scene's own picture or video is in, the same
 * for the scenes the story can go to next (`nextScenes`), nearest first, while it fits the budget
 * (`planMedia`). A next scene's splat world waits until the scene's own is in, so it never competes
 * with it for the network or Spark's workers. Pure: it reads the libraries through `states` and changes nothing.
 */
export function planSceneMedia(request: SceneMediaRequest, states: MediaStates): SceneMediaPlan {
  const { story, cut, sceneId, filmBase } = request;
  const support = states.support;
  const fileOf = (media: Media) => (support ? pick(media, support, filmBase, states) : null);
  const statusOf = (media: Media): MediaStatus => {
    if (media.type === 'color') return 'ready';
    const file = fileOf(media);
    return file ? states.status(file.kind, file.url) : 'loading';
  };

  const candidates = sceneCandidates(story, cut, sceneId);
  // The first candidate that has not failed; everything after a failure is tried in order.
  const media = candidates.find((m) => statusOf(m) !== 'failed') ?? null;
  const failed = candidates.find((m) => statusOf(m) === 'failed');
  const failedFile = failed && fileOf(failed);
  const file = media && fileOf(media);
  const poster = media && media.type !== 'color' && media.poster && statusOf(media) !== 'ready' ? assetUrl(filmBase, media.poster) : null;
  const next = nextScenes(story, cut, sceneId, { pendingEnding: request.pendingEnding });
  const plan = {
    media,
    file: file ? { kind: file.kind, url: file.url } : null,
    poster,
    detail: failedFile ? states.error(failedFile.kind, failedFile.url) : undefined,
    next,
  };
  if (!support) return { ...plan, kept: null, key: '' };

  const own: WantedMedia[] = [];
  if (file) own.push({ kind: file.kind, url: file.url, bytes: states.bytesOf(file.kind, file.url, file.width) });
  if (poster) own.push({ kind: 'texture', url: poster, bytes: states.bytesOf('texture', poster) });
  if (request.leaving) own.push({ kind: 'texture', url: request.leaving, bytes: states.bytesOf('texture', request.leaving) });
  const needs: WantedMedia[][] = [[...own, ...layersAndSound(request, sceneId, states)]];
  // The next scenes wait until the scene's own picture or video is in: fetched and decoded beside
  // it, theirs would share the network and the decoders with the one the viewer is waiting for.
  const ownSettled = !file || states.status(file.kind, file.url) !== 'loading';
  for (const scene of ownSettled ? next : []) {
    const first = sceneCandidates(story, cut, scene)[0];
    const p = first ? fileOf(first) : null;
    needs.push([...(p ? [{ kind: p.kind, url: p.url, bytes: states.bytesOf(p.kind, p.url, p.width) }] : []), ...layersAndSound(request, scene, states)]);
  }
  const planned = planMedia(needs, states.budget).kept;
  const splat = story.scenes[sceneId]?.splat;
  const ownWorld = splat ? assetUrl(filmBase, splat.src) : null;
  const worldSettled = ownWorld === null || states.status('splat', ownWorld) !== 'loading';
  const kept: MediaKept = { ...planned, splat: worldSettled ? planned.splat : new Set([...planned.splat].filter((url) => url === ownWorld)) };
  return { ...plan, kept, key: JSON.stringify(MEDIA_KINDS.map((kind) => [...kept[kind]])) };
}

/** A scene's media in play order: the edition's pick (the primary or an alternate), then the ones after it. */
export function sceneCandidates(story: StoryPackage, cut: EditionCut, sceneId: string): Media[] {
  const scene = story.scenes[sceneId];
  if (!scene) return [];
  const all = [scene.media, ...scene.alternates.map((a) => a.media)];
  return all.slice(Math.min(cut.alternateOf(sceneId), all.length - 1));
}

interface Picked {
  readonly kind: 'texture' | 'video';
  readonly url: string;
  readonly width: number | undefined;
}

/**
 * The file a picture or video is loaded from on this device, with its declared width: a source
 * that failed (a type the browser claimed but cannot decode) gives way to the next, then to `src`.
 */
function pick(media: Media, support: SourceSupport, filmBase: URL, states: MediaStates): Picked | null {
  if (media.type === 'color') return null;
  const kind = media.type === 'video' ? 'video' : 'texture';
  const src = pickSource(media, support, (s) => states.status(kind, assetUrl(filmBase, s)) === 'failed');
  if (src === null) return null;
  return { kind, url: assetUrl(filmBase, src), width: media.sources.find((s) => s.src === src)?.width };
}

/** A scene's splat world, prop models, narration (in the viewer's language) and ambience bed, with their bytes. */
function layersAndSound(request: SceneMediaRequest, sceneId: string, states: MediaStates): WantedMedia[] {
  const { story, filmBase } = request;
  const scene = story.scenes[sceneId];
  const items: WantedMedia[] = [];
  const add = (kind: MediaKind, url: string) => items.push({ kind, url, bytes: states.bytesOf(kind, url) });
  if (scene?.splat) add('splat', assetUrl(filmBase, scene.splat.src));
  for (const prop of scene?.props ?? []) add('model', assetUrl(filmBase, prop.src));
  const narration = narrationUrl(story, sceneId, request.language, filmBase);
  if (narration) add('narration', narration);
  const ambience = ambienceOf(story, sceneId, filmBase);
  if (ambience) add('ambience', ambience.url);
  return items;
}
