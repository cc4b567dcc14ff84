/**
 * The glTF test props of the `props` fixture package: small procedural GLBs, one per way a film's
 * models can arrive (plain with a texture, Draco-compressed, Meshopt-compressed, animated).
 *
 * Each is a box of a known, unlit colour, so a browser test can tell from one pixel which prop it
 * looks at whatever the lighting. The outputs are committed; tests never run this.
 * Run: npx tsx src/generate/props.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, NodeIO, type Texture } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRDracoMeshCompression, KHRMaterialsUnlit, KHRTextureBasisu } from '@gltf-transform/extensions';
import draco3d from 'draco3dgltf';
import { MeshoptEncoder } from 'meshoptimizer';
import { encodeToKTX2 } from 'ktx2-encoder';
import { PNG } from 'pngjs';

export const PROPS_DIR = resolve(import.meta.dirname, '../../test/fixtures/packages/props/assets');

/** Edge length of every test box, in metres. */
export const BOX_SIZE = 0.8;

type RGB = readonly [number, number, number];

export interface PropRecipe {
  readonly file: string;
  /** Base colour, linear 0..1 (glTF's convention); unlit, so the screen shows it sRGB-encoded. */
  readonly color: RGB;
  readonly compression?: 'draco' | 'meshopt';
  /**
   * A texture painted in the base colour with a dark frame, so textures are exercised too: a PNG,
   * or a KTX2 (Basis ETC1S, KHR_texture_basisu) transcoded by the player's own decoder.
   */
  readonly textured?: 'png' | 'ktx2';
  /** A clip that bobs the box up by this many metres and back, once every two seconds. */
  readonly bob?: { readonly clip: string; readonly height: number };
}

export const PROP_RECIPES: readonly PropRecipe[] = [
  { file: 'relic.glb', color: [1, 0, 0], textured: 'png' },
  { file: 'urn.glb', color: [0, 1, 0], compression: 'draco' },
  { file: 'mask.glb', color: [0, 0, 1], compression: 'meshopt' },
  { file: 'orrery.glb', color: [1, 1, 0], bob: { clip: 'Bob', height: 0.5 } },
  { file: 'idol.glb', color: [1, 0, 1], textured: 'ktx2' },
];

/** A box's 24 vertices (4 per face, so each face has its own normal and UVs) and 36 indices. */
function boxGeometry(size: number) {
  const h = size / 2;
  // Each face: normal, then two axes spanning it (u to the right, v up, seen from outside).
  const faces: Array<[RGB, RGB, RGB]> = [
    [[0, 0, 1], [1, 0, 0], [0, 1, 0]],
    [[0, 0, -1], [-1, 0, 0], [0, 1, 0]],
    [[1, 0, 0], [0, 0, -1], [0, 1, 0]],
    [[-1, 0, 0], [0, 0, 1], [0, 1, 0]],
    [[0, 1, 0], [1, 0, 0], [0, 0, -1]],
    [[0, -1, 0], [1, 0, 0], [0, 0, 1]],
  ];
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  const indices: number[] = [];
  faces.forEach(([n, u, v], f) => {
    for (const [su, sv] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
      positions.push(h * (n[0] + su * u[0] + sv * v[0]), h * (n[1] + su * u[1] + sv * v[1]), h * (n[2] + su * u[2] + sv * v[2]));
      normals.push(...n);
      uvs.push((su + 1) / 2, (1 - sv) / 2);
    }
    const b = f * 4;
    indices.push(b, b + 1, b + 2, b, b + 2, b + 3);
  });
  return { positions: new Float32Array(positions), normals: new Float32Array(normals), uvs: new Float32Array(uvs), indices: new Uint16Array(indices) };
}

/** A 16×16 PNG in `color` (sRGB-encoded) with a one-pixel dark frame. */
function framedPng(color: RGB): Uint8Array {
  const png = new PNG({ width: 16, height: 16 });
  const encode = (c: number) => Math.round(255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055));
  for (let y = 0; y < 16; y++)
    for (let x = 0; x < 16; x++) {
      const edge = x === 0 || y === 0 || x === 15 || y === 15;
      const i = (y * 16 + x) * 4;
      png.data[i] = edge ? 40 : encode(color[0]);
      png.data[i + 1] = edge ? 40 : encode(color[1]);
      png.data[i + 2] = edge ? 40 : encode(color[2]);
      png.data[i + 3] = 255;
    }
  return new Uint8Array(PNG.sync.write(png));
}

