import { checkFileSignature } from '../story/start';

/** A picture file's bytes, checked: its signature matches its extension and it fits the device. */
export interface PictureBytes {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

/**
 * Fetches a picture file and reads its size from its header, before anything decodes it: a small
 * file can claim 16,000 pixels a side, and decoding it would hang the tab and exhaust the GPU.
 */
export async function fetchPictureBytes(url: string, maxTextureSize: number, signal?: AbortSignal): Promise<PictureBytes> {
  const response = await fetch(url, { signal: signal ?? null });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const extension = new URL(url).pathname.split('.').pop()!.toLowerCase();
  const header = checkFileSignature(extension, bytes, bytes.length);
  if (!header.ok) throw new Error(`the file ${header.problem}`);
  checkFits(header.width ?? 0, header.height ?? 0, maxTextureSize);
  return { bytes, contentType: response.headers.get('content-type') ?? '' };
}

/** Throws when a picture is wider or taller than the device shows. */
export function checkFits(width: number, height: number, maxTextureSize: number): void {
  if (Math.max(width, height) > maxTextureSize) throw new Error(`the picture is ${width}×${height} pixels; this device shows at most ${maxTextureSize} on a side`);
}

/**
 * Fetches and decodes a JPEG, PNG, WebP or AVIF picture on the browser's image threads, flipped
 * for a texture here because ImageBitmaps ignore `flipY`.
 */
export async function fetchPictureBitmap(url: string, maxTextureSize: number, signal?: AbortSignal): Promise<ImageBitmap> {
  const { bytes, contentType } = await fetchPictureBytes(url, maxTextureSize, signal);
  return createImageBitmap(new Blob([bytes], { type: contentType }), { imageOrientation: 'flipY', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
}
