export { Stage, type StageProps } from './Stage';
export type { MediaLibraries, MediaStatus } from './use-scene-media';
export { type ScreenView, createScreenView } from './view';
export { MagicWindow } from './magic-window';
export { crystalMix } from './crystal';
