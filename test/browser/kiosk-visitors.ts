import type { Page } from 'playwright-core';

/**
 * Plays `count` viewings back to back inside the page, as visitors would on the kiosk's stepped
 * clock: a language tapped, then a random choice whenever choices are offered, a look at a hotspot
 * now and then, a deadline left to run out, a visitor who walks away mid-film; the credits' wait
 * and the idle time are stepped, never waited out. In the page, so 300 viewings cost no round trips.
 */
export interface Visitors {
  /** Share of scenes where a visitor first looks at a hotspot. @default 0.15 */
  readonly lookShare?: number;
  /** Kiosk time a look lasts, stepped 200 ms a frame so the kiosk takes its gaze samples. @default 0 */
  readonly lookMs?: number;
}

export function playViewings(page: Page, count: number, seed: number, visitors: Visitors = {}): Promise<void> {
  return page.evaluate(
    async ({ count, seed, lookShare, lookMs }) => {
      type Hooks = { advanceKiosk(ms: number): void; clock?: { advance(ms: number): void; resume(): void } };
      const hooks = (globalThis as unknown as { __SIGHTLINE_TEST__: Hooks }).__SIGHTLINE_TEST__;
      // mulberry32: a seeded generator, so a failing run can be replayed.
      let s = seed >>> 0;
      const random = () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const app = () => document.querySelector<HTMLElement>('.app')!;
      /**
       * Steps kiosk time by `stepMs` a frame until `done`: the kiosk notices time on its own timers,
       * so time is moved a little at a time rather than all at once before it looks.
       */
      const until = async (done: () => boolean, stepMs: number) => {
        for (let frames = 0; !done(); frames++) {
          if (frames > 3000) throw new Error(`soak: viewing ${started} stuck in ${app().dataset['status']} ${app().dataset['scene']}`);
          if (stepMs > 0) hooks.advanceKiosk(stepMs);
          await frame();
        }
      };
      let started = 0;
      let plan: { scene: string; act: 'choose' | 'wait' | 'look' | 'leave' } | null = null;
      let framesInViewing = 0;
      let framesInScene = 0;
      while (true) {
        await frame();
        if (++framesInViewing > 6000) throw new Error(`soak: viewing ${started} stuck in ${app().dataset['status']} ${app().dataset['scene']}`);
        const status = app().dataset['status'];
        if (status === 'attract') {
          if (started === count) break;
          const buttons = [...document.querySelectorAll<HTMLButtonElement>('.attract-languages button')];
          if (buttons.length === 0) continue;
          pick(buttons).click();
          started++;
          plan = null;
          framesInViewing = 0;
          // Until the viewing is under way, the attract loop is still on show.
          await until(() => app().dataset['status'] !== 'attract', 0);
        } else if (status === 'ended') {
          await until(() => app().dataset['status'] !== 'ended', 2500);
        } else if (status === 'playing') {
          const scene = app().dataset['scene']!;
          if (document.querySelector('.viewing')?.getAttribute('data-media') !== 'ready') continue;
          framesInScene = plan?.scene === scene ? framesInScene + 1 : 0;
          // A scene whose deadline this film does not set: choose after all.
          if (plan?.act === 'wait' && framesInScene > 60) plan = { scene, act: 'choose' };
          if (plan?.scene !== scene) {
            const roll = random();
            plan = { scene, act: roll < 0.08 ? 'leave' : roll < 0.2 ? 'wait' : roll < 0.2 + lookShare ? 'look' : 'choose' };
          }
          if (plan.act === 'leave') {
            await until(() => document.querySelector('.reset-countdown') !== null || app().dataset['status'] !== 'playing', 15_000);
            await until(() => app().dataset['status'] !== 'playing', 5000);
            continue;
          }
          if (plan.act === 'look') {
            const unseen = [...document.querySelectorAll<HTMLButtonElement>('button[data-hotspot]:not([data-seen="true"])')];
            const target = unseen.length > 0 ? pick(unseen) : null;
            if (target && lookMs > 0 && hooks.clock) {
              // A visitor who looks around: the view turns to the hotspot and rests there, the
              // kiosk sampling the gaze, until its dwell has fired. Dwell runs on frame time while
              // the stepped scene clock would end the scene first, so scene time is held meanwhile.
              hooks.clock.advance(0);
              target.click();
              for (let t = 0, frames = 0; frames < 900 && target.isConnected && (t < lookMs || target.dataset['seen'] !== 'true'); frames++) {
                if (t < lookMs) {
                  hooks.advanceKiosk(200);
                  t += 200;
                }
                await frame();
              }
              hooks.clock.resume();
            } else target?.click();
            plan = { scene, act: 'choose' };
            continue;
          }
          const choices = [...document.querySelectorAll<HTMLButtonElement>('button[data-choice]')];
          if (plan.act === 'choose' && choices.length > 0) {
            pick(choices).click();
            // Once: wait for the scene to change rather than clicking again.
            plan = { scene, act: 'wait' };
          }
        }
      }
    },
    { count, seed, lookShare: visitors.lookShare ?? 0.15, lookMs: visitors.lookMs ?? 0 },
  );
}
