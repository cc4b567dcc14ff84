export { Stage, type StageProps } from './Stage';
export { type ScreenView, createScreenView } from './view';
export { directionFromYawPitch, yawPitchFromDirection } from './direction';
export { hotspotAim, type HotspotAim } from './direction';
export { MagicWindow } from './magic-window';
export { crystalMix } from './crystal';
export type { XRMenuButton } from './XRMenu';
