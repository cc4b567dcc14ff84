import type { BackdropLayout } from './backdrop-geometry';

/** What an equirect WebXR media layer needs to show a scene's video the way the backdrop would. */
export interface EquirectLayerParameters {
  /** WebXR's name for the stereo packing: top-bottom puts the left eye on top, left-right on the left. */
  readonly layout: 'mono' | 'stereo-top-bottom' | 'stereo-left-right';
  /** Radians around the viewer, centred on the layer's -Z (yaw 0): 2π for 360°, π for 180°. */
  readonly centralHorizontalAngle: number;
  readonly upperVerticalAngle: number;
  readonly lowerVerticalAngle: number;
}

const LAYOUTS = { mono: 'mono', 'top-bottom': 'stereo-top-bottom', 'side-by-side': 'stereo-left-right' } as const;

export function equirectLayerParameters(layout: BackdropLayout): EquirectLayerParameters {
  return {
    layout: LAYOUTS[layout.stereo],
    centralHorizontalAngle: (layout.span * Math.PI) / 180,
    upperVerticalAngle: Math.PI / 2,
    lowerVerticalAngle: -Math.PI / 2,
  };
}
