import { type SourceChoice, assetUrl, canDecodeAvif, filmBaseUrl, pickSource, probeGpu, sourceSupport, startEarlyPicture } from '../media/start';
import { detectDeviceProfile } from '../xr/start';
import type { PlayerParams } from './params';
import { testHooks } from './test-hooks';

/**
 * Starts fetching and decoding the film's first picture as soon as its story.json is in, before
 * the story is validated and the player, its media libraries and its renderer exist: the picture a
 * viewer waits for is on its way while all that is set up, and the texture library takes it when
 * the player holds it. It reads only the opening scene's panorama from the story's raw JSON (the
 * scene `?scene=` names, else `start`) and picks its source as the texture library will (this
 * GPU, the device profile's widest picture, AVIF). A wrong guess (an edition that opens on an
 * alternate, a package that fails validation) costs one request: the player drops what it does not hold.
 */
export async function startFirstPicture(storyText: Promise<string | null>, params: PlayerParams, siteBase: string): Promise<void> {
  const text = await storyText;
  const gpu = probeGpu();
  const media = text === null ? null : openingPanorama(text, params.scene);
  if (!gpu || !media) return;
  const maxTextureSize = testHooks().maxTextureSize ?? detectDeviceProfile(navigator.userAgent, navigator.maxTouchPoints ?? 0).maxTextureSize;
  let src = pickSource(media, sourceSupport(gpu, maxTextureSize));
  // Only a pick that reaches an AVIF source waits for the AVIF probe.
  if (src === null) {
    await canDecodeAvif();
    src = pickSource(media, sourceSupport(gpu, maxTextureSize));
  }
  // KTX2 needs the renderer's transcoder; the library fetches it itself.
  if (src === null || src.toLowerCase().endsWith('.ktx2')) return;
  let url: string;
  try {
    url = assetUrl(filmBaseUrl(params.film, siteBase), src);
  } catch {
    return; // a path that leaves the package: validation will say so
  }
  startEarlyPicture(url, maxTextureSize);
}

/** The opening scene's panorama as the raw story JSON has it, or null when it is anything else. */
export function openingPanorama(text: string, sceneParam: string | null): { readonly src: string; readonly sources: readonly SourceChoice[] } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const story = record(raw);
  const sceneId = sceneParam ?? story?.['start'];
  const scenes = record(story?.['scenes']);
  if (typeof sceneId !== 'string' || !scenes || !Object.hasOwn(scenes, sceneId)) return null;
  const media = record(record(scenes[sceneId])?.['media']);
  if (media?.['type'] !== 'panorama' || typeof media['src'] !== 'string') return null;
  const sources = (Array.isArray(media['sources']) ? media['sources'] : []).map(record).filter((s): s is Record<string, unknown> => typeof s?.['src'] === 'string');
  return {
    src: media['src'],
    sources: sources.map((s) => ({
      src: s['src'] as string,
      width: typeof s['width'] === 'number' ? s['width'] : undefined,
      type: typeof s['type'] === 'string' ? s['type'] : undefined,
    })),
  };
}

const record = (value: unknown): Record<string, unknown> | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
