/**
 * Whether a response says the file is not there: a 404, or the HTML page many static hosts (and
 * `vite preview`) send for any unknown path of a single-page app, where JSON or media was asked for.
 */
export function isMissing(response: Response): boolean {
  return response.status === 404 || (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html'));
}
