import { afterEach, describe, expect, it, vi } from 'vitest';
import { SoundOutput } from '../../src/media/sound-output';

/** The part of a media element the output touches. */
const element = () => ({ muted: false, volume: 1 }) as unknown as HTMLMediaElement & { muted: boolean; volume: number };

/** A stand-in AudioContext recording the graph it is asked to build. */
class FakeContext {
  static made: FakeContext[] = [];
  state: AudioContextState = 'running';
  currentTime = 0;
  readonly destination = {};
  readonly sources = new Map<unknown, { connected: boolean; connect: () => void; disconnect: () => void }>();
  gain = { value: 1, setTargetAtTime: (v: number) => (this.gain.value = v) };
  constructor() {
    FakeContext.made.push(this);
  }
  createGain() {
    return { gain: this.gain, connect: () => {} };
  }
  createAnalyser() {
    return { connect: () => {} };
  }
  createMediaElementSource(el: unknown) {
    if (this.sources.has(el)) throw new Error('InvalidStateError: already has a source');
    const source = { connected: false, connect: () => (source.connected = true), disconnect: () => (source.connected = false) };
    this.sources.set(el, source);
    return source;
  }
  addEventListener() {}
  resume() {
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeContext.made = [];
});

describe('SoundOutput', () => {
  it('without Web Audio, each element carries the volume and mute itself', () => {
    vi.stubGlobal('AudioContext', undefined);
    const sound = new SoundOutput();
    const a = element();
    sound.add(a);
    expect(a.muted).toBe(true); // Silent until told otherwise, so autoplay is allowed.
    sound.unlock();
    sound.setLevel({ volume: 0.4, muted: false });
    expect(a).toMatchObject({ muted: false, volume: 0.4 });
    expect(sound.routed).toBe(false);
  });

  it('once unlocked, routes every element through the master gain, which alone carries the level', () => {
    vi.stubGlobal('AudioContext', FakeContext);
    const taps: unknown[] = [];
    const sound = new SoundOutput({ onTap: (t) => taps.push(t) });
    const a = element();
    sound.add(a);
    sound.setLevel({ volume: 0.6, muted: false });
    expect(a.volume).toBe(0.6); // Not routed before the viewer's gesture.
    sound.unlock();
    const context = FakeContext.made[0]!;
    expect(taps).toHaveLength(1);
    expect(context.sources.get(a)?.connected).toBe(true);
    expect(a).toMatchObject({ muted: false, volume: 1 });
    expect(context.gain.value).toBe(0.6);
    sound.setLevel({ volume: 0.6, muted: true });
    expect(context.gain.value).toBe(0);
    expect(a).toMatchObject({ muted: false, volume: 1 });
    const b = element();
    sound.add(b);
    expect(context.sources.get(b)?.connected).toBe(true);
    sound.unlock(); // Again: no second context.
    expect(FakeContext.made).toHaveLength(1);
  });

  it('disconnects the source of a removed element, and never makes a second source for one', () => {
    vi.stubGlobal('AudioContext', FakeContext);
    const sound = new SoundOutput();
    sound.unlock();
    const a = element();
    sound.add(a);
    const context = FakeContext.made[0]!;
    sound.remove(a);
    expect(context.sources.get(a)?.connected).toBe(false);
    sound.add(a); // Would throw if a second source were made.
    expect(context.sources.get(a)?.connected).toBe(true);
  });

  it('leaves elements carrying the level while the context stays suspended', () => {
    vi.stubGlobal('AudioContext', class extends FakeContext {
      override state: AudioContextState = 'suspended';
    });
    const sound = new SoundOutput();
    sound.setLevel({ volume: 0.3, muted: false });
    sound.unlock();
    const a = element();
    sound.add(a);
    expect(sound.routed).toBe(false);
    expect(a).toMatchObject({ muted: false, volume: 0.3 });
  });
});
