import { useFrame } from '@react-three/fiber';

/**
 * Writes what the GPU holds (textures, geometries) on the canvas as data attributes, for memory
 * tests and anyone inspecting a long-running kiosk: a scene that leaks shows up as a growing count.
 */
export function RendererStats() {
  useFrame((state) => {
    const { textures, geometries } = state.gl.info.memory;
    const canvas = state.gl.domElement;
    if (canvas.dataset['textures'] !== String(textures)) canvas.dataset['textures'] = String(textures);
    if (canvas.dataset['geometries'] !== String(geometries)) canvas.dataset['geometries'] = String(geometries);
  });
  return null;
}
