export { StageScene, type StageProps } from './Stage';
export { type HeadState, StageCanvas, type StageCanvasProps, createHeadState } from './StageCanvas';
export { type StageSlot, createStageSlot } from './stage-slot';
export { type ScreenView, createScreenView } from './view';
export { MagicWindow } from './magic-window';
export { crystalMix } from './crystal';
export type { XRMenuButton } from './XRMenu';
export { XRCredits } from './XRCredits';
export { AttractScene, type AttractSceneProps } from './AttractScene';
