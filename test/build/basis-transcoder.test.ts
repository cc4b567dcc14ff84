import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { basisTranscoderWithoutEval } from '../../src/build/basis-transcoder';

const basisDir = resolve(import.meta.dirname, '../../node_modules/three/examples/jsm/libs/basis');
const source = readFileSync(resolve(basisDir, 'basis_transcoder.js'), 'utf8');
const wasmBinary = readFileSync(resolve(basisDir, 'basis_transcoder.wasm'));
const ktx2 = readFileSync(resolve(import.meta.dirname, '../fixtures/packages/formats/assets/pano.ktx2'));

interface KTX2File {
  isValid(): boolean;
  getWidth(): number;
  getHeight(): number;
  getImageLevelInfo(level: number, layer: number, face: number): { origWidth: number; origHeight: number };
  startTranscoding(): number;
  getImageTranscodedSizeInBytes(level: number, layer: number, face: number, format: number): number;
  transcodeImage(dst: Uint8Array, level: number, layer: number, face: number, format: number, flags: number, channel0: number, channel1: number): number;
  close(): void;
  delete(): void;
}
interface Basis {
  initializeBasis(): void;
  KTX2File: new (data: Uint8Array) => KTX2File;
  transcoder_texture_format: { cTFRGBA32: { value: number } };
}

/**
 * Runs the transcoder where, as under the player's Content-Security-Policy, strings cannot be
 * compiled as code but WebAssembly can, and transcodes a KTX2 picture to RGBA the way three's KTX2
 * worker does; returns the picture's size and its first pixel.
 */
async function transcodeWithoutEval(code: string) {
  const context = createContext({ console }, { codeGeneration: { strings: false, wasm: true } });
  runInContext(`${code}\nglobalThis.BASIS = BASIS;`, context);
  const basis = (await (context['BASIS'] as (m: object) => Promise<Basis>)({ wasmBinary })) as Basis;
  basis.initializeBasis();
  const file = new basis.KTX2File(new Uint8Array(ktx2));
  try {
    expect(file.isValid()).toBe(true);
    expect(file.startTranscoding()).toBe(1);
    const info = file.getImageLevelInfo(0, 0, 0);
    const format = basis.transcoder_texture_format.cTFRGBA32.value;
    const rgba = new Uint8Array(file.getImageTranscodedSizeInBytes(0, 0, 0, format));
    expect(file.transcodeImage(rgba, 0, 0, 0, format, 0, -1, -1)).toBe(1);
    return { width: file.getWidth(), height: file.getHeight(), levelWidth: info.origWidth, bytes: rgba.length, first: [...rgba.subarray(0, 4)] };
  } finally {
    file.close();
    file.delete();
  }
}

describe("three's Basis transcoder, served without eval", () => {
  it('cannot even start where eval is refused, as three ships it', async () => {
    await expect(transcodeWithoutEval(source)).rejects.toThrow(/Code generation from strings disallowed/);
  });

  it('transcodes a KTX2 picture where eval is refused, rewritten', async () => {
    const picture = await transcodeWithoutEval(basisTranscoderWithoutEval(source));
    expect(picture.width).toBeGreaterThan(0);
    expect(picture.levelWidth).toBe(picture.width);
    expect(picture.bytes).toBe(picture.width * picture.height * 4);
    // Opaque: a real picture came out, not a buffer of zeros.
    expect(picture.first[3]).toBe(255);
  });

  it('refuses a transcoder whose lines it no longer finds, rather than serve one that fails', () => {
    expect(() => basisTranscoderWithoutEval(source.replace('newFunc(Function,params)', 'newFunc(Function,parameters)'))).toThrow(/0 copies of the method caller/);
  });
});
