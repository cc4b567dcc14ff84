/**
 * A few of many names for a message, "a, b, c and 9,997 more": a diagnostic that listed every
 * scene of a 10,000-scene story, once per broken reference, made gigabytes of output.
 */
export function listSome(names: readonly string[], max = 12): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${(names.length - max).toLocaleString('en')} more`;
}
