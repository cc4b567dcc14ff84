/**
 * What the benchmark installs in every page before its own scripts run (Playwright's init
 * script), the same for the player and its baselines so their figures compare:
 *
 * - time inside animation-frame callbacks, summed per frame (callbacks of one frame share its
 *   timestamp), for window and XR session frames;
 * - the first frame that draws a panorama: the first draw call after a picture at least
 *   `panoramaWidth` wide was sent to the GPU, timed at the end of the callback that drew it;
 * - WebGL objects alive (programs, textures, buffers), counted at the API, so the player and
 *   three.js pages are counted alike.
 *
 * Everything lands in `globalThis.__bench`, read with `page.evaluate`.
 */
export interface BenchProbe {
  /** Summed callback milliseconds of each frame, in order. */
  frames: number[];
  /** performance.now() at the start of each recorded frame (same order as `frames`). */
  frameStarts: number[];
  /**
   * Summed callback milliseconds of each XR session frame: the player's own frame work in a headset.
   * IWER runs the session's callbacks inside a window frame of its own, which also waits for the
   * GPU process (software rendering of both eyes here); those window frames stay in `frames`.
   */
  xrFrames: number[];
  /** When the first panorama-drawing callback ended (performance.now()), or null. */
  firstPanoramaFrame: number | null;
  /** When the first big picture reached the GPU. */
  firstPanoramaUpload: number | null;
  /** Its width, and what it was (its constructor's name). */
  firstPanoramaUploadOf: string | null;
  /** When a `createImageBitmap` first resolved with a picture as wide as a panorama, or null (pages that decode otherwise). */
  firstPanoramaDecoded: number | null;
  /** When the page first asked a canvas for a WebGL context that went on to draw (the renderer's), or null. */
  rendererContext: number | null;
  programs: number;
  textures: number;
  buffers: number;
  /** Programs linked so far (a link in mid-scene is a hitch). */
  linked: number;
}

