import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SceneClock, driveStory, isCredits, nextDeadline } from '../../src/story';
import { keeperStory, view } from './keeper';

describe('scene clock', () => {
  it('runs on the base clock, pauses for any reason, and resumes when none is left', () => {
    const base = new SimulatedClock();
    const clock = new SceneClock(base);
    base.increment(1000);
    expect(clock.now()).toBe(1000);
    clock.pause('hidden');
    clock.pause('paused');
    base.increment(5000);
    expect(clock.now()).toBe(1000);
    clock.resume('hidden');
    base.increment(5000);
    expect(clock.now()).toBe(1000);
    clock.resume('paused');
    base.increment(500);
    expect(clock.now()).toBe(1500);
  });

  it('says whether any of the listed reasons holds it', () => {
    const clock = new SceneClock(new SimulatedClock());
    const away = ['hidden', 'xr-hidden', 'paused'] as const;
    expect(clock.pausedBy(away)).toBe(false);
    clock.pause('buffering');
    expect(clock.pausedBy(away)).toBe(false);
    expect(clock.pausedBy(['buffering'])).toBe(true);
    clock.pause('xr-hidden');
    expect(clock.pausedBy(away)).toBe(true);
    clock.resume('xr-hidden');
    expect(clock.pausedBy(away)).toBe(false);
    expect(clock.pausedBy([])).toBe(false);
  });

  it('runs faster for tests with a time scale', () => {
    const base = new SimulatedClock();
    const clock = new SceneClock(base, { timeScale: 20 });
    base.increment(100);
    expect(clock.now()).toBe(2000);
  });

  it('wakes at a scene time, later when paused in between', () => {
    const base = new SimulatedClock();
    const clock = new SceneClock(base);
    const woke: number[] = [];
    clock.wakeAt(3000, () => woke.push(clock.now()));
    base.increment(1000);
    clock.pause('xr-hidden');
    base.increment(10_000);
    expect(woke).toEqual([]);
    clock.resume('xr-hidden');
    base.increment(1999);
    expect(woke).toEqual([]);
    base.increment(1);
    expect(woke).toEqual([3000]);
  });

  it('holds at an exact scene time however late its timer fires, and runs on when the hold moves', () => {
    const base = new SimulatedClock();
    const clock = new SceneClock(base, { timeScale: 20 });
    clock.holdAt(1000);
    // A busy machine: the base clock jumps far past the hold before any timer runs.
    base.set(10_000);
    expect(clock.now()).toBe(1000);
    expect(clock.running).toBe(false);
    expect(clock.pausedBy(['test'])).toBe(true);
    base.increment(5000);
    expect(clock.now()).toBe(1000);
    // Moved on by 500 ms of scene time: 25 ms of base time at 20×.
    clock.holdAt(1500);
    expect(clock.running).toBe(true);
    base.increment(24);
    expect(clock.now()).toBe(1480);
    base.increment(1000);
    expect(clock.now()).toBe(1500);
    clock.holdAt(null);
    base.increment(10);
    expect(clock.now()).toBe(1700);
    expect(clock.pausedBy(['test'])).toBe(false);
  });

  it('never reads past a hold before its timer fires, and a hold already passed stops the clock where it is', () => {
    const base = new SimulatedClock();
    const clock = new SceneClock(base);
    clock.holdAt(2000);
    // Timers that run late, with the base clock already 5 s on: the first before the hold's own.
    const readings: number[] = [];
    base.setTimeout(() => readings.push(clock.now()), 1999);
    base.setTimeout(() => readings.push(clock.now()), 3000);
    base.increment(5000);
    expect(readings).toEqual([2000, 2000]);
    clock.holdAt(null);
    base.increment(1000);
    clock.holdAt(500);
    base.increment(1000);
    expect(clock.now()).toBe(3000);
    expect(clock.pausedBy(['test'])).toBe(true);
  });

  it('fires a deadline at the hold, keeps one beyond it waiting, and keeps other pauses in force', () => {
    const base = new SimulatedClock();
    const clock = new SceneClock(base);
    const woke: number[] = [];
    clock.wakeAt(3000, () => woke.push(clock.now()));
    clock.holdAt(3000);
    base.increment(10_000);
    expect(woke).toEqual([3000]);
    clock.wakeAt(4000, () => woke.push(clock.now()));
    clock.holdAt(3500);
    base.increment(10_000);
    expect(woke).toEqual([3000]);
    expect(clock.now()).toBe(3500);
    // The viewer pauses while the test's hold stands; releasing the hold leaves the viewer's pause.
    clock.pause('paused');
    clock.holdAt(null);
    base.increment(10_000);
    expect(clock.now()).toBe(3500);
    clock.resume('paused');
    base.increment(500);
    expect(woke).toEqual([3000, 4000]);
  });

  it('drops a hold when scene time restarts for a new scene', () => {
    const base = new SimulatedClock();
    const clock = new SceneClock(base);
    clock.holdAt(1000);
    base.increment(2000);
    expect(clock.now()).toBe(1000);
    clock.reset(0);
    base.increment(2000);
    expect(clock.now()).toBe(2000);
    expect(clock.running).toBe(true);
  });

  it('holds a restarted scene exactly at its start, however little time passes between restart and hold', () => {
    // A base clock that moves a tenth of a millisecond on every reading, as a busy browser's does
    // between two statements: a hold set after the restart would stop at 0.1, not at 0.
    let t = 0;
    const creeping = { now: () => (t += 0.1), setTimeout: () => 0, clearTimeout: () => {} };
    const clock = new SceneClock(creeping);
    clock.reset(0, 0);
    expect(clock.now()).toBe(0);
    expect(clock.pausedBy(['test'])).toBe(true);
    const later = new SceneClock(creeping);
    later.reset(250, 1000);
    expect(later.now()).toBeLessThan(1000);
    expect(later.pausedBy(['test'])).toBe(false);
  });
});

