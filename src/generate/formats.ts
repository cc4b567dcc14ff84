/**
 * The image-format test panorama, written in every format the player reads, for the `formats`
 * fixture package: six flat colours, each filling the part of the sphere nearest one known
 * direction (yaw 0, 90, 180, -90, straight up, straight down), so a browser test that looks along
 * a direction can check the centre pixel's colour whatever the codec did to the edges.
 *
 * Also writes a small poster, an 8192-pixel-wide lossless WebP (for the test that a source too wide
 * for the device is skipped: flat colours keep it a few kilobytes), and the AVIF probe the player
 * decodes to learn whether the browser reads AVIF.
 *
 * KTX2 comes from ktx2-encoder (Basis Universal compiled to WebAssembly: runs in Node offline with
 * no native build step). Run: npx tsx src/generate/formats.ts
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { encodeToKTX2 } from 'ktx2-encoder';
import { type Panorama, type RGB, createPanorama, painterVector, dot, shade } from './panorama';

export const WIDTH = 1024;
export const HEIGHT = 512;
export const POSTER_WIDTH = 128;
export const WIDE_WIDTH = 8192;

/** The known directions and their colours; the browser tests import this table. */
export const MARKS: ReadonlyArray<{ readonly name: string; readonly yaw: number; readonly pitch: number; readonly colour: RGB }> = [
  { name: 'front', yaw: 0, pitch: 0, colour: [220, 40, 40] },
  { name: 'right', yaw: 90, pitch: 0, colour: [40, 190, 60] },
  { name: 'back', yaw: 180, pitch: 0, colour: [40, 70, 220] },
  { name: 'left', yaw: -90, pitch: 0, colour: [225, 195, 30] },
  { name: 'up', yaw: 0, pitch: 90, colour: [235, 235, 235] },
  { name: 'down', yaw: 0, pitch: -90, colour: [30, 30, 30] },
];

/** Each pixel takes the colour of the nearest mark: six flat regions, like the faces of a cube. */
export function paintFormatsPanorama(width = WIDTH, height = HEIGHT): Panorama {
  const pano = createPanorama(width, height);
  const marks = MARKS.map((m) => ({ v: painterVector(m.yaw, m.pitch), colour: m.colour }));
  shade(pano, (s) => {
    let best = marks[0]!;
    let bestDot = -2;
    for (const m of marks) {
      const d = dot([s.vx, s.vy, s.vz], m.v);
      if (d > bestDot) {
        bestDot = d;
        best = m;
      }
    }
    return [best.colour[0], best.colour[1], best.colour[2], 1];
  });
  return pano;
}

const PACKAGES = resolve(import.meta.dirname, '../../test/fixtures/packages');
const PROBE = resolve(import.meta.dirname, '../media/avif-probe.ts');

type SceneMedia = { src: string; sources?: Array<{ src: string; width?: number; type?: string }>; poster?: string };

/** A scene around the test panorama, with a hotspot at each known direction (its "Look at" button turns the view there). */
function scene(id: string, title: string, media: SceneMedia, choices: Array<{ id: string; label: string; to: string }>) {
  return {
    title,
    media: { type: 'panorama', ...media },
    // Long dwells: looking at a mark for a test never fires it.
    hotspots: MARKS.map((m) => ({ id: `${id}-${m.name}`, label: `${title}: ${m.name}`, yaw: m.yaw, pitch: m.pitch, radius: 8, dwellMs: 60000 })),
    choices,
  };
}

/**
 * `formats`: one scene per image format, all reachable from the JPEG scene (so all are preloaded
 * there). `formats-sources`: a scene whose sources the player picks from (an 8192-wide WebP, KTX2
 * and AVIF, a JPEG fallback), and a panorama and a video with a poster.
 */
