import type { AnimationClip, BufferAttribute, BufferGeometry, Material, MeshBasicMaterial, Object3D, Texture, WebGLRenderer } from 'three';
import { LoadingManager } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { HeldMedia, type MediaStatus } from './media-library';
import { decodedTextureBytes } from './memory-governor';

/** A loaded glTF: its scene graph (shared; props show clones of it) and its animation clips. */
export interface LoadedModel {
  readonly scene: Object3D;
  readonly animations: readonly AnimationClip[];
}

/** What a prop's model is doing right now. */
export type ModelState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly model: LoadedModel; readonly bytes: number }
  | { readonly status: 'failed'; readonly error: string };

/** Loads one glTF/GLB URL; the default uses three's GLTFLoader with Draco, Meshopt and KTX2. */
export type ModelLoader = (url: string) => Promise<LoadedModel>;

export interface ModelLibraryOptions {
  /**
   * How a URL becomes a model. Tests give a fake; the player uses three's GLTFLoader, its decoders
   * served by the app under `decoders/` beside the page (no CDN).
   * @default createGLTFModelLoader(document.baseURI)
   */
  readonly load?: ModelLoader;
  /** Where a failed model is reported (a prop that fails is skipped, not fatal). @default console.warn */
  readonly warn?: (message: string) => void;
}

interface Entry {
  state: ModelState;
  promise: Promise<ModelState>;
}

const LOADING: ModelState = { status: 'loading' };

/**
 * Owns every glTF model of the props on stage: loads each URL once, shares it between the props
 * that use it, and disposes the geometries, materials and textures of the models that fall out of
 * reach (the current scene and the scenes it leads to), so GPU memory returns to its baseline.
 */
export class ModelLibrary extends HeldMedia<Entry> {
  private readonly warn: (message: string) => void;
  private loader: (ModelLoader & Partial<GLTFModelLoaderControls>) | null;
  private renderer: WebGLRenderer | null = null;

