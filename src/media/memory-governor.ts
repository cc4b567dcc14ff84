/** How a picture is stored on the GPU, for estimating its bytes. */
export type TextureStorage = 'rgba8' | 'compressed-4bpp' | 'compressed-8bpp';

/**
 * Bytes a texture of this size takes on the GPU, including its mipmap chain when it has one.
 * Uncompressed RGBA is 4 bytes a pixel; block-compressed formats store 4×4 blocks of 8 bytes (ETC1,
 * BC1) or 16 bytes (ASTC 4×4, BC7, ETC2 RGBA), padded to whole blocks at every level.
 */
export function textureBytes(width: number, height: number, storage: TextureStorage, mipmaps: boolean): number {
  let total = 0;
  let w = Math.max(1, Math.round(width));
  let h = Math.max(1, Math.round(height));
  for (;;) {
    total += storage === 'rgba8' ? w * h * 4 : Math.ceil(w / 4) * Math.ceil(h / 4) * (storage === 'compressed-4bpp' ? 8 : 16);
    if (!mipmaps || (w === 1 && h === 1)) return total;
    w = Math.max(1, w >> 1);
    h = Math.max(1, h >> 1);
  }
}

/**
 * A guess for a picture not yet decoded: an equirectangular RGBA texture of the declared width (2:1),
 * or of `fallbackWidth` when the package does not say.
 */
export function estimateBytes(width: number | undefined, fallbackWidth: number): number {
  const w = width ?? fallbackWidth;
  return textureBytes(w, w / 2, 'rgba8', true);
}

export interface Candidate {
  readonly url: string;
  /** Measured bytes once decoded, else an estimate. */
  readonly bytes: number;
}

/**
 * Which media to hold, given what the story may show next in order of need: the first `required`
 * (the current scene's picture, and its poster while that loads) are always kept; each following
 * one is kept while the running total stays within `budget`. The first that does not fit ends the
 * list, so a farther scene never crowds out a nearer one. Repeated URLs count once.
 */
export function governMemory(wanted: readonly Candidate[], budget: number, required = 1): Set<string> {
  const kept = new Set<string>();
  let spent = 0;
  for (const [i, candidate] of wanted.entries()) {
    if (kept.has(candidate.url)) continue;
    if (i >= required && spent + candidate.bytes > budget) break;
    kept.add(candidate.url);
    spent += candidate.bytes;
  }
  return kept;
}
