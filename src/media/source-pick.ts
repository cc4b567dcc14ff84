/** What a device can show, as far as choosing among a media entry's sources goes. */
export interface SourceSupport {
  /** Basis-compressed KTX2 textures (the transcoder found a GPU format for this renderer). */
  readonly ktx2: boolean;
  /** The browser decodes AVIF images. */
  readonly avif: boolean;
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

/** Whether one source can be shown on this device; `src` itself is always shown (it is the fallback). */
export function sourceFits(source: SourceChoice, support: SourceSupport): boolean {
  if (source.width !== undefined && source.width > support.maxWidth) return false;
  if (source.type !== undefined && !support.canPlay(source.type)) return false;
  const ext = extension(source.src);
  if (ext === 'ktx2') return support.ktx2;
  if (ext === 'avif') return support.avif;
  return true;
}

/**
 * The path to load for a media entry: the first of its `sources` (listed best first) that the
 * device supports and that has not `failed` to load, else its `src`. A browser can claim a type it
 * then cannot decode (a profile its hardware lacks, a mislabelled file), so a failed source gives
 * way to the next rather than failing the whole entry. Pure, so images and videos pick the same way
 * and tests need no browser.
 */
export function pickSource(
  media: { readonly src: string; readonly sources?: readonly SourceChoice[] | undefined },
  support: SourceSupport,
  failed: (src: string) => boolean = () => false,
): string {
  for (const source of media.sources ?? []) if (sourceFits(source, support) && !failed(source.src)) return source.src;
  return media.src;
}
