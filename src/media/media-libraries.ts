import type { GpuFacts } from './gpu-probe';
import type { WebGLRenderer } from 'three';
import { AmbienceLibrary } from './ambience-library';
import { MEDIA_KINDS, type MediaKept, type MediaKind, perKind } from './media-budget';
import type { MediaLibrary } from './media-library';
import { type ModelLoader, ModelLibrary } from './model-library';
import { NarrationLibrary } from './narration-library';
import type { MediaStates } from './scene-media-plan';
import type { SoundOutput } from './sound-output';
import type { SourceSupport } from './source-pick';
import { SplatLibrary } from './splat-library';
import { type MediaEvent, TextureLibrary } from './texture-library';
import { VideoLibrary } from './video-library';

export interface MediaLibrariesOptions {
  /** The player's sound output: videos, narration and ambience are heard through it (the caller disposes it). */
  readonly sound: SoundOutput;
  /** Widest picture the device takes (the device profile's `maxTextureSize`). */
  readonly maxTextureSize: number;
  /** The GPU's facts from the page's WebGL probe, so pictures start before the renderer is made. */
  readonly gpu?: GpuFacts | null | undefined;
  /** Most splats drawn at once (the device profile's `splatBudget`). */
  readonly splatBudget: number;
  /** Bytes of media of every kind to hold at once (the device profile's `mediaBudget`). */
  readonly budget: number;
  /** Receives every picture's fetch, decode, upload, first showing and disposal (tests read it). @default none */
  readonly log?: ((event: MediaEvent) => void) | undefined;
  /** How a model URL becomes a model. @default three's GLTFLoader with the decoders the app serves */
  readonly loadModel?: ModelLoader | undefined;
}

/**
 * Every library of a viewing's media under one memory budget, as one thing: what the planner reads
 * (`MediaStates`), one subscription for all of them, one way to hand over the renderer, one
 * `keepOnly` for a plan and one `dispose`.
 */
export interface MediaLibraries extends MediaStates {
  readonly textures: TextureLibrary;
  readonly videos: VideoLibrary;
  readonly splats: SplatLibrary;
  readonly models: ModelLibrary;
  readonly narration: NarrationLibrary;
  readonly ambience: AmbienceLibrary;
  /** Changes whenever a file of any kind settles, for `useSyncExternalStore`. */
  readonly version: number;
  subscribe(listener: () => void): () => void;
  /** The renderer pictures upload to and models pick their texture format for (again after a lost context). */
  setRenderer(renderer: WebGLRenderer): void;
  /** A renderer has been handed over: from then on the stage holds what its plans keep. */
  readonly rendering: boolean;
  /** Holds what a plan keeps, of every kind, and releases the rest. */
  keepOnly(kept: MediaKept): void;
  /** Bytes loaded and held now, per kind. */
  heldBytes(): Record<MediaKind, number>;
  /** Releases every file (the sound output is the caller's). */
  dispose(): void;
}

export function createMediaLibraries(options: MediaLibrariesOptions): MediaLibraries {
  const textures = new TextureLibrary({ maxTextureSize: options.maxTextureSize, gpu: options.gpu, log: options.log });
  const videos = new VideoLibrary(options.sound, options.maxTextureSize);
  const splats = new SplatLibrary({ budget: options.splatBudget });
  const models = new ModelLibrary(options.loadModel ? { load: options.loadModel } : {});
  const narration = new NarrationLibrary(options.sound);
  const ambience = new AmbienceLibrary(options.sound);
  const byKind: Record<MediaKind, MediaLibrary> = { texture: textures, video: videos, splat: splats, model: models, narration, ambience };
  const listeners = new Set<() => void>();
  let version = 0;
  let rendering = false;
  for (const library of Object.values(byKind))
    library.subscribe(() => {
      version++;
      for (const listener of listeners) listener();
    });
  return {
    textures,
    videos,
    splats,
    models,
    narration,
    ambience,
    budget: options.budget,
    get support(): SourceSupport | null {
      return textures.support;
    },
    get version() {
      return version;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get rendering() {
      return rendering;
    },
    setRenderer(renderer) {
      rendering = true;
      textures.setRenderer(renderer);
      models.setRenderer(renderer);
    },
    status: (kind, url) => byKind[kind].status(url),
    error: (kind, url) => byKind[kind].error(url),
    bytesOf: (kind, url, width) => byKind[kind].bytesOf(url, width),
    keepOnly(kept) {
      for (const kind of MEDIA_KINDS) byKind[kind].keepOnly(kept[kind]);
    },
    heldBytes: () => perKind((kind) => byKind[kind].heldBytes()),
    dispose() {
      for (const kind of MEDIA_KINDS) byKind[kind].dispose();
    },
  };
}
