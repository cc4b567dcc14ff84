import { gunzipSync } from 'node:zlib';
import { NodeIO, getBounds } from '@gltf-transform/core';
import { EXTMeshoptCompression } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { describe, expect, it } from 'vitest';
import { PROPS } from '../../../../src/generate/films/glass-sky/props';
import { LENS_CENTRE_Y } from '../../../../src/generate/films/glass-sky/props/lens-stand';
import { WORLDS } from '../../../../src/generate/films/glass-sky/world';
import { CLEAR_RADIUS, EYE, SHARD_DISTANCE } from '../../../../src/generate/films/glass-sky/world/shard-cloud';
import { writePropGlb } from '../../../../src/generate/pipeline/prop-glb';
import { writeWorldSpz } from '../../../../src/generate/pipeline/world-spz';

const bytesEqual = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('film splat world: shard-cloud', () => {
  const shardCloud = WORLDS['shard-cloud']!;
  const splats = shardCloud(1707);

  it('is registered and gives the same .spz bytes for the same seed, different ones for another', () => {
    expect(Object.keys(WORLDS)).toContain('shard-cloud');
    const a = writeWorldSpz(splats);
    expect(bytesEqual(a, writeWorldSpz(shardCloud(1707)))).toBe(true);
    expect(bytesEqual(a, writeWorldSpz(shardCloud(1708)))).toBe(false);
    // A gzip with no mtime, holding an SPZ v2 payload of every splat.
    expect([a[0], a[1]]).toEqual([0x1f, 0x8b]);
    expect(a.subarray(4, 8)).toEqual(new Uint8Array(4));
    const payload = gunzipSync(a);
    const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    expect(view.getUint32(0, true)).toBe(0x5053474e);
    expect(view.getUint32(8, true)).toBe(splats.length);
    expect(a.length).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('has 20k–60k valid splats, none within 1 m of the eye, more ahead than behind', () => {
    expect(splats.length).toBeGreaterThanOrEqual(20_000);
    expect(splats.length).toBeLessThanOrEqual(60_000);
    let ahead = 0;
    let nearest = Infinity;
    let farthest = 0;
    let invalid = 0;
    for (const s of splats) {
      const d = Math.hypot(s.position[0] - EYE[0], s.position[1] - EYE[1], s.position[2] - EYE[2]);
      nearest = Math.min(nearest, d);
      farthest = Math.max(farthest, d);
      if (s.position[2] < 0) ahead++;
      const valid =
        s.opacity > 0 && s.opacity <= 1 && s.color.every((c) => c >= 0 && c <= 1) && s.scale.every((k) => k > 0) && Math.abs(Math.hypot(...s.rotation) - 1) < 1e-3;
      if (!valid) invalid++;
    }
    expect(invalid).toBe(0);
    expect(nearest).toBeGreaterThan(CLEAR_RADIUS);
    expect(farthest).toBeLessThan(SHARD_DISTANCE.max + 2);
    expect(ahead / splats.length).toBeGreaterThan(0.6);
  });
});

describe('film glTF props: lens-stand', async () => {
  await MeshoptDecoder.ready;
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression]).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const lensStand = PROPS['lens-stand']!;

  it('gives the same GLB bytes for the same seed, different ones for another', async () => {
    const a = await writePropGlb(lensStand(1606));
    expect(bytesEqual(a, await writePropGlb(lensStand(1606)))).toBe(true);
    expect(bytesEqual(a, await writePropGlb(lensStand(1607)))).toBe(false);
    expect(a.length).toBeLessThan(400 * 1024);
  });

  it('parses back: brass stand, wooden plinth, glass lens; ~1.1 m tall on y = 0; under 20k triangles', async () => {
    const doc = await io.readBinary(await writePropGlb(lensStand(1606)));
    const root = doc.getRoot();
    expect(root.listMeshes().map((m) => m.getName()).sort()).toEqual(['lens', 'plinth', 'stand']);
    const materials = Object.fromEntries(root.listMaterials().map((m) => [m.getName(), m]));
    expect(Object.keys(materials).sort()).toEqual(['brass', 'glass', 'wood']);
    expect(materials['brass']!.getMetallicFactor()).toBeGreaterThan(0.5);
    expect(materials['wood']!.getMetallicFactor()).toBe(0);
    expect(materials['wood']!.getRoughnessFactor()).toBeGreaterThan(0.6);
    expect(materials['wood']!.getBaseColorTexture()?.getMimeType()).toBe('image/png');
    expect(materials['glass']!.getAlphaMode()).toBe('BLEND');
    expect(materials['glass']!.getAlpha()).toBeLessThan(0.6);

    let triangles = 0;
    for (const mesh of root.listMeshes())
      for (const primitive of mesh.listPrimitives()) {
        triangles += primitive.getIndices()!.getCount() / 3;
        const normals = primitive.getAttribute('NORMAL')!;
        expect(normals.getCount()).toBe(primitive.getAttribute('POSITION')!.getCount());
        // Unit normals (within Meshopt's filter quantisation).
        for (let i = 0; i < normals.getCount(); i += 7) expect(Math.abs(Math.hypot(...normals.getElement(i, [])) - 1)).toBeLessThan(0.02);
      }
    expect(triangles).toBeLessThan(20_000);

    const { min, max } = getBounds(root.listScenes()[0]!);
    expect(min[1]).toBeCloseTo(0, 3);
    expect(max[1]).toBeGreaterThan(1.05);
    expect(max[1]).toBeLessThan(1.15);
    expect(max[0]! - min[0]!).toBeLessThan(0.5);
    expect(max[2]! - min[2]!).toBeLessThan(0.5);
    // The lens sits in the ring at the top of the stand.
    const lens = root.listMeshes().find((m) => m.getName() === 'lens')!.listPrimitives()[0]!.getAttribute('POSITION')!;
    expect((lens.getMin([])[1]! + lens.getMax([])[1]!) / 2).toBeCloseTo(LENS_CENTRE_Y, 2);
  });
});
