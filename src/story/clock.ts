/** The timer interface of xstate's clocks, so xstate's `SimulatedClock` drives tests. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/**
 * Why scene time is not running. Time runs only while there is none. `test`: a test holds scene
 * time at an exact moment (`holdAt`); viewers never do.
 */
export type PauseReason = 'hidden' | 'xr-hidden' | 'paused' | 'buffering' | 'holding' | 'test';

export interface SceneClockOptions {
  /**
   * Scene milliseconds per real millisecond. Tests speed films up with it; viewers never set it.
   * @default 1
   */
  readonly timeScale?: number;
}

interface Timed {
  readonly atMs: number;
  timer: unknown;
}

/**
 * The clock of the current scene: runs on a base clock, stops while anything pauses it (hidden
 * tab, headset off, paused player, buffering media, a stage holding for an asset, a test's hold),
 * and can wake a callback at a given scene time.
 */
export class SceneClock {
  private readonly base: Clock;
  private readonly scale: number;
  private readonly reasons = new Set<PauseReason>();
  private elapsed = 0;
  private since: number | null;
  private alarm: (Timed & { readonly fn: () => void }) | null = null;
  /** Where a test stops scene time: never read past it, paused there (`test`) once reached. */
  private hold: Timed | null = null;

  constructor(base: Clock, options: SceneClockOptions = {}) {
    this.base = base;
    this.scale = options.timeScale ?? 1;
    this.since = base.now();
  }

  /** Current scene time in ms. */
  now(): number {
    const ms = this.unheld();
    return this.hold === null ? ms : Math.min(ms, this.hold.atMs);
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

  /**
   * Restarts scene time at `ms` (a new scene, or a restored save), keeping pauses in force; a test's
   * hold belonged to the scene time before, and is dropped, or replaced by `holdAt`.
   */
  reset(ms = 0, holdAt: number | null = null): void {
    this.dropHold();
    this.reasons.delete('test');
    this.elapsed = ms;
    // A hold given with the restart applies before time runs at all: set a moment later, the
    // clock could already be a fraction of a millisecond past it.
    if (holdAt !== null && holdAt <= ms) this.reasons.add('test');
    else if (holdAt !== null) this.hold = { atMs: holdAt, timer: null };
    this.since = this.reasons.size === 0 ? this.base.now() : null;
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

  /**
   * Lets scene time run up to `atMs` and stops it there exactly (paused by `test`), or at once
   * where it is if it is already there or past; `null` lets it run on. Tests step a film with it,
   * so what they read never races a running clock. A deadline at the hold still fires.
   */
  holdAt(atMs: number | null): void {
    if (this.since !== null) {
      this.elapsed = this.now();
      this.since = this.base.now();
    }
    this.dropHold();
    if (atMs !== null && atMs <= this.elapsed) {
      this.pause('test');
      return;
    }
    if (atMs !== null) this.hold = { atMs, timer: null };
    this.reasons.delete('test');
    if (this.since === null && this.reasons.size === 0) this.since = this.base.now();
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
    this.dropHold();
  }

  /** Scene time as if no hold stopped it. */
  private unheld(): number {
    return this.elapsed + (this.since === null ? 0 : (this.base.now() - this.since) * this.scale);
  }

  private clearAlarm(): void {
    if (this.alarm?.timer != null) this.base.clearTimeout(this.alarm.timer);
    this.alarm = null;
  }

  private dropHold(): void {
    if (this.hold?.timer != null) this.base.clearTimeout(this.hold.timer);
    this.hold = null;
  }

  /** Base milliseconds until scene time reaches `atMs` while running. */
  private waitFor(atMs: number): number {
    return Math.ceil(Math.max(0, (atMs - this.unheld()) / this.scale));
  }

  private rearm(): void {
    const { alarm, hold } = this;
    for (const timed of [alarm, hold]) {
      if (timed?.timer != null) this.base.clearTimeout(timed.timer);
      if (timed) timed.timer = null;
    }
    if (this.since === null) return;
    if (hold) hold.timer = this.base.setTimeout(() => this.reachHold(hold), this.waitFor(hold.atMs));
    // An alarm beyond the hold waits for the hold to be moved or dropped.
    if (alarm && (hold === null || alarm.atMs <= hold.atMs))
      alarm.timer = this.base.setTimeout(() => {
        if (this.alarm !== alarm) return;
        this.alarm = null;
        alarm.fn();
      }, this.waitFor(alarm.atMs));
  }

  private reachHold(hold: Timed): void {
    if (this.hold !== hold) return;
    hold.timer = null;
    // A timer may fire a little early: wait out the rest rather than stop short of the hold.
    if (this.unheld() < hold.atMs) {
      hold.timer = this.base.setTimeout(() => this.reachHold(hold), this.waitFor(hold.atMs));
      return;
    }
    this.pause('test');
    this.hold = null;
    // An alarm due at the hold fires even though the pause cancelled its timer.
    const alarm = this.alarm;
    if (alarm && alarm.atMs <= this.elapsed) {
      this.alarm = null;
      alarm.fn();
    }
  }
}
