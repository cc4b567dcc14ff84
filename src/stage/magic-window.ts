import { type DeviceLook, deviceLook } from './device-look';

type OrientationPermission = 'granted' | 'denied' | 'default';
interface OrientationEventWithPermission {
  requestPermission?: () => Promise<OrientationPermission>;
}

/**
 * "Magic window" on phones: the viewer looks around by moving the phone. Listens to
 * `deviceorientation` once enabled and keeps the latest reading as a view (see `deviceLook`), read
 * by the screen camera each frame; never React state. iOS asks the viewer's permission, which
 * `enable()` must request from a tap.
 */
export class MagicWindow {
  /** The phone's view at the latest reading, or null before the first one. */
  reading: DeviceLook | null = null;
  /** Bumped by each reading, so a frame can tell a new one from the last it used. */
  readingCount = 0;
  private listening = false;
  private readonly onReading = (e: DeviceOrientationEvent) => {
    if (e.alpha === null || e.beta === null || e.gamma === null) return;
    this.reading = deviceLook(e.alpha, e.beta, e.gamma, screenAngle(), this.reading ?? undefined);
    this.readingCount++;
  };

  /** A touch screen whose browser reports orientation: the only place the option is offered. */
  static available(): boolean {
    return typeof window !== 'undefined' && 'DeviceOrientationEvent' in window && (navigator.maxTouchPoints ?? 0) > 0;
  }

  get enabled(): boolean {
    return this.listening;
  }

  /** Starts following the phone, asking permission where the browser requires it. False if refused. */
  async enable(): Promise<boolean> {
    const Event = window.DeviceOrientationEvent as unknown as OrientationEventWithPermission | undefined;
    if (typeof Event?.requestPermission === 'function') {
      const answer = await Event.requestPermission().catch(() => 'denied' as const);
      if (answer !== 'granted') return false;
    }
    if (!this.listening) window.addEventListener('deviceorientation', this.onReading);
    this.listening = true;
    return true;
  }

  disable(): void {
    window.removeEventListener('deviceorientation', this.onReading);
    this.listening = false;
    this.reading = null;
  }
}

/** The screen's turn from portrait in degrees (0, 90, 180, 270). */
function screenAngle(): number {
  const angle = screen.orientation?.angle ?? (window as { orientation?: number }).orientation ?? 0;
  return Number(angle) || 0;
}
