/**
 * Why an asset path would leave its package, or null when it stays inside.
 * Paths are relative to the package folder; packages are data, so they may not point at other
 * packages, the player's own files, other hosts or inline payloads.
 */
export function assetPathProblem(src: string): string | null {
  if (src.trim() === '') return 'is empty';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return 'is a URL (scheme "' + src.split(':')[0] + ':"); assets must be files inside the package';
  if (src.startsWith('/') || src.startsWith('\\')) return 'is absolute; it must be relative to the package folder';
  if (src.includes('\\')) return 'uses backslashes; use "/" between folders';
  if (/[?#]/.test(src)) return 'has a query or fragment; name the file only';
  const segments = src.split('/');
  if (segments.some((s) => s === '..')) return 'climbs out of the package with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." segment';
  return null;
}
