import { XRLayer, useXR, useXRSessionFeatureEnabled } from '@react-three/xr';
import { useEffect, useRef } from 'react';
import type { Mesh } from 'three';
import type { BackdropLayout } from './backdrop-geometry';
import { BACKDROP_RADIUS } from './Backdrop';
import { equirectLayerParameters } from './media-layer';

export interface XRMediaLayerProps {
  readonly video: HTMLVideoElement;
  readonly layout: BackdropLayout;
  /** Told whether the layer is composited now, so the backdrop sphere can step aside. */
  readonly onShown: (shown: boolean) => void;
}

/**
 * A scene's video on a WebXR equirect media layer (`XRMediaBinding.createEquirectLayer`, through
 * @react-three/xr's XRLayer): sharper than a texture, but composited by the headset, so no fades.
 * Rendered only in sessions with the `layers` feature and a media binding; elsewhere the backdrop's
 * texture path shows the video. Unmounting (a scene change, the session ending) removes the layer.
 */
export function XRMediaLayer({ video, layout, onShown }: XRMediaLayerProps) {
  const layersEnabled = useXRSessionFeatureEnabled('layers');
  const mediaBinding = useXR((s) => s.mediaBinding);
  if (!layersEnabled || !mediaBinding) return null;
  return <MediaLayer video={video} layout={layout} onShown={onShown} />;
}

function MediaLayer({ video, layout, onShown }: XRMediaLayerProps) {
  const mesh = useRef<Mesh>(null);
  // The layer exists once the store lists an entry for our mesh (creation can fail or wait for the video's size).
  const shown = useXR((s) => s.layerEntries.some((entry) => entry.object3D === mesh.current));
  useEffect(() => {
    onShown(shown);
  }, [shown, onShown]);
  useEffect(() => () => onShown(false), [onShown]);
  const p = equirectLayerParameters(layout);
  return (
    <XRLayer
      ref={mesh}
      src={video}
      shape="equirect"
      layout={p.layout}
      centralHorizontalAngle={p.centralHorizontalAngle}
      upperVerticalAngle={p.upperVerticalAngle}
      lowerVerticalAngle={p.lowerVerticalAngle}
      scale={BACKDROP_RADIUS}
      pointerEvents="none"
    />
  );
}