  constructor(options: ModelLibraryOptions = {}) {
    super();
    this.loader = options.load ?? null;
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  /**
   * The renderer whose capabilities pick the KTX2 transcoding target. Call it before loading
   * models with KTX2 textures, and again with the new renderer after a lost context.
   */
  setRenderer(renderer: WebGLRenderer): void {
    this.renderer = renderer;
    this.loader?.setRenderer?.(renderer);
  }

  /** Starts loading `url` if it is not loaded or loading; resolves when it settles. */
  load(url: string): Promise<ModelState> {
    return Promise.resolve(this.failure(url) ?? this.hold(url).promise);
  }

  state(url: string): ModelState {
    return this.failure(url) ?? this.entries.get(url)?.state ?? LOADING;
  }

  /** The URLs held now, loaded or loading. */
  urls(): string[] {
    return [...this.entries.keys()];
  }

  /** Disposes every model and the decoders' workers. */
  override dispose(): void {
    super.dispose();
    this.loader?.dispose?.();
  }

  protected open(url: string): Entry {
    const entry: Entry = { state: LOADING, promise: Promise.resolve(LOADING) };
    entry.promise = this.loaderNow()(url)
      .then(
        (model): ModelState => ({ status: 'ready', model, bytes: modelBytes(model.scene) }),
        (error: unknown): ModelState => ({ status: 'failed', error: describe(error, url) }),
      )
      .then((settled) => {
        const state = settled.status === 'failed' ? this.fail(url, settled.error) : settled;
        if (state.status === 'failed') this.warn(`media: prop model ${state.error}; the scene goes on without it`);
        // A model released while it loaded is disposed at once instead of leaking.
        if (!this.holds(url, entry)) {
          if (state.status === 'ready') disposeModel(state.model.scene);
        } else {
          entry.state = state;
          this.notify();
        }
        return state;
      });
    return entry;
  }

  protected release(entry: Entry): void {
    if (entry.state.status === 'ready') disposeModel(entry.state.model.scene);
  }

  protected statusOf(entry: Entry): MediaStatus {
    return entry.state.status;
  }

  /** Measured once loaded (`modelBytes`). */
  protected measure(entry: Entry): number | null {
    return entry.state.status === 'ready' ? entry.state.bytes : null;
  }

  /** A generous guess for a generated prop (`UNDECLARED_MODEL_BYTES`). */
  protected estimate(): number {
    return UNDECLARED_MODEL_BYTES;
  }

  private loaderNow(): ModelLoader {
    if (!this.loader) {
      const loader = createGLTFModelLoader(document.baseURI);
      if (this.renderer) loader.setRenderer(this.renderer);
      this.loader = loader;
    }
    return this.loader;
  }
}

/**
 * What a model not yet loaded is assumed to hold: a generated prop with a 2048² texture (22 MB
 * with mipmaps) and some 100,000 triangles of buffers (about 10 MB). Measured once loaded.
 */
export const UNDECLARED_MODEL_BYTES = 32 * 1024 * 1024;

/**
 * GPU bytes of a model: every geometry's attribute and index buffers and every texture of its
 * materials (decoded size, mipmaps included), each counted once however many meshes share it.
 */
export function modelBytes(root: Object3D): number {
  const buffers = new Set<ArrayBufferView>();
  const textures = new Set<Texture>();
  root.traverse((object) => {
    const mesh = object as Object3D & { geometry?: BufferGeometry; material?: Material | Material[] };
    if (mesh.geometry) {
      for (const attribute of Object.values(mesh.geometry.attributes)) buffers.add((attribute as BufferAttribute).array);
      if (mesh.geometry.index) buffers.add(mesh.geometry.index.array);
    }
    for (const material of Array.isArray(mesh.material) ? mesh.material : mesh.material ? [mesh.material] : [])
      for (const value of Object.values(material)) if ((value as Texture | null)?.isTexture) textures.add(value as Texture);
  });
  let total = 0;
  for (const buffer of buffers) total += buffer.byteLength;
  for (const texture of textures) total += decodedTextureBytes(texture);
  return total;
}

/**
 * Frees what a model holds on the GPU: every geometry, material and texture in its graph. Clones
 * share these with the original, so disposing the original frees them all.
 */
export function disposeModel(root: Object3D): void {
  const textures = new Set<Texture>();
  root.traverse((object) => {
    const mesh = object as Object3D & { geometry?: { dispose(): void }; material?: Material | Material[] };
    mesh.geometry?.dispose();
    const materials = Array.isArray(mesh.material) ? mesh.material : mesh.material ? [mesh.material] : [];
    for (const material of materials) {
      for (const value of Object.values(material)) if ((value as Texture | null)?.isTexture) textures.add(value as Texture);
      material.dispose();
    }
  });
  for (const texture of textures) {
    texture.dispose();
    // glTF images arrive as ImageBitmaps, whose decoded pixels live until closed.
    const data = texture.source?.data as { close?: () => void } | undefined;
    data?.close?.();
  }
}

interface GLTFModelLoaderControls {
  setRenderer(renderer: WebGLRenderer): void;
  dispose(): void;
}

/**
 * three's GLTFLoader with every decoder a generated film's models may need: Draco meshes (decoder
 * served at `decoders/draco/`), Meshopt (bundled), KTX2 textures (transcoder at `decoders/basis/`).
 * The decoders' loaders are imported on first use, so films without props never download them
 * (GLTFLoader itself is in the main bundle already: the XR controller models use it).
 */
export function createGLTFModelLoader(baseUri: string): ModelLoader & GLTFModelLoaderControls {
  let renderer: WebGLRenderer | null = null;
  let ready: Promise<{ gltf: GLTFLoader; dispose: () => void; detect: (r: WebGLRenderer) => void }> | null = null;
  const setup = () =>
    (ready ??= Promise.all([
      import('three/examples/jsm/loaders/DRACOLoader.js'),
      import('three/examples/jsm/loaders/KTX2Loader.js'),
      import('three/examples/jsm/libs/meshopt_decoder.module.js'),
    ]).then(([{ DRACOLoader }, { KTX2Loader }, { MeshoptDecoder }]) => {
      const draco = new DRACOLoader().setDecoderPath(new URL('decoders/draco/', baseUri).href);
      const ktx2 = new KTX2Loader().setTranscoderPath(new URL('decoders/basis/', baseUri).href);
      // A model may name only files of its own site (or embed them): a URL elsewhere would let a
      // package track its viewers or break an offline kiosk. Such a request is never made; the
      // model fails to load and is skipped, as a broken one is (validate names it: asset.external).
      const manager = new LoadingManager();
      manager.setURLModifier((url) => (url.startsWith('data:') || url.startsWith('blob:') || new URL(url, baseUri).origin === new URL(baseUri).origin ? url : `${new URL('blocked-outside-url', baseUri).href}`));
      const gltf = new GLTFLoader(manager).setDRACOLoader(draco).setKTX2Loader(ktx2).setMeshoptDecoder(MeshoptDecoder);
      const detect = (r: WebGLRenderer) => ktx2.detectSupport(r);
      if (renderer) detect(renderer);
      return {
        gltf,
        detect,
        dispose: () => {
          draco.dispose();
          ktx2.dispose();
        },
      };
    }));
  const load = async (url: string): Promise<LoadedModel> => {
    const { gltf } = await setup();
    const result = await gltf.loadAsync(url);
    showUnlitAsAuthored(result.scene);
    return { scene: result.scene, animations: result.animations };
  };
  return Object.assign(load, {
    setRenderer(r: WebGLRenderer) {
      renderer = r;
      void ready?.then((loaders) => loaders.detect(r));
    },
    dispose() {
      void ready?.then((loaders) => loaders.dispose());
      ready = null;
    },
  });
}

/**
 * Unlit materials (KHR_materials_unlit) carry their light baked in, like the panoramas around
 * them, which the backdrop shows untouched: they skip tone mapping too, so an unlit prop shows the
 * colours its maker chose. Lit materials keep the renderer's tone mapping.
 */
function showUnlitAsAuthored(root: Object3D): void {
  root.traverse((object) => {
    const material = (object as Object3D & { material?: Material | Material[] }).material;
    for (const m of Array.isArray(material) ? material : material ? [material] : []) if ((m as MeshBasicMaterial).isMeshBasicMaterial) m.toneMapped = false;
  });
}

function describe(error: unknown, url: string): string {
  const path = new URL(url).pathname.split('/').slice(-2).join('/');
  if (error instanceof Error && error.message) return `"${path}" could not be loaded: ${error.message}`;
  return `"${path}" could not be loaded (missing, or not a glTF/GLB file)`;
}
