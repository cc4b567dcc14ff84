import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';

/**
 * Writes what the GPU holds (textures, geometries) on the canvas as data attributes, for memory
 * tests and anyone inspecting a long-running kiosk: a scene that leaks shows up as a growing count.
 * The DOM is touched only when a count changes.
 */
export function RendererStats() {
  const last = useRef({ textures: -1, geometries: -1 });
  useFrame((state) => {
    const { textures, geometries } = state.gl.info.memory;
    if (textures === last.current.textures && geometries === last.current.geometries) return;
    last.current = { textures, geometries };
    state.gl.domElement.dataset['textures'] = String(textures);
    state.gl.domElement.dataset['geometries'] = String(geometries);
  });
  return null;
}
