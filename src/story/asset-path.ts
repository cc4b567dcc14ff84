/**
 * Why an asset path would leave its package, or null when it stays inside.
 * Paths are relative to the package folder; packages are data, so they may not point at other
 * packages, the player's own files, other hosts or inline payloads.
 */
export function assetPathProblem(src: string): string | null {
  if (src.trim() === '') return 'is empty';
  // The browser's URL parser drops tabs and newlines and trims other controls, so "\t/\t/host/x"
  // would become another host's file: a path with any control character is refused outright.
  const control = /[\u0000-\u001f\u007f-\u009f]/.exec(src);
  if (control) return `has a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${control.index + 1}); name the file with printable characters only`;
  // A percent-escape is decoded by the browser and the server ("%2e%2e" is ".."), so the file it
  // names is not the one on disk under that name: paths are file names, never URL-encoded.
  if (src.includes('%')) return 'has a "%" (a URL escape such as "%2e" is decoded by the browser into another path); write the file name as it is on disk';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return 'is a URL (scheme "' + src.split(':')[0] + ':"); assets must be files inside the package';
  if (src.startsWith('/') || src.startsWith('\\')) return 'is absolute; it must be relative to the package folder';
  if (src.includes('\\')) return 'uses backslashes; use "/" between folders';
  if (/[?#]/.test(src)) return 'has a query or fragment; name the file only';
  const segments = src.split('/');
  if (segments.some((s) => s === '..')) return 'climbs out of the package with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." segment';
  return null;
}
