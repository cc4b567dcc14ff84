/**
 * A cheap look at a JSON text before it is parsed: how deeply it nests and how many arrays and
 * objects it holds. One pass over the characters, no allocation, so a body built to make the parser
 * or the validator work hard (thousands of nested brackets, a million empty arrays) is refused
 * before either runs.
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
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limits.depth) return `nested more than ${limits.depth} deep`;
      if (++containers > limits.containers) return `more than ${limits.containers} arrays and objects`;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}
