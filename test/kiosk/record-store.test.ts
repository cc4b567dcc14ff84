import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RecordStore, UploadQueue } from '../../src/kiosk';
import { record } from '../records/fixtures';

let dbCount = 0;
const openStore = () => RecordStore.open(`test-${++dbCount}`);

describe('the kiosk record store', () => {
  it('rewrites a viewing while it plays, and never once it has ended', async () => {
    const store = await openStore();
    const playing = record('c-0000001', { endedAt: null, outcome: { kind: 'playing' } });
    expect(await store.write(playing, true)).toBe(true);
    expect(await store.outbox()).toEqual([]);
    const ended = record('c-0000001');
    expect(await store.write(ended, true)).toBe(true);
    expect(await store.outbox()).toEqual(['c-0000001']);
    expect(await store.write({ ...ended, outcome: { kind: 'reset' } }, true)).toBe(false);
    expect((await store.get('c-0000001'))!.outcome).toEqual({ kind: 'ending', ending: 'tower' });
    expect((await store.summaries()).map((s) => [s.id, s.lengthMs])).toEqual([['c-0000001', 60_000]]);
  });

  it('closes viewings a crash left open at their last moment, once', async () => {
    const store = await openStore();
    await store.write(
      record('c-0000002', {
        endedAt: null,
        outcome: { kind: 'playing' },
        path: [{ scene: 'hall', enteredMs: 0, leftMs: null, gaze: [[0, 0, 0], [4250, 1, 1]] }],
        clues: [{ clue: 'sky-is-real', scene: 'hall', atMs: 3000 }],
        choices: [],
      }),
      true,
    );
    const closed = await store.closeInterrupted(true);
    expect(closed.map((r) => [r.id, r.outcome.kind, r.endedAt])).toEqual([['c-0000002', 'interrupted', '2026-12-05T10:00:04.250Z']]);
    expect(await store.closeInterrupted(true)).toEqual([]);
    expect(await store.outbox()).toEqual(['c-0000002']);
  });

  it('keeps a viewing without its gaze when storage is full, and says so', async () => {
    const store = await openStore();
    const write = store.write.bind(store);
    // Storage with room for a record's path, clues and choices, but not for its gaze samples.
    store.write = async (r, queue) => {
      if (r.path.some((e) => e.gaze.length > 0)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return write(r, queue);
    };
    const watched = record('c-0000004', { path: [{ scene: 'hall', enteredMs: 0, leftMs: 60_000, gaze: [[0, 10, 0], [250, 11, 0]] }] });
    expect(await store.writeKeeping(watched, true)).toBe('without-gaze');
    const kept = (await store.get('c-0000004'))!;
    expect(kept.path).toEqual([{ scene: 'hall', enteredMs: 0, leftMs: 60_000, gaze: [] }]);
    expect(kept.choices).toEqual(watched.choices);
    expect(await store.outbox()).toEqual(['c-0000004']);
    expect(await store.writeKeeping(record('c-0000005'), true)).toBe('written');
    // Any other failure is not hidden.
    store.write = async () => {
      throw new DOMException('The transaction was aborted.', 'AbortError');
    };
    await expect(store.writeKeeping(record('c-0000006'), true)).rejects.toThrow('aborted');
  });

  it('keeps the newest incidents, bounded', async () => {
    const store = await openStore();
    for (let i = 0; i < 205; i++) await store.note('error', `problem ${i}`);
    const latest = await store.incidents(3);
    expect(latest.map((i) => i.message)).toEqual(['problem 204', 'problem 203', 'problem 202']);
    expect((await store.incidents(1000)).length).toBe(200);
  });
});

/** A station that stores each record id once, and can be told to fail, or to lose its answers. */
function fakeStation() {
  const stored = new Map<string, unknown>();
  const station = {
    stored,
    posts: 0,
    mode: 'down' as 'down' | 'up' | 'lose-answer' | 'hang' | 'refuse',
    fetch: (async (_url: URL, init: RequestInit) => {
      station.posts++;
      const body = JSON.parse(String(init.body)) as { id: string };
      if (station.mode === 'down') throw new TypeError('Failed to fetch');
      if (station.mode === 'hang') return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      if (station.mode === 'refuse') return new Response('', { status: 401 });
      stored.set(body.id, body);
      if (station.mode === 'lose-answer') throw new TypeError('connection reset');
      return new Response('{}', { status: 201 });
    }) as unknown as typeof fetch,
  };
  return station;
}

async function until(check: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 2000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the upload queue', () => {
  it('keeps records until the station confirms them, through failures, lost answers and timeouts', async () => {
    const store = await openStore();
    const station = fakeStation();
    const incidents: string[] = [];
    const queue = new UploadQueue({ store, station: { url: 'http://station.test', token: 'x'.repeat(16) }, fetch: station.fetch, backoffMs: 5, maxBackoffMs: 20, timeoutMs: 50, onIncident: (m) => incidents.push(m) });
    for (const id of ['d-0000001', 'd-0000002', 'd-0000003']) await store.write(record(id), true);
    queue.kick();
    await until(() => station.posts >= 3, 'a few failed tries');
    expect(await store.outbox()).toHaveLength(3);
    station.mode = 'hang';
    await until(() => station.posts >= 5, 'tries that time out');
    station.mode = 'lose-answer';
    await until(() => station.stored.size >= 1 && station.posts >= 7, 'a stored record whose answer was lost');
    expect(await store.outbox()).toHaveLength(3);
    station.mode = 'up';
    await until(async () => (await store.outbox()).length === 0, 'the outbox to empty');
    expect([...station.stored.keys()].sort()).toEqual(['d-0000001', 'd-0000002', 'd-0000003']);
    expect(incidents[0]).toContain('could not be reached');
    queue.stop();
  });

  it('says when the station refuses the token, and keeps the record', async () => {
    const store = await openStore();
    const station = fakeStation();
    station.mode = 'refuse';
    const incidents: string[] = [];
    const queue = new UploadQueue({ store, station: { url: 'http://station.test/', token: 'y'.repeat(16) }, fetch: station.fetch, backoffMs: 5, onIncident: (m) => incidents.push(m) });
    await store.write(record('e-0000001'), true);
    queue.kick();
    await until(() => incidents.length > 0, 'an incident');
    expect(incidents[0]).toContain('token');
    expect(await store.outbox()).toEqual(['e-0000001']);
    queue.stop();
  });
});
