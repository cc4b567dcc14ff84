import type { Point, UnitVector } from '../story';

/** Something the viewer can dwell on: a hotspot, or a choice panel. */
export interface GazeTarget {
  readonly id: string;
  readonly kind: 'hotspot' | 'choice';
  /** Unit direction from the viewer's head (for a 3D target: as seen from the screen eye). */
  readonly direction: UnitVector;
  /** Angular radius in degrees. */
  readonly radius: number;
  /**
   * A target at a 3D point (metres, scene space, floor at y = 0), seen from wherever the eye is
   * each frame: `direction` and `radius` are then used only when no eye position is given.
   */
  readonly at?: { readonly position: Point; readonly radiusMetres: number } | undefined;
  readonly dwellMs: number;
  /** A target that already fired stays visible but never fires again. */
  readonly done: boolean;
}

export interface GazeTrackerOptions {
  /** Called once when a target has been looked at for its full dwell time. */
  readonly onDwell: (target: GazeTarget) => void;
  /**
   * Called with the time a target was looked at, when the gaze leaves it, when it fires, and on
   * `flush()`: discrete attention reports, never one per frame.
   */
  readonly onWatched?: (target: GazeTarget, ms: number) => void;
  /**
   * Longest frame step counted toward a dwell, in ms, so a stalled or hidden tab never completes a
   * dwell by itself. @default 100
   */
  readonly maxStepMs?: number;
}

interface TargetState {
  target: GazeTarget;
  cosRadius: number;
  dwelledMs: number;
  lookedAt: boolean;
  fired: boolean;
  /** Looked-at time not reported yet. */
  watchedMs: number;
}

/**
 * Times gaze dwell per target from the directions the viewer looks along each frame (the reticle,
 * a hovering mouse, the headset). Plain numbers only: no allocation per frame, no React.
 */
export class GazeTracker {
  private states: TargetState[] = [];
  private readonly onDwell: (target: GazeTarget) => void;
  private readonly onWatched: (target: GazeTarget, ms: number) => void;
  private readonly maxStepMs: number;

  constructor(options: GazeTrackerOptions) {
    this.onDwell = options.onDwell;
    this.onWatched = options.onWatched ?? (() => {});
    this.maxStepMs = options.maxStepMs ?? 100;
  }

  /** Reports all looked-at time not reported yet. */
  flush(): void {
    for (const state of this.states) this.report(state);
  }

  /** Replaces the targets, keeping the progress of those that stay (matched by kind and id). */
  setTargets(targets: readonly GazeTarget[]): void {
    const previous = new Map(this.states.map((s) => [`${s.target.kind}:${s.target.id}`, s]));
    for (const [key, state] of previous) if (!targets.some((t) => `${t.kind}:${t.id}` === key)) this.report(state);
    this.states = targets.map((target) => {
      const kept = previous.get(`${target.kind}:${target.id}`);
      return {
        target,
        cosRadius: Math.cos((target.radius * Math.PI) / 180),
        dwelledMs: kept && !target.done ? kept.dwelledMs : 0,
        lookedAt: kept?.lookedAt ?? false,
        fired: target.done,
        watchedMs: kept?.watchedMs ?? 0,
      };
    });
  }

  /**
   * Advances by `stepMs` with the viewer looking along `gazes` (unit vectors; null entries are
   * ignored, such as a mouse that left the canvas) from `eye` (metres, scene space), which aims
   * the 3D targets.
   */
  update(stepMs: number, gazes: ReadonlyArray<UnitVector | null>, eye?: Point): void {
    const step = Math.min(Math.max(stepMs, 0), this.maxStepMs);
    for (const state of this.states) {
      const looked = eye && state.target.at ? lookedAtPoint(gazes, eye, state.target.at.position, state.target.at.radiusMetres) : lookedAlong(gazes, state.target.direction, state.cosRadius);
      if (looked) state.watchedMs += step;
      else if (state.lookedAt) this.report(state);
      state.lookedAt = looked;
      if (state.fired) continue;
      state.dwelledMs = looked ? state.dwelledMs + step : 0;
      if (state.dwelledMs >= state.target.dwellMs) {
        state.fired = true;
        state.dwelledMs = state.target.dwellMs;
        this.report(state);
        this.onDwell(state.target);
      }
    }
  }

  private report(state: TargetState): void {
    if (state.watchedMs <= 0) return;
    const ms = Math.round(state.watchedMs);
    state.watchedMs = 0;
    this.onWatched(state.target, ms);
  }

  /** Dwell progress of target `index` (in `setTargets` order), 0 to 1. */
  progress(index: number): number {
    const s = this.states[index];
    return s ? s.dwelledMs / s.target.dwellMs : 0;
  }

  lookedAt(index: number): boolean {
    return this.states[index]?.lookedAt ?? false;
  }

  fired(index: number): boolean {
    return this.states[index]?.fired ?? false;
  }
}

/** Whether any gaze lies within the cone of `cosRadius` around unit direction `d`. */
function lookedAlong(gazes: ReadonlyArray<UnitVector | null>, d: UnitVector, cosRadius: number): boolean {
  for (const g of gazes) if (g && g.x * d.x + g.y * d.y + g.z * d.z >= cosRadius) return true;
  return false;
}

/**
 * Whether any gaze from `eye` passes within the sphere of `radius` metres around `point`: the
 * angle to the point is within atan(radius / distance), tested as
 * g·v >= |v| · cos(atan(r / |v|)) = |v|² / sqrt(|v|² + r²), with no square root of the angle and
 * no allocation. An eye inside the sphere looks at it whichever way it turns.
 */
export function lookedAtPoint(gazes: ReadonlyArray<UnitVector | null>, eye: Point, point: Point, radius: number): boolean {
  const vx = point.x - eye.x;
  const vy = point.y - eye.y;
  const vz = point.z - eye.z;
  const d2 = vx * vx + vy * vy + vz * vz;
  if (d2 <= radius * radius) return true;
  const threshold = d2 / Math.sqrt(d2 + radius * radius);
  for (const g of gazes) if (g && g.x * vx + g.y * vy + g.z * vz >= threshold) return true;
  return false;
}