function stories() {
  const back = [{ id: 'back', label: 'Back', to: 'jpeg' }];
  const finish = { id: 'finish', label: 'Finish', to: 'end' };
  const ending = { title: 'The end', media: { type: 'color', color: '#101820' }, ending: true };
  const others = ['png', 'webp', 'avif', 'ktx2'];
  const formats = {
    format: 'sightline/1',
    id: 'formats',
    title: 'Image formats',
    languages: ['en'],
    start: 'jpeg',
    scenes: {
      jpeg: scene('jpeg', 'JPEG', { src: 'assets/pano.jpg' }, [...others.map((f) => ({ id: f, label: f.toUpperCase(), to: f })), finish]),
      ...Object.fromEntries(others.map((f) => [f, scene(f, f.toUpperCase(), { src: `assets/pano.${f}` }, back)])),
      end: ending,
    },
  };
  const sources = {
    format: 'sightline/1',
    id: 'formats-sources',
    title: 'Sources and posters',
    languages: ['en'],
    start: 'sources',
    scenes: {
      sources: scene(
        'sources',
        'Sources',
        {
          src: 'assets/pano.jpg',
          sources: [
            { src: 'assets/pano-8k.webp', width: WIDE_WIDTH },
            { src: 'assets/pano.ktx2', width: WIDTH, type: 'image/ktx2' },
            { src: 'assets/pano.avif', width: WIDTH, type: 'image/avif' },
          ],
        },
        [{ id: 'poster', label: 'Poster', to: 'poster' }, { id: 'video', label: 'Video', to: 'video' }, finish],
      ),
      poster: scene('poster', 'Poster', { src: 'assets/pano.webp', poster: 'assets/poster.webp' }, [{ id: 'back', label: 'Back', to: 'sources' }]),
      // The video fixture's test pattern (src/generate/test-video.ts), with the panorama's poster.
      video: {
        title: 'Video',
        media: { type: 'video', src: 'assets/orbit.webm', poster: 'assets/poster.webp' },
        choices: [{ id: 'back', label: 'Back', to: 'sources' }],
      },
      end: ending,
    },
  };
  return { formats, 'formats-sources': sources };
}

export async function main(): Promise<void> {
  const pano = paintFormatsPanorama();
  const raw = () => sharp(Buffer.from(pano.data.buffer, pano.data.byteOffset, pano.data.byteLength), { raw: { width: WIDTH, height: HEIGHT, channels: 4 } });
  const files = new Map<string, Buffer | Uint8Array>();
  const write = async (name: string, data: Buffer | Uint8Array) => {
    files.set(name, data);
    console.log(`${name}: ${Math.round(data.byteLength / 102.4) / 10} KB`);
  };
  await write('pano.jpg', await raw().removeAlpha().jpeg({ quality: 80 }).toBuffer());
  await write('pano.png', await raw().removeAlpha().png({ compressionLevel: 9, palette: true }).toBuffer());
  await write('pano.webp', await raw().removeAlpha().webp({ quality: 80 }).toBuffer());
  await write('pano.avif', await raw().removeAlpha().avif({ quality: 60, effort: 4 }).toBuffer());
  // Nearest-neighbour keeps the regions flat; the poster is a sixty-fourth of the picture.
  await write('poster.webp', await raw().removeAlpha().resize(POSTER_WIDTH, POSTER_WIDTH / 2, { kernel: 'nearest' }).webp({ quality: 70 }).toBuffer());
  const wide = paintFormatsPanorama(WIDE_WIDTH / 8, WIDE_WIDTH / 16);
  await write(
    'pano-8k.webp',
    await sharp(Buffer.from(wide.data.buffer), { raw: { width: wide.width, height: wide.height, channels: 4 } })
      .removeAlpha()
      .resize(WIDE_WIDTH, WIDE_WIDTH / 2, { kernel: 'nearest' })
      .webp({ lossless: true, effort: 6 })
      .toBuffer(),
  );
  // ETC1S with mipmaps and the sRGB transfer function, the way an author would ship a panorama.
  const png = await raw().png().toBuffer();
  const ktx2 = await encodeToKTX2(new Uint8Array(png), {
    isUASTC: false,
    isKTX2File: true,
    generateMipmap: true,
    isPerceptual: true,
    isSetKTX2SRGBTransferFunc: true,
    qualityLevel: 128,
    enableDebug: false,
    imageDecoder: async (buffer: Uint8Array) => {
      const { data, info } = await sharp(buffer).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { data: new Uint8Array(data), width: info.width, height: info.height };
    },
  });
  await write('pano.ktx2', ktx2);
  // The player's AVIF probe: a 1×1 image, small enough to inline in the bundle.
  const probe = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#808080' } }).avif({ quality: 50 }).toBuffer();
  writeFileSync(
    PROBE,
    `/** A 1×1 AVIF (written by src/generate/formats.ts): the browser reads AVIF if it decodes this. */\nexport const AVIF_PROBE_BASE64 = '${probe.toString('base64')}';\n`,
  );
  console.log(`avif-probe.ts: ${probe.length} bytes`);
  const used = { formats: ['pano.jpg', 'pano.png', 'pano.webp', 'pano.avif', 'pano.ktx2'], 'formats-sources': ['pano.jpg', 'pano-8k.webp', 'pano.ktx2', 'pano.avif', 'pano.webp', 'poster.webp'] };
  for (const [id, story] of Object.entries(stories())) {
    const dir = join(PACKAGES, id);
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'story.json'), JSON.stringify(story, null, 2) + '\n');
    for (const name of used[id as keyof typeof used]) writeFileSync(join(dir, 'assets', name), files.get(name)!);
  }
  copyFileSync(join(PACKAGES, 'video/assets/orbit.webm'), join(PACKAGES, 'formats-sources/assets/orbit.webm'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
