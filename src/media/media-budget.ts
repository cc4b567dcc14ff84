import { governMemory } from './memory-governor';

/** The kinds of scene media that share one memory budget. */
export type MediaKind = 'texture' | 'video' | 'splat' | 'model';

export const MEDIA_KINDS: readonly MediaKind[] = ['texture', 'video', 'splat', 'model'];

/** One file a scene needs, with what it costs: measured once loaded, estimated before. */
export interface WantedMedia {
  readonly kind: MediaKind;
  readonly url: string;
  readonly bytes: number;
}

/** What to hold, per kind, and the bytes that takes. */
export interface MediaPlan {
  readonly kept: Readonly<Record<MediaKind, ReadonlySet<string>>>;
  readonly bytes: Readonly<Record<MediaKind, number>>;
}

/**
 * The one decision of the memory governor, across every kind of media: `scenes` lists each
 * scene's files, the current scene first, then the scenes it leads to, nearest first. The current
 * scene's files are always held, even over budget (it must play); then the next scenes' files, in
 * that order, while the running total fits `budget`. The first file that does not fit ends
 * preloading, whatever its kind, so a farther scene never takes the memory a nearer one needs.
 */
export function planMedia(scenes: ReadonlyArray<readonly WantedMedia[]>, budget: number): MediaPlan {
  const wanted = scenes.flat();
  const keep = governMemory(wanted, budget, scenes[0]?.length ?? 0);
  const kept = { texture: new Set<string>(), video: new Set<string>(), splat: new Set<string>(), model: new Set<string>() };
  const bytes = { texture: 0, video: 0, splat: 0, model: 0 };
  for (const item of wanted) {
    if (!keep.has(item.url) || kept[item.kind].has(item.url)) continue;
    kept[item.kind].add(item.url);
    bytes[item.kind] += item.bytes;
  }
  return { kept, bytes };
}
