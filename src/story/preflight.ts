import { type Diagnostic, jsonPath } from './diagnostics';

/** Deeper than any real package nests; past this, recursive schema checks could overflow the stack. */
export const MAX_DEPTH = 64;

/**
 * Checks a parsed package for what the schema cannot see safely: nesting so deep that recursive
 * validation would overflow the stack, and `__proto__` keys, which object records silently drop.
 * Iterative, so it never overflows itself.
 */
export function preflight(input: unknown, file: string): Diagnostic[] {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length > MAX_DEPTH)
      return [{ severity: 'error', code: 'schema.too-deep', file, path: jsonPath(path.slice(0, MAX_DEPTH)), message: `nested more than ${MAX_DEPTH} levels deep`, hint: 'Flatten the condition: "all" and "any" take lists, so deep nesting is never needed.' }];
    for (const key of Object.keys(value)) {
      if (key === '__proto__')
        return [{ severity: 'error', code: 'schema.invalid-value', file, path: jsonPath(path), message: 'a key is "__proto__", which is reserved', hint: 'Rename it; ids use lowercase letters, digits and "-".' }];
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return [];
}
