let known: boolean | undefined;

/**
 * Whether this browser can make a WebGL context at all: not where WebGL is switched off, the GPU
 * is blocklisted with no software fallback, or hardware acceleration is off on a kiosk PC. Asked
 * once, before a canvas is made, so the viewer gets a screen that says so instead of an empty page.
 */
export function webglAvailable(): boolean {
  if (known === undefined) {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    known = gl !== null;
    // Give the probe's context back at once: browsers allow only a few at a time.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return known;
}
