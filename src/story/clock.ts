/** The timer interface of xstate's clocks, so xstate's `SimulatedClock` drives tests. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Why scene time is not running. Time runs only while there is none. */
export type PauseReason = 'hidden' | 'xr-hidden' | 'paused' | 'buffering' | 'holding';

export interface SceneClockOptions {
  /**
   * Scene milliseconds per real millisecond. Tests speed films up with it; viewers never set it.
   * @default 1
   */
  readonly timeScale?: number;
}

/**
 * The clock of the current scene: runs on a base clock, stops while anything pauses it (hidden
 * tab, headset off, paused player, buffering media, a stage holding for an asset), and can wake a
 * callback at a given scene time.
 */
export class SceneClock {
  private readonly base: Clock;
  private readonly scale: number;
  private readonly reasons = new Set<PauseReason>();
  private elapsed = 0;
  private since: number | null;
  private alarm: { atMs: number; fn: () => void; timer: unknown } | null = null;

  constructor(base: Clock, options: SceneClockOptions = {}) {
    this.base = base;
    this.scale = options.timeScale ?? 1;
    this.since = base.now();
  }

  /** Current scene time in ms. */
  now(): number {
    return this.elapsed + (this.since === null ? 0 : (this.base.now() - this.since) * this.scale);
  }

  /** Scene milliseconds per real millisecond while running (1 but under a test time scale). */
  get rate(): number {
    return this.scale;
  }

  get running(): boolean {
    return this.since !== null;
  }

  /** Whether any of these reasons holds the clock now (a list, so a caller checking every frame allocates nothing). */
  pausedBy(reasons: readonly PauseReason[]): boolean {
    for (const reason of reasons) if (this.reasons.has(reason)) return true;
    return false;
  }

  /** Restarts scene time at `ms` (a new scene, or a restored save), keeping pauses in force. */
  reset(ms = 0): void {
    this.elapsed = ms;
    if (this.since !== null) this.since = this.base.now();
    this.rearm();
  }

  pause(reason: PauseReason): void {
    this.reasons.add(reason);
    if (this.since === null) return;
    this.elapsed = this.now();
    this.since = null;
    this.rearm();
  }

  resume(reason: PauseReason): void {
    this.reasons.delete(reason);
    if (this.reasons.size > 0 || this.since !== null) return;
    this.since = this.base.now();
    this.rearm();
  }

  /** Calls `fn` once scene time reaches `atMs` (at once if it has); replaces any earlier alarm. */
  wakeAt(atMs: number | null, fn: () => void): void {
    this.clearAlarm();
    if (atMs === null) return;
    this.alarm = { atMs, fn, timer: null };
    this.rearm();
  }

  dispose(): void {
    this.clearAlarm();
  }

  private clearAlarm(): void {
    if (this.alarm?.timer != null) this.base.clearTimeout(this.alarm.timer);
    this.alarm = null;
  }

  private rearm(): void {
    const alarm = this.alarm;
    if (!alarm) return;
    if (alarm.timer != null) this.base.clearTimeout(alarm.timer);
    alarm.timer = null;
    if (this.since === null) return;
    const wait = Math.max(0, (alarm.atMs - this.now()) / this.scale);
    alarm.timer = this.base.setTimeout(() => {
      if (this.alarm !== alarm) return;
      this.alarm = null;
      alarm.fn();
    }, Math.ceil(wait));
  }
}
