export { Stage, type StageProps } from './Stage';
export { type ScreenView, createScreenView } from './view';
export { MagicWindow } from './magic-window';
export { crystalMix } from './crystal';
export type { XRMenuButton } from './XRMenu';
