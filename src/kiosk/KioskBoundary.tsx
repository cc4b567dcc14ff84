import { Component, type ReactNode } from 'react';

export interface KioskBoundaryProps {
  /** An error took the kiosk's screen down: log it; the boundary shows nothing until `resetKey` changes. */
  readonly onError: (error: Error) => void;
  /** Changing it brings the screen back (the kiosk returns to its attract loop). */
  readonly resetKey: number;
  readonly children: ReactNode;
}

/** A kiosk's last line: an exception in rendering or in story code never leaves a white screen for good. */
export class KioskBoundary extends Component<KioskBoundaryProps, { failedAt: number | null }> {
  override state = { failedAt: null as number | null };

  static getDerivedStateFromError(): { failedAt: number } {
    return { failedAt: Date.now() };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override componentDidUpdate(previous: KioskBoundaryProps): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failedAt !== null) this.setState({ failedAt: null });
  }

  override render(): ReactNode {
    return this.state.failedAt === null ? this.props.children : null;
  }
}
