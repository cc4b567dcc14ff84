import type { WebGLRenderer } from 'three';
import { AVIF_PROBE_BASE64 } from './avif-probe';
import type { SourceSupport } from './source-pick';

/** What the transcoder can turn Basis into on this GPU (three's KTX2Loader flags). */
export interface CompressedFormats {
  readonly astcSupported: boolean;
  readonly etc1Supported: boolean;
  readonly etc2Supported: boolean;
  readonly dxtSupported: boolean;
  readonly bptcSupported: boolean;
  readonly pvrtcSupported: boolean;
}

let avif: Promise<boolean> | null = null;

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
  })();
  return avif;
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Source support for this renderer: KTX2 when the transcoder has a GPU-compressed target (else the
 * KTX2 would be expanded to plain RGBA, no better than the JPEG or WebP fallback and slower to get
 * there), AVIF from a decode probe, widths up to the lower of the profile's and the GPU's limit,
 * and MIME types from a table for images and `canPlayType` for video.
 */
export async function detectSourceSupport(renderer: WebGLRenderer, formats: CompressedFormats, profileMaxWidth: number): Promise<SourceSupport> {
  const avifDecodes = await canDecodeAvif();
  const ktx2 = formats.astcSupported || formats.etc1Supported || formats.etc2Supported || formats.dxtSupported || formats.bptcSupported || formats.pvrtcSupported;
  const video = document.createElement('video');
  return {
    ktx2,
    avif: avifDecodes,
    maxWidth: Math.min(profileMaxWidth, renderer.capabilities.maxTextureSize),
    canPlay: (type) => {
      const base = type.split(';')[0]!.trim().toLowerCase();
      if (IMAGE_TYPES.has(base)) return true;
      if (base === 'image/avif') return avifDecodes;
      if (base === 'image/ktx2') return ktx2;
      return video.canPlayType(type) !== '';
    },
  };
}
