import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo } from 'react';
import { ClampToEdgeWrapping, DataTexture, LinearFilter, MeshBasicMaterial, RepeatWrapping, SRGBColorSpace } from 'three';
import { BACKDROP_RADIUS } from './Backdrop';
import { MONO_360, createBackdropGeometry } from './backdrop-geometry';

/**
 * A gaze heatmap for the studio's preview: RGBA pixels of an equirectangular image, row 0 at the top
 * (pitch +90), column 0 at yaw -180, laid out as the scene's panorama is (src/records/heatmap.ts).
 */
export interface PreviewHeatmap {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * The heatmap over the scene: a translucent sphere just inside the backdrop, on the backdrop's own
 * geometry (centre column ahead, positive yaw to the right), so it lies on the panorama exactly.
 * Drawn only in author previews; nothing runs per frame.
 */
export function HeatmapSphere({ heatmap }: { readonly heatmap: PreviewHeatmap }) {
  const gl = useThree((s) => s.gl);
  // The data texture's first row is v = 0, so the rows are laid out top-down.
  const geometry = useMemo(() => createBackdropGeometry({ radius: BACKDROP_RADIUS * 0.96, layout: MONO_360, eye: 'left', topDown: true }), []);
  const material = useMemo(() => new MeshBasicMaterial({ transparent: true, depthWrite: false, toneMapped: false }), []);
  useLayoutEffect(() => {
    const { width, height, pixels } = heatmap;
    const texture = new DataTexture(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length), width, height);
    texture.colorSpace = SRGBColorSpace;
    texture.magFilter = texture.minFilter = LinearFilter;
    texture.generateMipmaps = false;
    // Across the seam the picture continues; over the poles it does not.
    texture.wrapS = RepeatWrapping;
    texture.wrapT = ClampToEdgeWrapping;
    texture.needsUpdate = true;
    material.map = texture;
    material.needsUpdate = true;
    gl.domElement.dataset['previewHeatmap'] = `${width}x${height}`;
    return () => {
      material.map = null;
      texture.dispose();
      delete gl.domElement.dataset['previewHeatmap'];
    };
  }, [heatmap, material, gl]);
  useLayoutEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  return <mesh geometry={geometry} material={material} renderOrder={-1} pointerEvents="none" frustumCulled={false} />;
}
