/**
 * A cheap look at a JSON text before it is parsed: how deeply it nests, how many arrays and objects
 * it holds, and whether any key is `__proto__`. One pass over the characters, so a body built to
 * make the parser or the validator work hard (thousands of nested brackets, a million empty arrays)
 * is refused before either runs, and no object with a `__proto__` key is ever built (the schema would
 * drop it silently; it is refused instead).
 */
export interface JsonShapeLimits {
  /** Nesting of arrays and objects. A viewing record nests 5 deep (record → path → entry → gaze → sample). */
  readonly depth: number;
  /** Arrays and objects in all. */
  readonly containers: number;
}

/** Null when the text is within the limits, else what is wrong. */
export function jsonShapeProblem(text: string, limits: JsonShapeLimits): string | null {
  let depth = 0;
  let containers = 0;
  let inString = false;
  let start = 0;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        escaped = true;
        i++; // backslash: skip the escaped character
      } else if (c === 0x22) {
        inString = false;
        if (isKey(text, i + 1) && keyText(text, start, i, escaped) === '__proto__') return 'a "__proto__" key';
      }
      continue;
    }
    if (c === 0x22) {
      inString = true;
      start = i;
      escaped = false;
    }
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limits.depth) return `nested more than ${limits.depth} deep`;
      if (++containers > limits.containers) return `more than ${limits.containers} arrays and objects`;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/** Whether the string that closed just before `from` is an object key (a `:` follows). */
function isKey(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return false;
}

/** The text of the string literal from `start` to `end` (its quotes), unescaped only when it has escapes. */
function keyText(text: string, start: number, end: number, escaped: boolean): string | null {
  if (!escaped) return text.slice(start + 1, end);
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return null;
  }
}