export function installProbes(panoramaWidth: number): void {
  const probe: BenchProbe = { frames: [], frameStarts: [], xrFrames: [], firstPanoramaFrame: null, firstPanoramaUpload: null, firstPanoramaUploadOf: null, firstPanoramaDecoded: null, rendererContext: null, programs: 0, textures: 0, buffers: 0, linked: 0 };
  (globalThis as unknown as { __bench: BenchProbe }).__bench = probe;

  // Frame callbacks: one frame's callbacks share a timestamp; their times are summed.
  const timer = (frames: number[], starts: number[] | null) => {
    let lastStamp = -1;
    return (callback: (t: number, ...rest: unknown[]) => void) =>
      function (this: unknown, t: number, ...rest: unknown[]) {
        const start = performance.now();
        try {
          callback.call(this, t, ...rest);
        } finally {
          const spent = performance.now() - start;
          if (t === lastStamp) frames[frames.length - 1]! += spent;
          else {
            lastStamp = t;
            frames.push(spent);
            starts?.push(start);
          }
        }
      };
  };
  const timed = timer(probe.frames, probe.frameStarts);
  const timedXR = timer(probe.xrFrames, null);
  const raf = globalThis.requestAnimationFrame.bind(globalThis);
  globalThis.requestAnimationFrame = (callback) => raf(timed(callback));
  // XR frames (IWER's session, or a real one): the session's own requestAnimationFrame.
  const xr = (globalThis as { XRSession?: { prototype: { requestAnimationFrame(cb: unknown): number } } }).XRSession;
  const wrapSession = (proto: { requestAnimationFrame(cb: unknown): number }) => {
    const original = proto.requestAnimationFrame;
    proto.requestAnimationFrame = function (this: unknown, callback: unknown) {
      return original.call(this, timedXR(callback as (t: number) => void));
    };
  };
  if (xr) wrapSession(xr.prototype);
  (globalThis as unknown as { __benchWrapSession: typeof wrapSession }).__benchWrapSession = wrapSession;

  // Decodes: when the panorama's bitmap came back from the browser's image threads.
  const decode = globalThis.createImageBitmap?.bind(globalThis) as ((...args: unknown[]) => Promise<ImageBitmap>) | undefined;
  if (decode)
    (globalThis as { createImageBitmap: unknown }).createImageBitmap = (...args: unknown[]) =>
      decode(...args).then((bitmap) => {
        if (probe.firstPanoramaDecoded === null && bitmap.width >= panoramaWidth) probe.firstPanoramaDecoded = performance.now();
        return bitmap;
      });
  // Contexts: each canvas's first WebGL context, timed; the one that draws the panorama is the renderer's.
  const contextAsked = new WeakMap<object, number>();
  const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, ...args: unknown[]) => unknown;
  (HTMLCanvasElement.prototype as { getContext: unknown }).getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
    const started = performance.now();
    const context = getContext.apply(this, args);
    if (context && typeof args[0] === 'string' && args[0].startsWith('webgl') && !contextAsked.has(context)) contextAsked.set(context, started);
    return context;
  };

  // WebGL: uploads, draws, and objects alive.
  let bigUploadSeen = false;
  const width = (args: unknown[]): number => {
    for (const a of args)
      if (a && typeof a === 'object' && 'width' in a && typeof (a as { width: unknown }).width === 'number') {
        const w = (a as { width: number }).width;
        if (w >= panoramaWidth && !bigUploadSeen) probe.firstPanoramaUploadOf = `${(a as object).constructor.name} ${w}`;
        return w;
      }
    return 0;
  };
  for (const name of ['WebGLRenderingContext', 'WebGL2RenderingContext'] as const) {
    const ctor = (globalThis as unknown as Record<string, { prototype: Record<string, (...args: unknown[]) => unknown> } | undefined>)[name];
    if (!ctor) continue;
    const proto = ctor.prototype;
    const wrap = (method: string, before: (this: unknown, args: unknown[]) => void) => {
      const original = proto[method];
      if (!original) return;
      proto[method] = function (this: unknown, ...args: unknown[]) {
        before.call(this, args);
        return original.apply(this, args);
      };
    };
    const upload = (args: unknown[]) => {
      if (bigUploadSeen) return;
      // A picture (ImageBitmap, image, canvas, ImageData) as wide as a panorama.
      if (width(args) >= panoramaWidth) {
        bigUploadSeen = true;
        probe.firstPanoramaUpload = performance.now();
      }
    };
    wrap('texImage2D', upload);
    wrap('texSubImage2D', (args) => {
      if (bigUploadSeen) return;
      // Pictures only: typed-array uploads are the player's own data textures (text atlases and the like).
      if (width(args) >= panoramaWidth) {
        bigUploadSeen = true;
        probe.firstPanoramaUpload = performance.now();
      }
    });
    wrap('compressedTexSubImage2D', (args) => {
      if (!bigUploadSeen && (args[4] as number) >= panoramaWidth) {
        bigUploadSeen = true;
        probe.firstPanoramaUpload = performance.now();
      }
    });
    const draw = function (this: unknown) {
      if (!bigUploadSeen || probe.firstPanoramaFrame !== null) return;
      probe.firstPanoramaFrame = -1;
      probe.rendererContext = contextAsked.get(this as object) ?? null;
      // The end of the task that drew it: its microtasks run when the callback returns.
      queueMicrotask(() => (probe.firstPanoramaFrame = performance.now()));
    };
    wrap('drawArrays', draw);
    wrap('drawElements', draw);
    wrap('createProgram', () => probe.programs++);
    wrap('deleteProgram', (a) => a[0] && probe.programs--);
    wrap('linkProgram', () => probe.linked++);
    wrap('createTexture', () => probe.textures++);
    wrap('deleteTexture', (a) => a[0] && probe.textures--);
    wrap('createBuffer', () => probe.buffers++);
    wrap('deleteBuffer', (a) => a[0] && probe.buffers--);
  }
}
