import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SH_C0, SPZ_FRACTIONAL_BITS, type Splat, writeKsplat, writePly, writeSplat, writeSpzPayload } from '../../../src/generate/geometry/splat-formats';
import { PILLAR_COLOR, splatWorld } from '../../../src/generate/fixtures/splats/world';

const one: Splat = { position: [1.5, -0.25, -3], scale: [0.1, 0.2, 0.05], rotation: [1, 0, 0, 0], color: [0.9, 0.5, 0.1], opacity: 0.8 };

describe('splat writers', () => {
  it('writes a 3DGS PLY: header, then SH DC colour, logit opacity and log scales as floats', () => {
    const bytes = writePly([one, one]);
    const text = new TextDecoder().decode(bytes);
    const end = text.indexOf('end_header\n') + 'end_header\n'.length;
    expect(text.slice(0, end)).toContain('format binary_little_endian 1.0\nelement vertex 2\nproperty float x\n');
    expect(bytes.length - end).toBe(2 * 17 * 4);
    const f = new Float32Array(bytes.slice(end, end + 17 * 4).buffer);
    expect([f[0], f[1], f[2]]).toEqual([1.5, -0.25, -3]);
    expect(0.5 + SH_C0 * f[6]!).toBeCloseTo(0.9, 5);
    expect(1 / (1 + Math.exp(-f[9]!))).toBeCloseTo(0.8, 5);
    expect(Math.exp(f[11]!)).toBeCloseTo(0.2, 5);
    expect(f[13]).toBe(1); // rot_0 is w
  });

  it('writes antimatter15 .splat records of 32 bytes', () => {
    const bytes = writeSplat([one]);
    expect(bytes.length).toBe(32);
    const view = new DataView(bytes.buffer);
    expect(view.getFloat32(8, true)).toBe(-3);
    expect(view.getFloat32(16, true)).toBeCloseTo(0.2, 6);
    expect([...bytes.slice(24, 28)]).toEqual([230, 128, 26, 204]);
    expect([...bytes.slice(28, 32)]).toEqual([255, 128, 128, 128]);
  });

  it('writes an SPZ v2 payload: header, then 24-bit fixed-point positions and the byte arrays', () => {
    const bytes = writeSpzPayload([one]);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(0, true)).toBe(0x5053474e);
    expect(view.getUint32(4, true)).toBe(2);
    expect(view.getUint32(8, true)).toBe(1);
    expect(bytes[13]).toBe(SPZ_FRACTIONAL_BITS);
    expect(bytes.length).toBe(16 + 9 + 1 + 3 + 3 + 3);
    const z = bytes[22]! | (bytes[23]! << 8) | (bytes[24]! << 16);
    expect(((z << 8) >> 8) / (1 << SPZ_FRACTIONAL_BITS)).toBe(-3);
    expect(bytes[25]).toBe(204); // alpha
  });

  it('writes an uncompressed one-section KSPLAT: 4096 + 1024 header bytes, then 44 bytes a splat', () => {
    const bytes = writeKsplat([one, one]);
    const view = new DataView(bytes.buffer);
    expect([bytes[0], bytes[1]]).toEqual([0, 1]);
    expect([view.getUint32(8, true), view.getUint32(16, true), view.getUint16(20, true)]).toEqual([1, 2, 0]);
    expect(view.getUint32(4096, true)).toBe(2);
    expect(bytes.length).toBe(4096 + 1024 + 2 * 44);
    const splat = 4096 + 1024 + 44;
    expect(view.getFloat32(splat + 8, true)).toBe(-3);
    expect(view.getFloat32(splat + 24, true)).toBe(1);
    expect([...bytes.slice(splat + 40, splat + 44)]).toEqual([230, 128, 26, 204]);
  });

  it('the committed test world is what the generator writes', () => {
    const assets = resolve(import.meta.dirname, '../../fixtures/packages/splats/assets');
    const world = splatWorld();
    expect(world.length).toBe(4000);
    expect(world.filter((s) => s.color === PILLAR_COLOR).every((s) => s.position[2] < -2)).toBe(true);
    expect(Buffer.compare(readFileSync(resolve(assets, 'pillar.ply')), Buffer.from(writePly(world)))).toBe(0);
    expect(Buffer.compare(readFileSync(resolve(assets, 'pillar.splat')), Buffer.from(writeSplat(world)))).toBe(0);
    expect(Buffer.compare(readFileSync(resolve(assets, 'pillar.ksplat')), Buffer.from(writeKsplat(world)))).toBe(0);
    expect(Buffer.compare(gunzipSync(readFileSync(resolve(assets, 'pillar.spz'))), Buffer.from(writeSpzPayload(world)))).toBe(0);
  });
});