/** The framed texture as a KTX2 file (Basis ETC1S with mipmaps, sRGB), as an author would ship it. */
async function framedKtx2(color: RGB): Promise<Uint8Array> {
  return encodeToKTX2(framedPng(color), {
    isUASTC: false,
    isKTX2File: true,
    generateMipmap: true,
    isPerceptual: true,
    isSetKTX2SRGBTransferFunc: true,
    qualityLevel: 255,
    enableDebug: false,
    imageDecoder: async (bytes: Uint8Array) => {
      const png = PNG.sync.read(Buffer.from(bytes));
      return { data: new Uint8Array(png.data), width: png.width, height: png.height };
    },
  });
}

/** `ktx2` carries the encoded texture of a recipe textured with KTX2 (encoding is asynchronous). */
export function buildProp(recipe: PropRecipe, ktx2?: Uint8Array): Document {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const g = boxGeometry(BOX_SIZE);
  const accessor = (type: 'VEC3' | 'VEC2' | 'SCALAR', array: Float32Array | Uint16Array) => doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const unlit = doc.createExtension(KHRMaterialsUnlit);
  let texture: Texture | null = null;
  if (recipe.textured === 'png') texture = doc.createTexture('paint').setMimeType('image/png').setImage(framedPng(recipe.color));
  if (recipe.textured === 'ktx2') {
    if (!ktx2) throw new Error(`${recipe.file}: a KTX2-textured prop needs its encoded texture`);
    doc.createExtension(KHRTextureBasisu).setRequired(true);
    texture = doc.createTexture('paint').setMimeType('image/ktx2').setImage(ktx2);
  }
  const material = doc
    .createMaterial('paint')
    .setBaseColorFactor(texture ? [1, 1, 1, 1] : [...recipe.color, 1])
    .setBaseColorTexture(texture)
    .setExtension('KHR_materials_unlit', unlit.createUnlit());
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', g.positions))
    .setAttribute('NORMAL', accessor('VEC3', g.normals))
    .setAttribute('TEXCOORD_0', accessor('VEC2', g.uvs))
    .setIndices(accessor('SCALAR', g.indices))
    .setMaterial(material);
  const box = doc.createNode('box').setMesh(doc.createMesh('box').addPrimitive(primitive));
  doc.createScene('prop').addChild(doc.createNode('prop').addChild(box));

  if (recipe.bob) {
    const times = accessor('SCALAR', new Float32Array([0, 1, 2]));
    const heights = accessor('VEC3', new Float32Array([0, 0, 0, 0, recipe.bob.height, 0, 0, 0, 0]));
    const sampler = doc.createAnimationSampler().setInput(times).setOutput(heights).setInterpolation('LINEAR');
    const channel = doc.createAnimationChannel().setTargetNode(box).setTargetPath('translation').setSampler(sampler);
    doc.createAnimation(recipe.bob.clip).addSampler(sampler).addChannel(channel);
  }
  if (recipe.compression === 'draco') doc.createExtension(KHRDracoMeshCompression).setRequired(true);
  if (recipe.compression === 'meshopt')
    doc.createExtension(EXTMeshoptCompression).setRequired(true).setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.FILTER });
  return doc;
}

export async function main(dir = PROPS_DIR): Promise<void> {
  await MeshoptEncoder.ready;
  const io = new NodeIO()
    .registerExtensions([KHRMaterialsUnlit, KHRDracoMeshCompression, EXTMeshoptCompression, KHRTextureBasisu])
    .registerDependencies({ 'draco3d.encoder': await draco3d.createEncoderModule(), 'meshopt.encoder': MeshoptEncoder });
  mkdirSync(dir, { recursive: true });
  for (const recipe of PROP_RECIPES) {
    const ktx2 = recipe.textured === 'ktx2' ? await framedKtx2(recipe.color) : undefined;
    const bytes = await io.writeBinary(buildProp(recipe, ktx2));
    writeFileSync(join(dir, recipe.file), bytes);
    console.log(`wrote ${recipe.file} (${bytes.byteLength} bytes)`);
  }
  // Not a glTF at all: the fixture's prop that fails to load, so the scene must go on without it.
  writeFileSync(join(dir, 'broken.glb'), 'this is not a glTF binary\n');
  console.log('wrote broken.glb');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
