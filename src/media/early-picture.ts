import { fetchPictureBitmap } from './picture-file';

/** Pictures fetched and decoded before any texture library existed, by URL, until one takes them. */
const early = new Map<string, Promise<ImageBitmap>>();
/** Once the player has held its media, an early picture would be taken by nobody: none starts. */
let closed = false;

/**
 * Fetches and decodes a picture now, for a texture library made later to take (`takeEarlyPicture`):
 * the page's first picture starts as soon as story.json is in, while the player's code sets up
 * the film, React and the renderer. What no library takes is closed by `dropEarlyPictures`.
 */
export function startEarlyPicture(url: string, maxTextureSize: number): void {
  if (closed || early.has(url)) return;
  const bitmap = fetchPictureBitmap(url, maxTextureSize);
  // The library that takes it reports a failure; one nobody takes must not be an unhandled rejection.
  bitmap.catch(() => {});
  early.set(url, bitmap);
}

/** The early picture of this URL, once; null when none was started. */
export function takeEarlyPicture(url: string): Promise<ImageBitmap> | null {
  const bitmap = early.get(url) ?? null;
  early.delete(url);
  return bitmap;
}

/** Closes every early picture not taken (a guess the film did not open on), giving back its memory; no more start. */
export function dropEarlyPictures(): void {
  closed = true;
  for (const bitmap of early.values())
    bitmap.then(
      (b) => b.close(),
      () => {},
    );
  early.clear();
}
