/** How loud the player's sound is. */
export interface SoundLevel {
  /** 0 to 1. */
  readonly volume: number;
  readonly muted: boolean;
}

export interface SoundOutputOptions {
  /** Called with the node after the master gain once the graph exists: what the viewer hears. */
  readonly onTap?: ((tap: AnalyserNode) => void) | undefined;
}

/** How fast the master gain follows a change, in seconds: quick, without the click of a jump. */
const GAIN_TIME_CONSTANT = 0.01;

/**
 * The player's one sound output: every narration and video element is routed through a single
 * Web Audio graph (one `MediaElementAudioSourceNode` per element, into a master gain that carries
 * the viewer's volume and mute), so mute and volume act on what is really heard, in one place.
 *
 * The graph is made on the viewer's first interaction (`unlock`), since browsers keep an
 * AudioContext made earlier suspended. Until it runs (no gesture yet, no Web Audio, a context the
 * browser keeps suspended), each element carries the level itself through `muted` and `volume`.
 */
export class SoundOutput {
  private readonly elements = new Set<HTMLMediaElement>();
  /** A source node can be made only once per element, so it is kept while the element lives. */
  private readonly sources = new WeakMap<HTMLMediaElement, MediaElementAudioSourceNode>();
  private readonly connected = new WeakSet<HTMLMediaElement>();
  private readonly onTap: ((tap: AnalyserNode) => void) | undefined;
  private graph: { context: AudioContext; master: GainNode } | null = null;
  private level: SoundLevel = { volume: 1, muted: true };

  constructor(options: SoundOutputOptions = {}) {
    this.onTap = options.onTap;
  }

  /** Whether sound goes through the graph now (false: elements carry the level themselves). */
  get routed(): boolean {
    return this.graph?.context.state === 'running';
  }

  /**
   * The graph's context and master gain once `unlock` has made them (null before): for sound made
   * in Web Audio itself (ambience beds), connected to `master` so volume and mute act on it too.
   */
  get webAudio(): { readonly context: AudioContext; readonly master: AudioNode } | null {
    return this.graph;
  }

  /** Starts playing `element` through this output. */
  add(element: HTMLMediaElement): void {
    this.elements.add(element);
    this.apply(element);
  }

  /** Stops routing `element` (it is being disposed): its source leaves the graph. */
  remove(element: HTMLMediaElement): void {
    this.elements.delete(element);
    this.sources.get(element)?.disconnect();
    this.connected.delete(element);
  }

  setLevel(level: SoundLevel): void {
    this.level = level;
    if (this.graph) {
      const { context, master } = this.graph;
      master.gain.setTargetAtTime(level.muted ? 0 : level.volume, context.currentTime, GAIN_TIME_CONSTANT);
    }
    for (const element of this.elements) this.apply(element);
  }

  /**
   * Makes (or resumes) the graph. Call it from the viewer's gesture (a click, a key, a select):
   * browsers let an AudioContext run only after one.
   */
  unlock(): void {
    if (this.routed) return;
    if (!this.graph) {
      const Context = globalThis.AudioContext as typeof AudioContext | undefined;
      if (!Context) return; // No Web Audio: elements keep carrying the level.
      const context = new Context();
      const master = context.createGain();
      master.gain.value = this.level.muted ? 0 : this.level.volume;
      const tap = context.createAnalyser();
      master.connect(tap);
      tap.connect(context.destination);
      this.graph = { context, master };
      context.addEventListener('statechange', () => this.applyAll());
      this.onTap?.(tap);
    }
    if (this.graph.context.state === 'suspended') void this.graph.context.resume().catch(() => {});
    this.applyAll();
  }

  dispose(): void {
    for (const element of [...this.elements]) this.remove(element);
    void this.graph?.context.close().catch(() => {});
    this.graph = null;
  }

  private applyAll(): void {
    for (const element of this.elements) this.apply(element);
  }

  private apply(element: HTMLMediaElement): void {
    if (!this.graph || this.graph.context.state !== 'running') {
      // An element already routed is heard only through the (now silent) graph; muting it as
      // well keeps it silent if the graph is closed.
      element.muted = this.level.muted;
      element.volume = this.level.volume;
      return;
    }
    let source = this.sources.get(element);
    if (!source) {
      source = this.graph.context.createMediaElementSource(element);
      this.sources.set(element, source);
    }
    if (!this.connected.has(element)) {
      source.connect(this.graph.master);
      this.connected.add(element);
    }
    // The element plays at full level; the master gain alone decides what is heard.
    element.muted = false;
    element.volume = 1;
  }
}
