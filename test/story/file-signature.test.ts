import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type PackageFiles, type StoryPackage, checkPackageFiles, validateStory } from '../../src/story';
import { checkFileSignature, gltfUris, spzSplats } from '../../src/story/file-signature';

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

  it('reads splat counts and video sizes from headers, and finds a GLB cut short', () => {
    // The splat fixtures are one world of 4,000 splats in each format (src/generate/fixtures/splats).
    for (const ext of ['ply', 'splat', 'ksplat']) {
      const file = bytes(`splats/assets/pillar.${ext}`);
      expect(checkFileSignature(ext, file.subarray(0, 256 * 1024), file.length), ext).toEqual({ ok: true, splats: 4000 });
    }
    expect(spzSplats(gunzipSync(bytes('splats/assets/pillar.spz')).subarray(0, 16))).toEqual({ ok: true, splats: 4000 });
    expect(spzSplats(gunzipSync(gzipSync(new TextEncoder().encode('not a splat file'))))).toMatchObject({ ok: false });
    expect(checkFileSignature('splat', new Uint8Array(33), 33)).toMatchObject({ ok: false, problem: expect.stringContaining('32-byte splats') });
    // The video fixtures' sizes as src/generate/fixtures made them: MP4 from its track header, WebM from its Tracks.
    for (const [path, width, height] of [['video-sources/assets/h264.mp4', 512, 256], ['video-sources/assets/vp9.webm', 512, 256], ['video-sources/assets/vr180.webm', 256, 256], ['video/assets/orbit.webm', 1024, 512]] as const) {
      const file = bytes(path);
      expect(checkFileSignature(path.split('.').pop()!, file.subarray(0, 256 * 1024), file.length), path).toEqual({ ok: true, width, height });
    }
    const glb = bytes('props/assets/idol.glb');
    expect(checkFileSignature('glb', glb, glb.length)).toEqual({ ok: true });
    expect(checkFileSignature('glb', glb.subarray(0, 100), 100)).toMatchObject({ ok: false, problem: expect.stringContaining(`says ${glb.length} bytes`) });
  });

  it('lists the URIs a glTF names, from a .gltf text or a GLB JSON chunk', () => {
    const gltf = new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, buffers: [{ uri: 'https://tracker.example/b.bin' }], images: [{ uri: '../../x.png' }, { bufferView: 0 }] }));
    expect(gltfUris('gltf', gltf)).toEqual(['https://tracker.example/b.bin', '../../x.png']);
    expect(gltfUris('glb', bytes('props/assets/idol.glb'))).toEqual([]);
    expect(gltfUris('glb', new Uint8Array(8))).toBeNull();
  });
});

describe('the package checks on file contents', () => {
  const story = (media: Record<string, unknown>, props: unknown[] = [], hall: Record<string, unknown> = {}): StoryPackage =>
    validateStory({
      format: 'sightline/1',
      id: 'sig',
      title: 'Signatures',
      languages: ['en'],
      start: 'hall',
      scenes: {
        hall: { title: 'Hall', media, props, choices: [{ id: 'go', label: 'Go', to: 'end' }], ...hall },
        end: { title: 'End', media: { type: 'color', color: '#000000' }, ending: true },
      },
    }).story!;
  const files = (content: Record<string, Uint8Array>): PackageFiles => ({
    exists: (path) => path in content,
    readText: () => null,
    sha256: () => null,
    head: (path, n) => (path in content ? { bytes: content[path]!.subarray(0, n), size: content[path]!.length } : null),
    inflatedHead: (path, n) => (path in content ? gunzipSync(content[path]!).subarray(0, n) : null),
  });
  const codes = (s: StoryPackage, f: PackageFiles) => checkPackageFiles(s, f).map((d) => [d.code, d.path]);

  it('refuses a panorama larger than any device, warns of one larger than some', () => {
    expect(codes(story({ type: 'panorama', src: 'bomb.png' }), files({ 'bomb.png': pngHeader(16000, 16000) }))).toEqual([['asset.too-large', '$.scenes.hall.media.src']]);
    expect(codes(story({ type: 'panorama', src: 'wide.png' }), files({ 'wide.png': pngHeader(8192, 4096) }))).toEqual([['asset.large', '$.scenes.hall.media.src']]);
    expect(codes(story({ type: 'panorama', src: 'fine.png' }), files({ 'fine.png': pngHeader(4096, 2048) }))).toEqual([]);
  });

  it('refuses a splat world and a video larger than any device, warns of ones larger than some', () => {
    const ply = (count: number) => new TextEncoder().encode(`ply\nformat binary_little_endian 1.0\nelement vertex ${count}\nproperty float x\nend_header\n`);
    const spz = (count: number) => {
      const header = new Uint8Array(16);
      new DataView(header.buffer).setUint32(0, 0x5053474e, true);
      new DataView(header.buffer).setUint32(4, 2, true);
      new DataView(header.buffer).setUint32(8, count, true);
      return gzipSync(header);
    };
    const withSplat = (src: string) => story({ type: 'color', color: '#000000' }, [], { splat: { src } });
    const at = '$.scenes.hall.splat.src';
    expect(codes(withSplat('w.ply'), files({ 'w.ply': ply(5_000_000) }))).toEqual([['asset.too-large', at]]);
    expect(codes(withSplat('w.ply'), files({ 'w.ply': ply(400_000) }))).toEqual([['asset.large', at]]);
    expect(codes(withSplat('w.spz'), files({ 'w.spz': spz(3_000_001) }))).toEqual([['asset.too-large', at]]);
    expect(codes(withSplat('w.spz'), files({ 'w.spz': spz(300_000) }))).toEqual([]);
    // The VP9 fixture with its track's width rewritten (PixelWidth, two bytes: 512 → 16,000).
    const webm = bytes('video-sources/assets/vp9.webm').slice();
    const widthAt = webm.findIndex((b, i) => b === 0xb0 && webm[i + 1] === 0x82 && webm[i + 2] === 0x02 && webm[i + 3] === 0x00);
    expect(widthAt).toBeGreaterThan(0);
    webm.set([0x3e, 0x80], widthAt + 2);
    expect(codes(story({ type: 'video', src: 'v.webm' }), files({ 'v.webm': webm }))).toEqual([['asset.too-large', '$.scenes.hall.media.src']]);
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
