import { type Diagnostic, type ErrorCode, type Provenance, type StoryPackage, formatDiagnostic, parseJson, provenanceSchema, validateStory } from '../story';
import { assetUrl, filmBaseUrl } from '../media';
import { FILM_ID } from './params';
import { readStory, takePrefetched } from './story-prefetch';

export type LoadedFilm =
  | {
      readonly ok: true;
      readonly story: StoryPackage;
      readonly filmBase: URL;
      readonly provenance: Provenance | null;
      /** A hash of story.json's text: viewing records say which version of the film was played. */
      readonly revision: string;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** A film whose story is read and valid, its provenance still on its way (`loadStory`). */
export type LoadedStory =
  | (Omit<Extract<LoadedFilm, { ok: true }>, 'provenance'> & {
      /** Read beside whatever starts next; never rejects (a missing or malformed file is null). */
      readonly provenance: Promise<Provenance | null>;
    })
  | Extract<LoadedFilm, { ok: false }>;

/**
 * Fetches `scenes/<film>/story.json` from the site, then parses and validates it. Every failure
 * becomes diagnostics for the error screen; nothing malformed reaches the stage.
 */
export async function loadFilm(filmId: string, siteBase: string, fetchImpl: typeof fetch = fetch): Promise<LoadedFilm> {
  const loaded = await loadStory(filmId, siteBase, fetchImpl);
  return loaded.ok ? { ...loaded, provenance: await loaded.provenance } : loaded;
}

/**
 * `loadFilm` without waiting for the provenance file: a film that plays at once starts its player
 * a round trip sooner, and its provenance (the credits' and the AI label's) arrives meanwhile.
 */
export async function loadStory(filmId: string, siteBase: string, fetchImpl: typeof fetch = fetch): Promise<LoadedStory> {
  const file = `scenes/${filmId}/story.json`;
  const fail = (code: ErrorCode, path: string, message: string, hint: string): LoadedStory => ({
    ok: false,
    diagnostics: [{ severity: 'error', code, file, path, message, hint }],
  });
  if (!FILM_ID.test(filmId))
    return fail('film.bad-id', '?film', `"${filmId}" is not a film id`, 'Film ids use lowercase letters, digits and "-", like ?film=hello.');
  const filmBase = filmBaseUrl(filmId, siteBase);
  let text: string;
  try {
    const url = new URL('story.json', filmBase);
    const response = await (takePrefetched(url.href) ?? readStory(fetchImpl(url)));
    if (response.text === null)
      return fail('film.not-found', '$', `could not be fetched (HTTP ${response.status})`, `Put the package in scenes/${filmId}/ or check the ?film= name.`);
    text = response.text;
  } catch (error) {
    return fail('film.unreachable', '$', `could not be fetched: ${String(error)}`, 'Check the connection to the server and reload.');
  }
  const parsed = parseJson(text, file);
  if ('diagnostic' in parsed) return { ok: false, diagnostics: [parsed.diagnostic] };
  const { story, diagnostics } = validateStory(parsed.value, { file, expectedId: filmId });
  if (!story) return { ok: false, diagnostics: diagnostics.filter((d) => d.severity === 'error') };
  // Warnings are for the author (sightline validate); the film plays.
  for (const w of diagnostics) console.warn(`sightline: ${formatDiagnostic(w)}`);
  return { ok: true, story, filmBase, provenance: loadProvenance(story, filmBase, fetchImpl), revision: textHash(text) };
}

/**
 * The package's provenance (what made each asset), for the credits and the AI label. It never
 * stops the film: a missing or malformed file is a console warning and the credits go without it.
 */
async function loadProvenance(story: StoryPackage, filmBase: URL, fetchImpl: typeof fetch): Promise<Provenance | null> {
  if (story.provenance === undefined) return null;
  try {
    const response = await fetchImpl(assetUrl(filmBase, story.provenance));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const parsed = provenanceSchema.safeParse(await response.json());
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new Error(`$.${issue.path.join('.')}: ${issue.message}`);
  } catch (error) {
    console.warn(`sightline: ${story.provenance} could not be read (${String(error)}); the credits list no generated assets; run sightline validate`);
    return null;
  }
}

/** FNV-1a (64-bit) of a text, as 16 hex digits: tells versions apart (not a security hash). */
export function textHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
