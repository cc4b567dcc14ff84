/** Requests a minute the station takes before answering 429. */
export interface StationLimits {
  /** Per kiosk (by its token): a kiosk sends one record per viewing, and its backlog one at a time. @default 600 */
  readonly ingestPerMinute: number;
  /** Per address, on the read side (figures, exports, live view, studio). @default 300 */
  readonly readPerMinute: number;
  /** Per address, for the player's files (a film is a few hundred files). @default 3000 */
  readonly staticPerMinute: number;
  /** Failed authentications per address (wrong password or token), before every attempt from it is refused for the minute. @default 30 */
  readonly authFailuresPerMinute: number;
}

export const DEFAULT_LIMITS: StationLimits = { ingestPerMinute: 600, readPerMinute: 300, staticPerMinute: 3000, authFailuresPerMinute: 30 };

/** Counts events per key in fixed one-minute windows; `hit` says whether the key is now over `max`. */
export function createMinuteCounter(max: number, now: () => number): { hit(key: string): boolean; over(key: string): boolean } {
  let window = -1;
  let counts = new Map<string, number>();
  const roll = () => {
    const current = Math.floor(now() / 60_000);
    if (current !== window) {
      window = current;
      counts = new Map();
    }
  };
  return {
    hit(key) {
      roll();
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n > max;
    },
    over(key) {
      roll();
      return (counts.get(key) ?? 0) >= max;
    },
  };
}
