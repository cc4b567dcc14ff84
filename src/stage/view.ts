/**
 * Where the viewer looks on a plain screen, in the film's degrees. Mutated by drag, keys and
 * "Look at" buttons, read every frame by the camera; never React state.
 */
export interface ScreenView {
  yaw: number;
  pitch: number;
  /** A direction the view turns toward smoothly ("Look at" buttons), cleared on arrival or drag. */
  target: { yaw: number; pitch: number } | null;
}

export const createScreenView = (yaw = 0, pitch = 0): ScreenView => ({ yaw, pitch, target: null });

export const PITCH_LIMIT = 85;
export const clampPitch = (pitch: number) => Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, pitch));
