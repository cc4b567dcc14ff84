import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type PackageFiles, type StoryPackage, checkPackageFiles, validateStory } from '../../src/story';
import { checkFileSignature, gltfUris } from '../../src/story/file-signature';

const fixtures = resolve(import.meta.dirname, '../fixtures/packages');
const bytes = (path: string) => new Uint8Array(readFileSync(resolve(fixtures, path)));

/** A PNG's signature and IHDR chunk claiming `width`×`height`: the header of a decompression bomb. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

describe('file signatures', () => {
  it('reads the size of every image format from its header, as a decoder would find it', async () => {
    for (const ext of ['png', 'jpg', 'webp', 'avif']) {
      const file = bytes(`formats/assets/pano.${ext}`);
      const meta = await sharp(file).metadata();
      expect(checkFileSignature(ext, file, file.length), ext).toEqual({ ok: true, width: meta.width, height: meta.height });
    }
    // The KTX2 texture is encoded from the same panorama as the PNG.
    const png = await sharp(bytes('formats/assets/pano.png')).metadata();
    const ktx2 = bytes('formats/assets/pano.ktx2');
    expect(checkFileSignature('ktx2', ktx2, ktx2.length)).toEqual({ ok: true, width: png.width, height: png.height });
  });

  it('finds files that are not what their names say', () => {
    const html = new TextEncoder().encode('<!doctype html><p>hello</p>');
    expect(checkFileSignature('webp', html, html.length)).toEqual({ ok: false, problem: 'is not a WebP image' });
    expect(checkFileSignature('png', new Uint8Array(), 0)).toEqual({ ok: false, problem: 'is empty (0 bytes)' });
    const jpg = bytes('formats/assets/pano.jpg');
    expect(checkFileSignature('jpg', jpg.subarray(0, 20), 20)).toMatchObject({ ok: false, problem: expect.stringContaining('does not parse') });
    const random = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251);
    for (const ext of ['glb', 'spz', 'ply', 'ogg', 'webm', 'mp4']) expect(checkFileSignature(ext, random, random.length).ok, ext).toBe(false);
    const glb = bytes('props/assets/idol.glb');
    expect(checkFileSignature('glb', glb, glb.length)).toEqual({ ok: true });
  });

  it('lists the URIs a glTF names, from a .gltf text or a GLB JSON chunk', () => {
    const gltf = new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, buffers: [{ uri: 'https://tracker.example/b.bin' }], images: [{ uri: '../../x.png' }, { bufferView: 0 }] }));
    expect(gltfUris('gltf', gltf)).toEqual(['https://tracker.example/b.bin', '../../x.png']);
    expect(gltfUris('glb', bytes('props/assets/idol.glb'))).toEqual([]);
    expect(gltfUris('glb', new Uint8Array(8))).toBeNull();
  });
});

describe('the package checks on file contents', () => {
  const story = (media: Record<string, unknown>, props: unknown[] = []): StoryPackage =>
    validateStory({
      format: 'sightline/1',
      id: 'sig',
      title: 'Signatures',
      languages: ['en'],
      start: 'hall',
      scenes: {
        hall: { title: 'Hall', media, props, choices: [{ id: 'go', label: 'Go', to: 'end' }] },
        end: { title: 'End', media: { type: 'color', color: '#000000' }, ending: true },
      },
    }).story!;
  const files = (content: Record<string, Uint8Array>): PackageFiles => ({
    exists: (path) => path in content,
    readText: () => null,
    sha256: () => null,
    head: (path, n) => (path in content ? { bytes: content[path]!.subarray(0, n), size: content[path]!.length } : null),
  });
  const codes = (s: StoryPackage, f: PackageFiles) => checkPackageFiles(s, f).map((d) => [d.code, d.path]);

  it('refuses a panorama larger than any device, warns of one larger than some', () => {
    expect(codes(story({ type: 'panorama', src: 'bomb.png' }), files({ 'bomb.png': pngHeader(16000, 16000) }))).toEqual([['asset.too-large', '$.scenes.hall.media.src']]);
    expect(codes(story({ type: 'panorama', src: 'wide.png' }), files({ 'wide.png': pngHeader(8192, 4096) }))).toEqual([['asset.large', '$.scenes.hall.media.src']]);
    expect(codes(story({ type: 'panorama', src: 'fine.png' }), files({ 'fine.png': pngHeader(4096, 2048) }))).toEqual([]);
  });

  it('refuses a file that is not what its name says, and a model that reaches outside its package', () => {
    const html = new TextEncoder().encode('<html></html>');
    expect(codes(story({ type: 'panorama', src: 'page.webp' }), files({ 'page.webp': html }))).toEqual([['asset.signature', '$.scenes.hall.media.src']]);
    const gltf = new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, buffers: [{ uri: 'https://tracker.example/b.bin' }, { uri: 'data:application/octet-stream;base64,AAAA' }], images: [{ uri: 'textures/../../../x.png' }, { uri: 'textures/ok.png' }] }));
    const found = checkPackageFiles(story({ type: 'color', color: '#000000' }, [{ src: 'models/lamp.gltf', position: [0, 0, -2] }]), files({ 'models/lamp.gltf': gltf }));
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['asset.external', '$.scenes.hall.props[0].src'],
      ['asset.external', '$.scenes.hall.props[0].src'],
    ]);
    expect(found[0]!.message).toContain('https://tracker.example/b.bin');
    expect(found[1]!.message).toContain('textures/../../../x.png');
  });
});
