export { type MediaStatus, Stage, type StageProps } from './Stage';
export { type ScreenView, createScreenView } from './view';
export { directionFromYawPitch, yawPitchFromDirection } from './direction';
