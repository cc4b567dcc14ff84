import { describe, expect, it, vi } from 'vitest';
import { HeldMedia, type MediaStatus } from '../../src/media/media-library';

interface FakeEntry {
  ready: boolean;
  bytes: number;
}

/** The smallest library: files settle when the test says, with the bytes it says. */
class FakeLibrary extends HeldMedia<FakeEntry> {
  readonly opened: string[] = [];
  readonly released: string[] = [];

  settle(url: string, bytes: number): void {
    const entry = this.entries.get(url)!;
    entry.ready = true;
    entry.bytes = bytes;
    this.notify();
  }

  break(url: string): void {
    this.fail(url, `${url} is broken`);
    const entry = this.entries.get(url);
    if (entry) this.drop(url, entry);
    this.notify();
  }

  protected open(url: string): FakeEntry {
    this.opened.push(url);
    return { ready: false, bytes: 0 };
  }

  protected release(_entry: FakeEntry, url: string): void {
    this.released.push(url);
  }

  protected statusOf(entry: FakeEntry): MediaStatus {
    return entry.ready ? 'ready' : 'loading';
  }

  protected measure(entry: FakeEntry): number | null {
    return entry.ready ? entry.bytes : null;
  }

  protected estimate(_url: string, width: number | undefined): number {
    return (width ?? 1000) * 2;
  }
}

describe('the skeleton every media library shares', () => {
  it('opens each file it is asked to hold once, and releases the ones it no longer holds', () => {
    const library = new FakeLibrary();
    library.keepOnly(new Set(['a', 'b']));
    library.keepOnly(new Set(['a', 'b']));
    expect(library.opened).toEqual(['a', 'b']);
    library.keepOnly(new Set(['b', 'c']));
    expect(library.released).toEqual(['a']);
    expect(library.opened).toEqual(['a', 'b', 'c']);
    // Held again after its release: opened anew.
    library.keepOnly(new Set(['a']));
    expect(library.opened).toEqual(['a', 'b', 'c', 'a']);
    expect(library.released).toEqual(['a', 'b', 'c']);
    library.dispose();
    expect(library.released).toEqual(['a', 'b', 'c', 'a']);
    expect(library.heldBytes()).toBe(0);
  });

  it('says where each file stands: loading until it settles, then ready or failed', () => {
    const library = new FakeLibrary();
    expect(library.status('a')).toBe('loading');
    library.keepOnly(new Set(['a', 'b']));
    expect(library.status('a')).toBe('loading');
    library.settle('a', 10);
    library.break('b');
    expect(library.status('a')).toBe('ready');
    expect(library.status('b')).toBe('failed');
    expect(library.error('b')).toBe('b is broken');
    expect(library.error('a')).toBeUndefined();
    expect(library.released).toEqual(['b']);
  });

  it('never opens a failed file again in the viewing', () => {
    const library = new FakeLibrary();
    library.keepOnly(new Set(['b']));
    library.break('b');
    library.keepOnly(new Set());
    library.keepOnly(new Set(['b']));
    expect(library.opened).toEqual(['b']);
    expect(library.status('b')).toBe('failed');
  });

  it('counts a file at its estimate until loaded, then as measured, and a failed one at nothing', () => {
    const library = new FakeLibrary();
    expect(library.bytesOf('a')).toBe(2000);
    expect(library.bytesOf('a', 300)).toBe(600);
    library.keepOnly(new Set(['a', 'b', 'c']));
    expect(library.bytesOf('a', 300)).toBe(600);
    expect(library.heldBytes()).toBe(0);
    library.settle('a', 42);
    library.settle('b', 8);
    library.break('c');
    expect(library.bytesOf('a', 300)).toBe(42);
    expect(library.bytesOf('c', 300)).toBe(0);
    expect(library.heldBytes()).toBe(50);
    library.keepOnly(new Set(['b']));
    expect(library.heldBytes()).toBe(8);
    // Released, it is an estimate again.
    expect(library.bytesOf('a', 300)).toBe(600);
  });

  it('tells its subscribers when a file settles, with a new version each time, until they leave', () => {
    const library = new FakeLibrary();
    const listener = vi.fn();
    const leave = library.subscribe(listener);
    const before = library.version;
    library.keepOnly(new Set(['a', 'b']));
    expect(listener).not.toHaveBeenCalled();
    library.settle('a', 1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(library.version).toBe(before + 1);
    leave();
    library.settle('b', 1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(library.version).toBe(before + 2);
  });
});
