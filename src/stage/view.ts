/**
 * Where the viewer looks on a plain screen, in the film's degrees. Mutated by drag, keys, the
 * phone's orientation and "Look at" buttons, read every frame by the camera; never React state.
 */
export interface ScreenView {
  yaw: number;
  pitch: number;
  /** Tilt of the picture, degrees: a phone held at a slant (magic window) keeps the horizon level; 0 otherwise. */
  roll: number;
  /** A direction the view turns toward smoothly ("Look at" buttons), cleared when the scene changes or on a drag. */
  target: { yaw: number; pitch: number } | null;
  /** The current scene's start direction ("startYaw"), where recentering turns the view. */
  start: { yaw: number; pitch: number };
  /** The scene the view last cut to, so a remounted stage does not cut again. */
  arrivedAt: string | null;
}

export const createScreenView = (yaw = 0, pitch = 0): ScreenView => ({ yaw, pitch, roll: 0, target: null, start: { yaw: 0, pitch: 0 }, arrivedAt: null });

/** Turns the view straight to the scene's start direction, the way a cut or recentering does. */
export function recenterView(view: ScreenView): void {
  view.yaw = view.start.yaw;
  view.pitch = view.start.pitch;
  view.target = null;
}

export const PITCH_LIMIT = 85;
export const clampPitch = (pitch: number) => Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, pitch));
