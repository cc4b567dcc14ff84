import type { WebGLRenderer } from 'three';

/** What the device's GPU takes, as far as choosing a picture's source goes. */
export interface GpuFacts {
  /** The GPU's widest texture. */
  readonly maxTextureSize: number;
  /** A Basis-compressed KTX2 picture has a GPU-compressed format to be transcoded to. */
  readonly compressedTextures: boolean;
}

/** The WebGL extensions three's KTX2Loader transcodes Basis to (its `detectSupport`). */
const COMPRESSED_TEXTURE_EXTENSIONS = [
  'WEBGL_compressed_texture_astc',
  'WEBGL_compressed_texture_etc1',
  'WEBGL_compressed_texture_etc',
  'WEBGL_compressed_texture_s3tc',
  'EXT_texture_compression_bptc',
  'WEBGL_compressed_texture_pvrtc',
  'WEBKIT_WEBGL_compressed_texture_pvrtc',
];

let probed: GpuFacts | null | undefined;

/**
 * The GPU's facts from a throwaway WebGL context, or null where this browser can make none
 * (WebGL switched off, a blocklisted GPU without a software fallback, hardware acceleration off on
 * a kiosk PC). Asked once per page, before any canvas: the page learns whether it can play at all,
 * and the first picture's source is chosen without waiting for the renderer to be made.
 */
export function probeGpu(): GpuFacts | null {
  if (probed === undefined) {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    probed = gl && {
      maxTextureSize: gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
      compressedTextures: (gl.getSupportedExtensions() ?? []).some((name) => COMPRESSED_TEXTURE_EXTENSIONS.includes(name)),
    };
    // Give the probe's context back at once: browsers allow only a few at a time.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return probed;
}

/** The same facts from a renderer (a new one after a lost context may differ from the probe's). */
export function gpuFactsOf(renderer: WebGLRenderer): GpuFacts {
  return {
    maxTextureSize: renderer.capabilities.maxTextureSize,
    compressedTextures: COMPRESSED_TEXTURE_EXTENSIONS.some((name) => renderer.extensions.has(name)),
  };
}
