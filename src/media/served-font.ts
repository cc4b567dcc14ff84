/**
 * The player's own font for Chinese (Noto Sans CJK SC, subset by src/generate/cjk-font.ts to the
 * characters its films and strings use). Headsets and many browsers ship no CJK font, and no glyph
 * is ever fetched from a CDN, so DOM text and the canvas text of 3D labels both draw Chinese from it.
 */
export const SERVED_FONT_FAMILY = 'Sightline Sans SC';

/**
 * CJK ideographs, radicals, CJK and full-width punctuation: the face applies to these only, so Latin
 * text keeps the system font and a Latin-only page never downloads the file.
 */
const CJK_RANGE = 'U+2E80-2FDF, U+3000-303F, U+3100-31FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF';

/** The font stack that puts the served face first; use it for canvas text (DOM text gets it from styles.css). */
export const fontStack = (weight: number, px: number) => `${weight} ${px}px "${SERVED_FONT_FAMILY}", system-ui, "Noto Sans", sans-serif`;

/**
 * Adds the served face to `document.fonts`, from `fonts/` beside the page (relative to its base,
 * so the player works from any folder). The file loads the first time Chinese is drawn.
 */
export function registerServedFont(baseURI: string): void {
  if (typeof FontFace === 'undefined' || !('fonts' in document)) return;
  const url = new URL('fonts/sightline-sans-sc.woff2', baseURI).href;
  const face = new FontFace(SERVED_FONT_FAMILY, `url("${url}") format("woff2")`, { unicodeRange: CJK_RANGE, weight: '100 900', display: 'swap' });
  document.fonts.add(face);
}
