/** A text field of a story: one string for every language, or a map from language tag to string. */
export type LocalizedText = string | { readonly [language: string]: string };

/**
 * The text in `language`, falling back to the film's first language, then to any text there is,
 * so a missing translation never leaves a blank label.
 */
export function localize(text: LocalizedText, language: string, languages: readonly string[]): string {
  if (typeof text === 'string') return text;
  const fallback = languages[0];
  return text[language] ?? (fallback === undefined ? undefined : text[fallback]) ?? Object.values(text)[0] ?? '';
}

/**
 * The film language to play in: the requested one if the film has it, else the first of the
 * viewer's preferred languages the film has (matching `zh` to `zh-CN`), else the film's first.
 */
export function pickLanguage(requested: string | null, preferred: readonly string[], languages: readonly string[]): string {
  const candidates = requested ? [requested, ...preferred] : [...preferred];
  for (const candidate of candidates) {
    const match = matchLanguage(candidate, languages);
    if (match) return match;
  }
  return languages[0] ?? 'en';
}

/** The film's language for a tag: the same tag, else one of the same base ("en-GB" is "en"); or undefined. */
export function matchLanguage(tag: string, languages: readonly string[]): string | undefined {
  const exact = languages.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const base = tag.split('-')[0]!.toLowerCase();
  return languages.find((l) => l.split('-')[0]!.toLowerCase() === base);
}
