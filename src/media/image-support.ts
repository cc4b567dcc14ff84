import { AVIF_PROBE_BASE64 } from './avif-probe';
import type { GpuFacts } from './gpu-probe';
import type { SourceSupport } from './source-pick';

let avif: Promise<boolean> | null = null;
let avifAnswer: boolean | null = null;

/** Whether the browser decodes AVIF: one 1×1 image, decoded once per page. */
export function canDecodeAvif(): Promise<boolean> {
  avif ??= (async () => {
    try {
      const bytes = Uint8Array.from(atob(AVIF_PROBE_BASE64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/avif' }));
      const ok = bitmap.width === 1;
      bitmap.close();
      return ok;
    } catch {
      return false;
    }
  })().then((ok) => (avifAnswer = ok));
  return avif;
}

/** The AVIF probe's answer, or null until it has one. */
export function avifDecodes(): boolean | null {
  return avifAnswer;
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Source support for this GPU: KTX2 when the transcoder has a GPU-compressed target (else the KTX2
 * would be expanded to plain RGBA, no better than the JPEG or WebP fallback and slower to get
 * there), AVIF from the decode probe (null while it runs), widths up to the lower of the profile's
 * and the GPU's limit, and MIME types from a table for images and `canPlayType` for video.
 */
export function sourceSupport(gpu: GpuFacts, profileMaxWidth: number): SourceSupport {
  const avifDecodes = avifAnswer;
  const ktx2 = gpu.compressedTextures;
  const video = document.createElement('video');
  return {
    ktx2,
    avif: avifDecodes,
    maxWidth: Math.min(profileMaxWidth, gpu.maxTextureSize),
    canPlay: (type) => {
      const base = type.split(';')[0]!.trim().toLowerCase();
      if (IMAGE_TYPES.has(base)) return true;
      if (base === 'image/avif') return avifDecodes === true;
      if (base === 'image/ktx2') return ktx2;
      return video.canPlayType(type) !== '';
    },
  };
}
