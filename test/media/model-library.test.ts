import { BoxGeometry, Group, Mesh, MeshBasicMaterial, Texture } from 'three';
import { describe, expect, it, vi } from 'vitest';
import { type LoadedModel, ModelLibrary, disposeModel, modelBytes } from '../../src/media/model-library';

/** A model with one geometry, two materials (one textured) and a count of what was disposed. */
function fakeModel() {
  const disposed: string[] = [];
  const geometry = new BoxGeometry();
  const texture = new Texture();
  const painted = new MeshBasicMaterial({ map: texture });
  const plain = new MeshBasicMaterial();
  geometry.addEventListener('dispose', () => disposed.push('geometry'));
  texture.addEventListener('dispose', () => disposed.push('texture'));
  painted.addEventListener('dispose', () => disposed.push('material'));
  plain.addEventListener('dispose', () => disposed.push('material'));
  const scene = new Group().add(new Mesh(geometry, [painted, plain]));
  return { model: { scene, animations: [] } satisfies LoadedModel, disposed };
}

const URL_A = 'http://localhost/scenes/film/assets/a.glb';
const URL_B = 'http://localhost/scenes/film/assets/b.glb';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('model library', () => {
  it('loads each URL once and shares the model', async () => {
    const { model } = fakeModel();
    const load = vi.fn(async () => model);
    const library = new ModelLibrary({ load });
    expect(library.state(URL_A)).toEqual({ status: 'loading' });
    library.keepOnly(new Set([URL_A]));
    library.keepOnly(new Set([URL_A]));
    await library.load(URL_A);
    expect(load).toHaveBeenCalledTimes(1);
    expect(library.state(URL_A)).toEqual({ status: 'ready', model, bytes: modelBytes(model.scene) });
  });

  it('disposes the geometries, materials and textures of models that fall out of reach', async () => {
    const a = fakeModel();
    const b = fakeModel();
    const library = new ModelLibrary({ load: async (url) => (url === URL_A ? a.model : b.model) });
    library.keepOnly(new Set([URL_A, URL_B]));
    await settle();
    const versionBefore = library.version;
    library.keepOnly(new Set([URL_B]));
    expect(a.disposed.sort()).toEqual(['geometry', 'material', 'material', 'texture']);
    expect(b.disposed).toEqual([]);
    expect(library.state(URL_A)).toEqual({ status: 'loading' }); // gone: it would load anew
    expect(library.version).toBe(versionBefore);
    library.dispose();
    expect(b.disposed).toHaveLength(4);
  });

  it('disposes a model released while it was loading, as soon as it arrives', async () => {
    const a = fakeModel();
    let arrive: (model: LoadedModel) => void = () => {};
    const library = new ModelLibrary({ load: () => new Promise((resolve) => (arrive = resolve)) });
    const loading = library.load(URL_A);
    library.keepOnly(new Set());
    arrive(a.model);
    await loading;
    expect(a.disposed).toHaveLength(4);
    expect(library.state(URL_A)).toEqual({ status: 'loading' });
  });

  it('reports a model that fails once, clearly, and never retries it', async () => {
    const warn = vi.fn();
    const load = vi.fn(async () => {
      throw new Error('Unexpected token');
    });
    const library = new ModelLibrary({ load, warn });
    const listener = vi.fn();
    library.subscribe(listener);
    library.keepOnly(new Set([URL_A]));
    await settle();
    expect(library.state(URL_A)).toEqual({ status: 'failed', error: '"assets/a.glb" could not be loaded: Unexpected token' });
    expect(warn).toHaveBeenCalledWith('media: prop model "assets/a.glb" could not be loaded: Unexpected token; the scene goes on without it');
    expect(listener).toHaveBeenCalledTimes(1);
    library.keepOnly(new Set());
    library.keepOnly(new Set([URL_A]));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('frees a texture used by two materials once', () => {
    const { model } = fakeModel();
    const texture = (model.scene.children[0] as Mesh<BoxGeometry, MeshBasicMaterial[]>).material[0]!.map!;
    (model.scene.children[0] as Mesh<BoxGeometry, MeshBasicMaterial[]>).material[1]!.map = texture;
    const onDispose = vi.fn();
    texture.addEventListener('dispose', onDispose);
    disposeModel(model.scene);
    expect(onDispose).toHaveBeenCalledTimes(1);
  });
});
