import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { type StoryEvent, type StoryPackage, compileStory, validateStory } from '../../src/story';
import { ViewingLog, closeInterrupted, viewingRecordSchema } from '../../src/records';

const hello = validateStory(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../scenes/hello/story.json'), 'utf8'))).story as StoryPackage;

/** A viewing of the small film, its log fed every snapshot at the time the test says. */
function viewing(edition = 'full') {
  const actor = createActor(compileStory(hello, edition)).start();
  const log = new ViewingLog({ id: 'viewing-0001', kiosk: 'foyer-1', film: 'hello', revision: null, edition, language: 'en', startedAt: new Date('2026-12-05T10:00:00.000Z') });
  let now = 0;
  log.observe(actor.getSnapshot(), now);
  return {
    log,
    at(ms: number, ...events: StoryEvent[]) {
      now = ms;
      for (const event of events) {
        actor.send(event);
        log.observe(actor.getSnapshot(), now);
      }
    },
  };
}

describe('a viewing record, built from the story as it plays', () => {
  it('keeps the path with entry and leave times, clues where they were found, choices and the ending', () => {
    const v = viewing();
    v.at(4000, { type: 'hotspot.dwelled', hotspot: 'crack' }, { type: 'hotspot.watched', hotspot: 'crack', ms: 1800 });
    v.at(9000, { type: 'choice.made', choice: 'climb' });
    v.at(20_000, { type: 'clock.tick', sceneMs: 7000 });
    const r = v.log.record;
    expect(r.path.map((e) => [e.scene, e.enteredMs, e.leftMs])).toEqual([
      ['hall', 0, 9000],
      ['tower', 9000, 20_000],
    ]);
    expect(r.clues).toEqual([{ clue: 'sky-is-real', scene: 'hall', atMs: 4000 }]);
    expect(r.choices).toEqual([{ scene: 'hall', choice: 'climb', atMs: 9000, byDefault: false }]);
    expect(r.attention).toEqual([{ hotspot: 'crack', ms: 1800 }]);
    expect(r.outcome).toEqual({ kind: 'ending', ending: 'tower' });
    expect(r.endedAt).toBe('2026-12-05T10:00:20.000Z');
    expect(viewingRecordSchema.safeParse(r).success).toBe(true);
  });

  it('marks a choice the story took by default when time ran out', () => {
    const v = viewing();
    v.at(3000, { type: 'choice.made', choice: 'corridor' });
    v.at(40_000, { type: 'clock.tick', sceneMs: 30_000 });
    expect(v.log.record.choices).toEqual([
      { scene: 'hall', choice: 'corridor', atMs: 3000, byDefault: false },
      { scene: 'archive', choice: 'back', atMs: 40_000, byDefault: true },
    ]);
    // A revisit is a new entry in the path.
    expect(v.log.record.path.map((e) => e.scene)).toEqual(['hall', 'archive', 'hall']);
  });

  it('samples gaze a few times a second into the visit, wrapped at the seam and rounded', () => {
    const v = viewing();
    for (let t = 0; t < 1000; t += 16) v.log.gaze(190, 95, t);
    const samples = v.log.record.path[0]!.gaze;
    expect(samples.length).toBe(4);
    expect(samples[0]).toEqual([0, -170, 90]);
    expect(samples.every(([, yaw, pitch]) => yaw >= -180 && yaw < 180 && pitch <= 90)).toBe(true);
  });

  it('spells the seam behind -180, as the story wraps yaws, even where rounding reaches it', () => {
    const v = viewing();
    for (const [t, yaw] of [[0, 180], [250, 179.97], [500, -180], [750, 540], [1000, -179.96]] as const) v.log.gaze(yaw, 0, t);
    expect(v.log.record.path[0]!.gaze.map(([, yaw]) => yaw)).toEqual([-180, -180, -180, -180, -180]);
    expect(viewingRecordSchema.safeParse(v.log.record).success).toBe(true);
    const behind = { ...v.log.record, path: [{ ...v.log.record.path[0]!, gaze: [[0, 180, 0] as const] }] };
    expect(viewingRecordSchema.safeParse(behind).success, 'yaw 180 is spelled -180').toBe(false);
  });

  it('keeps an ending reached when the viewer leaves during its playout', () => {
    const v = viewing();
    v.at(1000, { type: 'choice.made', choice: 'corridor' }, { type: 'choice.made', choice: 'descend' });
    v.log.finish({ kind: 'left' }, 3000);
    expect(v.log.record.outcome).toEqual({ kind: 'ending', ending: 'below' });
    expect(v.log.finished).toBe(true);
  });

  it('says how a viewing that stopped mid-film ended, and ignores what comes after', () => {
    const v = viewing();
    v.at(2000, { type: 'choice.made', choice: 'corridor' });
    v.log.finish({ kind: 'reset' }, 5000);
    v.at(6000, { type: 'choice.made', choice: 'descend' });
    expect(v.log.record.outcome).toEqual({ kind: 'reset' });
    expect(v.log.record.path.map((e) => [e.scene, e.leftMs])).toEqual([
      ['hall', 2000],
      ['archive', 5000],
    ]);
  });

  it('closes a record left open by a crash at the last moment it shows', () => {
    const v = viewing();
    v.at(2000, { type: 'choice.made', choice: 'corridor' });
    for (let t = 2000; t <= 7300; t += 250) v.log.gaze(10, 0, t);
    const closed = closeInterrupted(structuredClone(v.log.record));
    expect(closed.outcome).toEqual({ kind: 'interrupted' });
    expect(closed.endedAt).toBe('2026-12-05T10:00:07.250Z');
    expect(closed.path.at(-1)!.leftMs).toBe(7250);
    expect(closeInterrupted(closed)).toBe(closed);
  });
});

describe('the viewing record schema', () => {
  const valid = () => {
    const v = viewing();
    v.at(2000, { type: 'choice.made', choice: 'corridor' });
    return structuredClone(v.log.record);
  };
  it('drops prototype keys inertly, and rejects unknown fields and oversized arrays', () => {
    const withProto = JSON.parse(JSON.stringify(valid()).replace('"variables":{}', '"variables":{"__proto__":{"polluted":true}}'));
    expect(Object.hasOwn(withProto.variables, '__proto__')).toBe(true);
    const parsed = viewingRecordSchema.parse(withProto);
    expect(Object.hasOwn(parsed.variables, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(viewingRecordSchema.safeParse(JSON.parse(JSON.stringify(valid()).replace('{"format"', '{"__proto__":{"polluted":true},"format"'))).success).toBe(false);
    expect(viewingRecordSchema.safeParse({ ...valid(), visitor: 'Ann' }).success).toBe(false);
    const huge = valid();
    (huge.clues as unknown[]) = Array.from({ length: 501 }, () => ({ clue: 'a', scene: 'hall', atMs: 0 }));
    expect(viewingRecordSchema.safeParse(huge).success).toBe(false);
  });
  it('keeps HTML in an error message as plain text', () => {
    const record = { ...valid(), endedAt: '2026-12-05T10:00:05.000Z', outcome: { kind: 'error', message: '<img src=x onerror=alert(1)>' } };
    const parsed = viewingRecordSchema.parse(record);
    expect(parsed.outcome).toEqual({ kind: 'error', message: '<img src=x onerror=alert(1)>' });
  });
});
