/**
 * A scene's panorama files from its brief: its setting and elements painted once at 4096×2048 by
 * the catalogue's painters, graded, then encoded as the 4096 WebP source, the 2048 JPEG every
 * browser shows, and a small poster shown at once. sharp's encoders are deterministic for the same
 * pixels and options, so the bytes repeat.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Panorama } from '../paint';
import type { SceneBrief } from './brief';
import type { Catalogue } from './catalogue';
import { gradeScene } from './grade';

export const FULL_WIDTH = 4096;
export const FALLBACK_WIDTH = 2048;
export const POSTER_WIDTH = 512;
const WEBP = { quality: 80, effort: 4, smartSubsample: true } as const;
const JPEG = { quality: 84, mozjpeg: true, chromaSubsampling: '4:2:0' } as const;
const POSTER = { quality: 55, effort: 4 } as const;

/** Paints the brief's setting, its elements and the grade, at one size. */
export function paintScene(brief: SceneBrief, catalogue: Catalogue, width = FULL_WIDTH): Panorama {
  const setting = Object.hasOwn(catalogue.settings, brief.setting) ? catalogue.settings[brief.setting] : undefined;
  if (!setting) throw new Error(`film generator: scene "${brief.scene}" names setting "${brief.setting}", which the generator does not have; use one of: ${Object.keys(catalogue.settings).join(', ')}`);
  const pano = setting(brief, width, width / 2);
  paintElements(pano, brief, catalogue.motifs);
  gradeScene(pano, brief);
  return pano;
}

/** Paints a brief's elements in order; an unknown motif name is an error that lists the known ones. */
export function paintElements(pano: Panorama, brief: SceneBrief, motifs: Catalogue['motifs']): void {
  for (const el of brief.elements) {
    const motif = Object.hasOwn(motifs, el.motif) ? motifs[el.motif] : undefined;
    if (!motif) {
      throw new Error(
        `film generator: scene "${brief.scene}" names motif "${el.motif}", which the generator does not have; use one of: ${Object.keys(motifs).join(', ')}`,
      );
    }
    motif(pano, el, brief);
  }
}

export interface PanoramaFiles {
  readonly media: { type: 'panorama'; src: string; sources: Array<{ src: string; width: number; type: string }>; poster: string };
  readonly files: ReadonlyArray<{ asset: string; role: 'panorama' | 'poster'; parameters: Record<string, unknown> }>;
}

export async function writePanorama(dir: string, folder: string, brief: SceneBrief, catalogue: Catalogue): Promise<PanoramaFiles> {
  const pano = paintScene(brief, catalogue);
  mkdirSync(join(dir, folder), { recursive: true });
  const raw = () => sharp(Buffer.from(pano.data.buffer, pano.data.byteOffset, pano.data.byteLength), { raw: { width: pano.width, height: pano.height, channels: 4 } }).removeAlpha();
  const full = `${folder}/panorama-${FULL_WIDTH}.webp`;
  const fallback = `${folder}/panorama-${FALLBACK_WIDTH}.jpg`;
  const poster = `${folder}/poster.webp`;
  await raw().webp(WEBP).toFile(join(dir, full));
  await raw().resize(FALLBACK_WIDTH, FALLBACK_WIDTH / 2, { kernel: 'lanczos3' }).jpeg(JPEG).toFile(join(dir, fallback));
  await raw().resize(POSTER_WIDTH, POSTER_WIDTH / 2, { kernel: 'lanczos3' }).webp(POSTER).toFile(join(dir, poster));
  const painted = { width: FULL_WIDTH, height: FULL_WIDTH / 2, setting: brief.setting, lighting: brief.lighting, emotion: brief.emotion, elements: brief.elements };
  return {
    media: { type: 'panorama', src: fallback, sources: [{ src: full, width: FULL_WIDTH, type: 'image/webp' }], poster },
    files: [
      { asset: full, role: 'panorama', parameters: { ...painted, encoding: { format: 'webp', ...WEBP } } },
      { asset: fallback, role: 'panorama', parameters: { ...painted, encoding: { format: 'jpeg', ...JPEG, resizedTo: [FALLBACK_WIDTH, FALLBACK_WIDTH / 2], kernel: 'lanczos3' } } },
      { asset: poster, role: 'poster', parameters: { ...painted, encoding: { format: 'webp', ...POSTER, resizedTo: [POSTER_WIDTH, POSTER_WIDTH / 2], kernel: 'lanczos3' } } },
    ],
  };
}
