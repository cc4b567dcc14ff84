import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRDracoMeshCompression, KHRMaterialsUnlit, KHRTextureBasisu } from '@gltf-transform/extensions';
import draco3d from 'draco3dgltf';
import { MeshoptDecoder } from 'meshoptimizer';
import { describe, expect, it } from 'vitest';
import { PROPS_DIR, PROP_RECIPES } from '../../src/generate/props';

/** The committed test props read back as a player would: decoded, with their colours and clips. */
describe('generated glTF props', async () => {
  await MeshoptDecoder.ready;
  const io = new NodeIO()
    .registerExtensions([KHRMaterialsUnlit, KHRDracoMeshCompression, EXTMeshoptCompression, KHRTextureBasisu])
    .registerDependencies({ 'draco3d.decoder': await draco3d.createDecoderModule(), 'meshopt.decoder': MeshoptDecoder });

  for (const recipe of PROP_RECIPES)
    it(`${recipe.file}: an unlit box, ${recipe.compression ?? 'uncompressed'}${recipe.bob ? `, clip "${recipe.bob.clip}"` : ''}`, async () => {
      const doc = await io.readBinary(new Uint8Array(readFileSync(join(PROPS_DIR, recipe.file))));
      const root = doc.getRoot();
      const used = root.listExtensionsUsed().map((e) => e.extensionName);
      expect(used).toContain('KHR_materials_unlit');
      if (recipe.compression === 'draco') expect(root.listExtensionsRequired().map((e) => e.extensionName)).toEqual(['KHR_draco_mesh_compression']);
      if (recipe.compression === 'meshopt') expect(root.listExtensionsRequired().map((e) => e.extensionName)).toEqual(['EXT_meshopt_compression']);
      const primitive = root.listMeshes()[0]!.listPrimitives()[0]!;
      expect(primitive.getIndices()!.getCount()).toBe(36);
      const box = primitive.getAttribute('POSITION')!;
      expect(box.getMax([])[1]! - box.getMin([])[1]!).toBeCloseTo(0.8, 2);
      const material = primitive.getMaterial()!;
      if (recipe.textured === 'ktx2') expect(root.listExtensionsRequired().map((e) => e.extensionName)).toEqual(['KHR_texture_basisu']);
      if (recipe.textured) expect(material.getBaseColorTexture()?.getMimeType()).toBe(`image/${recipe.textured}`);
      else expect(material.getBaseColorFactor()).toEqual([...recipe.color, 1]);
      expect(root.listAnimations().map((a) => a.getName())).toEqual(recipe.bob ? [recipe.bob.clip] : []);
    });
});
