/** What a device can show, as far as choosing among a media entry's sources goes. */
export interface SourceSupport {
  /** Basis-compressed KTX2 textures (the transcoder found a GPU format for this renderer). */
  readonly ktx2: boolean;
  /** The browser decodes AVIF images; null while its decode probe runs (a pick that needs to know waits). */
  readonly avif: boolean | null;
  /** Widest picture the device should hold: the lower of the device profile's and the GPU's limit. */
  readonly maxWidth: number;
  /** Whether the browser may play or show a MIME type (`canPlayType` for video, a table for images). */
  readonly canPlay: (type: string) => boolean;
}

export interface SourceChoice {
  readonly src: string;
  readonly width?: number | undefined;
  readonly type?: string | undefined;
}

const extension = (src: string) => src.split('.').pop()!.toLowerCase();
const isAvif = (source: SourceChoice) => extension(source.src) === 'avif' || source.type?.split(';')[0]!.trim().toLowerCase() === 'image/avif';

/** Whether one source can be shown on this device; `src` itself is always shown (it is the fallback). */
export function sourceFits(source: SourceChoice, support: SourceSupport): boolean {
  if (source.width !== undefined && source.width > support.maxWidth) return false;
  if (source.type !== undefined && !support.canPlay(source.type)) return false;
  const ext = extension(source.src);
  if (ext === 'ktx2') return support.ktx2;
  if (ext === 'avif') return support.avif === true;
  return true;
}

/**
 * The path to load for a media entry: the first of its `sources` (listed best first) that the
 * device supports and that has not `failed` to load, else its `src`; null while that depends on the
 * AVIF probe, which has not answered yet (only entries with an AVIF source wait for it). A browser
 * can claim a type it then cannot decode (a profile its hardware lacks, a mislabelled file), so a
 * failed source gives way to the next rather than failing the whole entry. Pure, so images and
 * videos pick the same way and tests need no browser.
 */
export function pickSource(
  media: { readonly src: string; readonly sources?: readonly SourceChoice[] | undefined },
  support: SourceSupport,
  failed: (src: string) => boolean = () => false,
): string | null {
  for (const source of media.sources ?? []) {
    if (failed(source.src)) continue;
    if (support.avif === null && isAvif(source) && sourceFits(source, { ...support, avif: true })) return null;
    if (sourceFits(source, support)) return source.src;
  }
  return media.src;
}
