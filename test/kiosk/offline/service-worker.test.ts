import { describe, expect, it, vi } from 'vitest';
import { readStorageStatus, registerPlayerServiceWorker, requestPersistentStorage } from '../../../src/kiosk';

const SITE = 'https://films.example/player/';

/** A worker whose state the test moves on, as a browser would. */
class FakeWorker extends EventTarget {
  readonly messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  become(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

function container(registration: Partial<Record<'installing' | 'waiting' | 'active', FakeWorker>>, { controlled = false, fails = false } = {}) {
  const target = new EventTarget();
  const registered: string[] = [];
  const fake = Object.assign(target, {
    controller: controlled ? new FakeWorker('activated') : null,
    register: async (url: string) => {
      registered.push(url);
      if (fails) throw new DOMException('The script has an unsupported MIME type', 'SecurityError');
      return { installing: null, waiting: null, active: null, ...registration };
    },
  });
  return { container: fake as unknown as ServiceWorkerContainer, registered, target };
}

describe('registering the player service worker', () => {
  it('is unsupported where the browser has no service workers', async () => {
    expect(await registerPlayerServiceWorker({ siteBase: SITE, container: undefined as never })).toBe('unsupported');
  });

  it('registers sw.js beside the page and resolves once the installed worker is active', async () => {
    const worker = new FakeWorker('installing');
    const { container: c, registered } = container({ installing: worker });
    const state = registerPlayerServiceWorker({ siteBase: SITE, container: c });
    await Promise.resolve();
    worker.become('installed');
    worker.become('activating');
    worker.become('activated');
    expect(await state).toBe('active');
    expect(registered).toEqual([`${SITE}sw.js`]);
  });

  it('is active at once when a worker already is', async () => {
    expect(await registerPlayerServiceWorker({ siteBase: SITE, container: container({ active: new FakeWorker('activated') }).container })).toBe('active');
  });

  it('fails when the worker cannot be registered or installed (the shell could not be cached)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await registerPlayerServiceWorker({ siteBase: SITE, container: container({}, { fails: true }).container })).toBe('failed');
    const worker = new FakeWorker('installing');
    const state = registerPlayerServiceWorker({ siteBase: SITE, container: container({ installing: worker }).container });
    await Promise.resolve();
    worker.become('redundant');
    expect(await state).toBe('failed');
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('hands over to a newer player waiting from an earlier run, and reloads into it', async () => {
    const waiting = new FakeWorker('installed');
    const { container: c, target } = container({ active: new FakeWorker('activated'), waiting }, { controlled: true });
    const reload = vi.fn();
    expect(await registerPlayerServiceWorker({ siteBase: SITE, container: c, reload })).toBe('updating');
    expect(waiting.messages).toEqual([{ type: 'sightline.skip-waiting' }]);
    expect(reload).not.toHaveBeenCalled();
    target.dispatchEvent(new Event('controllerchange'));
    expect(reload).toHaveBeenCalledOnce();
  });
});

describe('persistent storage', () => {
  function storage({ persisted = false, grants = true, estimate = { usage: 12_000_000, quota: 2_000_000_000 } } = {}) {
    let granted = persisted;
    const asked = vi.fn(async () => (granted = grants));
    const manager = { persisted: async () => granted, persist: asked, estimate: async () => estimate };
    return { manager: manager as unknown as StorageManager, asked };
  }

  it('asks once, and reports whether it was granted with what is used of the quota', async () => {
    const granting = storage();
    expect(await requestPersistentStorage(granting.manager)).toEqual({ persisted: true, usage: 12_000_000, quota: 2_000_000_000 });
    const refusing = storage({ grants: false });
    expect(await requestPersistentStorage(refusing.manager)).toMatchObject({ persisted: false });
    const already = storage({ persisted: true });
    await requestPersistentStorage(already.manager);
    expect([granting.asked.mock.calls.length, already.asked.mock.calls.length]).toEqual([1, 0]);
  });

  it('reports without asking, and says nothing it cannot know', async () => {
    const { manager, asked } = storage();
    expect(await readStorageStatus(manager)).toEqual({ persisted: false, usage: 12_000_000, quota: 2_000_000_000 });
    expect(asked).not.toHaveBeenCalled();
    expect(await readStorageStatus(undefined)).toEqual({ persisted: null, usage: null, quota: null });
  });
});
