import type { CompressedTexture, Texture } from 'three';

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

/** GPU bytes of a decoded texture: its transcoded mip chain when compressed (KTX2), else RGBA with mips if it has them. */
export function decodedTextureBytes(texture: Texture): number {
  const compressed = texture as Partial<CompressedTexture>;
  if (compressed.isCompressedTexture && compressed.mipmaps)
    return (compressed.mipmaps as Array<{ data: ArrayBufferView }>).reduce((sum, m) => sum + m.data.byteLength, 0);
  const image = texture.image as { width?: number; height?: number } | null;
  if (!image?.width || !image.height) return 0;
  return textureBytes(image.width, image.height, 'rgba8', texture.generateMipmaps);
}

/**
 * Decoded frames a browser's video pipeline keeps besides the one on show (decoder reference and
 * output queue, typically 3–6 for VP9/H.264); each in YUV 4:2:0, 1.5 bytes a pixel.
 */
const VIDEO_QUEUED_FRAMES = 4;

/**
 * Bytes a playing video holds: its frame texture (RGBA; three's VideoTexture has no mipmaps) and
 * an allowance for the decoder's queued frames. Compressed buffered data (a few MB) is left out.
 */
export function videoBytes(width: number, height: number): number {
  const pixels = Math.max(1, Math.round(width)) * Math.max(1, Math.round(height));
  return pixels * 4 + Math.ceil(pixels * 1.5) * VIDEO_QUEUED_FRAMES;
}

/**
 * Spark keeps a splat in 16 bytes (`PackedSplats`: four 32-bit words — RGBA8, centre as halves,
 * quantised scales and quaternion; `ensureSplats` allocates `maxSplats * 4` Uint32s) and uploads
 * that array as a texture of the same size; extended splats (`ExtSplats`) take two such arrays.
 */
export const PACKED_SPLAT_BYTES = 16;
export const EXT_SPLAT_BYTES = 32;

/** Bytes of a splat world of `count` splats (its level-of-detail splats counted by the caller). */
export function splatBytes(count: number, bytesPerSplat = PACKED_SPLAT_BYTES): number {
  return Math.max(0, Math.round(count)) * bytesPerSplat;
}

export interface Candidate {
  readonly url: string;
  /** Measured bytes once decoded, else an estimate. */
  readonly bytes: number;
}

/**
 * Which media to hold, given what the story may show next in order of need: the first `required`
 * (the current scene's media) are always kept; each following one is kept while the running total
 * stays within `budget`. The first that does not fit ends the list, so a farther scene never
 * crowds out a nearer one. Repeated URLs count once.
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
