import { assetPathProblem } from '../story/start';

/** Where packages live on the site, relative to the player page. */
export function filmBaseUrl(filmId: string, siteBase: string): URL {
  return new URL(`scenes/${encodeURIComponent(filmId)}/`, siteBase);
}

/**
 * The URL of a package asset. Validation already rejects paths that leave the package; this
 * re-checks at the edge so no code path can fetch outside it.
 */
export function assetUrl(filmBase: URL, src: string): string {
  const problem = assetPathProblem(src);
  if (problem) throw new Error(`media: asset path "${src}" ${problem}`);
  const url = new URL(src, filmBase);
  if (!url.href.startsWith(filmBase.href)) throw new Error(`media: asset path "${src}" leaves its package`);
  return url.href;
}
