import { useEffect, useRef } from 'react';
import type { KioskFile } from '../records';

/** What a kiosk is doing, as the station's live view shows it. */
export type KioskState = 'attract' | 'playing' | 'credits' | 'operator' | 'error';

/** How often a kiosk tells its station it is alive, besides every change of state. */
const HEARTBEAT_MS = 30_000;

/** Tells the kiosk's station (when it has one) what it is doing: on every change, and every 30 s. */
export function useStationHeartbeat(kiosk: KioskFile, state: KioskState, viewing: string | null): void {
  const latest = useRef({ state, viewing });
  latest.current = { state, viewing };
  const station = kiosk.station;
  useEffect(() => {
    if (!station) return;
    const send = () =>
      fetch(new URL(`api/kiosks/${encodeURIComponent(kiosk.id)}/status`, station.url.endsWith('/') ? station.url : `${station.url}/`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${station.token}` },
        body: JSON.stringify({ film: kiosk.film, ...latest.current }),
        keepalive: true,
      }).catch(() => {}); // The upload queue reports a station that cannot be reached.
    void send();
    const timer = window.setInterval(() => void send(), HEARTBEAT_MS);
    return () => window.clearInterval(timer);
  }, [station, kiosk.id, kiosk.film, state, viewing]);
}
