import { BoxGeometry, Group, Mesh, MeshBasicMaterial } from 'three';
import { describe, expect, it, vi } from 'vitest';
import { MEDIA_KINDS, type MediaKept, type MediaKind } from '../../src/media/media-budget';
import { createMediaLibraries } from '../../src/media/media-libraries';
import { UNDECLARED_MODEL_BYTES, modelBytes } from '../../src/media/model-library';
import { UNDECLARED_AMBIENCE_BYTES } from '../../src/media/ambience-library';
import { UNDECLARED_NARRATION_BYTES } from '../../src/media/narration-library';
import { splatBytes, videoBytes } from '../../src/media/memory-governor';
import { SoundOutput } from '../../src/media/sound-output';

const URL_A = 'https://player.test/scenes/film/assets/a.glb';
const nothing = (): Record<MediaKind, Set<string>> => Object.fromEntries(MEDIA_KINDS.map((kind) => [kind, new Set<string>()])) as Record<MediaKind, Set<string>>;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createMediaLibraries', () => {
  const make = () => {
    const model = { scene: new Group().add(new Mesh(new BoxGeometry(), new MeshBasicMaterial())), animations: [] };
    const libraries = createMediaLibraries({
      sound: new SoundOutput(),
      maxTextureSize: 4096,
      splatBudget: 1000,
      budget: 64 * 1024 * 1024,
      loadModel: async () => model,
    });
    return { libraries, model };
  };

  it('holds what a plan keeps, of every kind, through one keepOnly, and tells one subscription when any file settles', async () => {
    const { libraries, model } = make();
    const listener = vi.fn();
    libraries.subscribe(listener);
    const before = libraries.version;
    const kept: MediaKept = { ...nothing(), model: new Set([URL_A]) };
    libraries.keepOnly(kept);
    expect(libraries.status('model', URL_A)).toBe('loading');
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(libraries.version).toBe(before + 1);
    expect(libraries.status('model', URL_A)).toBe('ready');
    expect(libraries.models.urls()).toEqual([URL_A]);
    expect(libraries.heldBytes()).toEqual({ texture: 0, video: 0, splat: 0, model: modelBytes(model.scene), narration: 0, ambience: 0 });
    libraries.keepOnly(nothing());
    expect(libraries.models.urls()).toEqual([]);
    expect(libraries.heldBytes().model).toBe(0);
    libraries.dispose();
  });

  it('asks each kind what a file not yet loaded would cost', () => {
    const { libraries } = make();
    const url = 'https://player.test/scenes/film/assets/x';
    expect(libraries.bytesOf('texture', url, 2048)).toBe(libraries.textures.bytesOf(url, 2048));
    expect(libraries.bytesOf('video', url, 2048)).toBe(videoBytes(2048, 1024));
    expect(libraries.bytesOf('splat', url)).toBe(splatBytes(1000));
    expect(libraries.bytesOf('model', url)).toBe(UNDECLARED_MODEL_BYTES);
    expect(libraries.bytesOf('narration', url)).toBe(UNDECLARED_NARRATION_BYTES);
    expect(libraries.bytesOf('ambience', url)).toBe(UNDECLARED_AMBIENCE_BYTES);
    expect(libraries.budget).toBe(64 * 1024 * 1024);
    expect(libraries.support).toBeNull();
  });
});
