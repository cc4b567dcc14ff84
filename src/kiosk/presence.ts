import { type YawPitch, angleBetween } from '../story';

/**
 * Whether a visitor is still there, from what a kiosk can observe: head (or view) direction, input,
 * and whether the headset is worn. Pure: every call carries the time (ms, any monotonic origin), so
 * tests step it. The kiosk resets when `state` reaches `left`; a countdown comes first, and any
 * motion or input during it cancels it.
 */
export type PresenceState =
  | { readonly kind: 'present' }
  /** Counting down to a reset: `endsAt` is when it resets; `why` is what started it. */
  | { readonly kind: 'countdown'; readonly endsAt: number; readonly why: 'idle' | 'headset-off' }
  | { readonly kind: 'left' };

export interface PresenceOptions {
  /** No motion beyond `motionDegrees` and no input this long counts as idle. */
  readonly idleMs: number;
  readonly motionDegrees: number;
  readonly countdownMs: number;
}

export class PresenceWatch {
  private state: PresenceState = { kind: 'present' };
  private lastActivity: number;
  /** Where the head pointed when it last counted as moving. */
  private anchor: YawPitch | null = null;
  private hidden = false;

  constructor(
    private readonly options: PresenceOptions,
    now: number,
  ) {
    this.lastActivity = now;
  }

  get current(): PresenceState {
    return this.state;
  }

  /** The head or view points here now (degrees). Small drift (a headset on a table) is not motion. */
  look(yaw: number, pitch: number, now: number): void {
    const here = { yaw, pitch };
    if (!this.anchor) {
      this.anchor = here;
      return;
    }
    if (angleBetween(this.anchor, here) < this.options.motionDegrees) return;
    this.anchor = here;
    this.active(now);
  }

  /** A click, a tap, a key, a controller button: someone is there. */
  input(now: number): void {
    this.active(now);
  }

  /** The headset was taken off (or the screen hidden), or put back on. */
  worn(on: boolean, now: number): void {
    this.hidden = !on;
    if (on) this.active(now);
    else if (this.state.kind !== 'left') this.state = { kind: 'countdown', endsAt: now + this.options.countdownMs, why: 'headset-off' };
  }

  /** Advances time: idle becomes a countdown, a countdown that ran out becomes `left`. */
  tick(now: number): PresenceState {
    if (this.state.kind === 'present' && now - this.lastActivity >= this.options.idleMs) this.state = { kind: 'countdown', endsAt: now + this.options.countdownMs, why: 'idle' };
    if (this.state.kind === 'countdown' && now >= this.state.endsAt) this.state = { kind: 'left' };
    return this.state;
  }

  /** A new viewing starts: everything is forgotten. */
  restart(now: number): void {
    this.state = { kind: 'present' };
    this.lastActivity = now;
    this.anchor = null;
    this.hidden = false;
  }

  private active(now: number): void {
    this.lastActivity = now;
    if (this.state.kind === 'countdown' && !this.hidden) this.state = { kind: 'present' };
  }
}
