import { probeGpu } from '../media/start';

/**
 * Whether this browser can make a WebGL context at all: not where WebGL is switched off, the GPU
 * is blocklisted with no software fallback, or hardware acceleration is off on a kiosk PC. Asked
 * once, before a canvas is made, so the viewer gets a screen that says so instead of an empty page.
 */
export function webglAvailable(): boolean {
  return probeGpu() !== null;
}