describe('driving a story on the scene clock', () => {
  it('wakes the machine only at deadlines and plays a timed film through to the credits', () => {
    const story = keeperStory();
    const base = new SimulatedClock();
    const v = view(story, 'full');
    const sent: number[] = [];
    v.actor.subscribe((s) => sent.push(s.context.sceneMs));
    const clock = new SceneClock(base);
    const driver = driveStory(v.actor, story, clock);
    expect(nextDeadline(story, v.actor.getSnapshot())).toBe(20000);
    base.increment(19_999);
    expect(v.scene).toBe('shore');
    base.increment(1);
    expect(v.scene).toBe('stairs');
    // Choices at 3 s, default after 10 s more, the ending plays 6 s: a handful of ticks, not one per frame.
    for (const step of [3000, 10_000, 6000]) base.increment(step);
    expect(isCredits(v.actor.getSnapshot())).toBe(true);
    expect(v.context.endingsSeen).toEqual(['dark']);
    expect(sent.length).toBeLessThan(10);
    driver.stop();
  });

  it('does not advance the story while the viewer cannot see', () => {
    const story = keeperStory();
    const base = new SimulatedClock();
    const v = view(story, 'full');
    const clock = new SceneClock(base);
    driveStory(v.actor, story, clock);
    base.increment(10_000);
    clock.pause('hidden');
    base.increment(60_000);
    expect(v.scene).toBe('shore');
    clock.resume('hidden');
    base.increment(10_000);
    expect(v.scene).toBe('stairs');
  });

  it('reports attention before each tick, so scene-end routing sees it', () => {
    const story = keeperStory();
    const base = new SimulatedClock();
    const v = view(story, 'full');
    driveStory(v.actor, story, new SceneClock(base), {
      beforeTick: () => v.send({ type: 'hotspot.watched', hotspot: 'wreck', ms: 2000 }),
    });
    base.increment(20_000);
    expect(v.scene).toBe('wreckage');
  });
});
