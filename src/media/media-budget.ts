import { governMemory } from './memory-governor';

/** The kinds of scene media that share one memory budget: what is seen and what is heard. */
export type MediaKind = 'texture' | 'video' | 'splat' | 'model' | 'narration' | 'ambience';

export const MEDIA_KINDS: readonly MediaKind[] = ['texture', 'video', 'splat', 'model', 'narration', 'ambience'];

/** URLs to hold, per kind. */
export type MediaKept = Readonly<Record<MediaKind, ReadonlySet<string>>>;

/** One file a scene needs, with what it costs: measured once loaded, estimated before. */
export interface WantedMedia {
  readonly kind: MediaKind;
  readonly url: string;
  readonly bytes: number;
}

/** What to hold, per kind, and the bytes that takes. */
export interface MediaPlan {
  readonly kept: MediaKept;
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
  const kept = perKind(() => new Set<string>());
  const bytes = perKind(() => 0);
  for (const item of wanted) {
    if (!keep.has(item.url) || kept[item.kind].has(item.url)) continue;
    kept[item.kind].add(item.url);
    bytes[item.kind] += item.bytes;
  }
  return { kept, bytes };
}

/** A record with one value for each kind of media. */
export function perKind<T>(value: (kind: MediaKind) => T): Record<MediaKind, T> {
  return Object.fromEntries(MEDIA_KINDS.map((kind) => [kind, value(kind)])) as Record<MediaKind, T>;
}
