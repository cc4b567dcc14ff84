import { type Diagnostic, jsonPath } from './diagnostics';

/** Deeper than any real package nests; past this, recursive schema checks could overflow the stack. */
export const MAX_DEPTH = 64;

/**
 * Checks a parsed package for what the schema cannot see safely: nesting so deep that recursive
 * validation would overflow the stack, and `__proto__` keys, which object records silently drop.
 * Iterative, so it never overflows itself.
 */
export function preflight(input: unknown, file: string): Diagnostic[] {
  // Paths are rebuilt from parent links only when something is wrong: most values are fine.
  type Entry = { value: unknown; depth: number; parent: Entry | null; key: PropertyKey };
  const pathOf = (entry: Entry): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let e: Entry | null = entry; e?.parent; e = e.parent) path.push(e.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ value: input, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH)
      return [{ severity: 'error', code: 'schema.too-deep', file, path: jsonPath(pathOf(entry).slice(0, MAX_DEPTH)), message: `nested more than ${MAX_DEPTH} levels deep`, hint: 'Flatten the condition: "all" and "any" take lists, so deep nesting is never needed.' }];
    const isArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
      if (key === '__proto__')
        return [{ severity: 'error', code: 'schema.invalid-value', file, path: jsonPath(pathOf(entry)), message: 'a key is "__proto__", which is reserved', hint: 'Rename it; ids use lowercase letters, digits and "-".' }];
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, parent: entry, key: isArray ? Number(key) : key });
    }
  }
  return [];
}
