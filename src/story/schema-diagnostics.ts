import type { z } from 'zod';
import { isDiagnosticCode } from './codes';
import { type Diagnostic, jsonPath } from './diagnostics';

/**
 * Diagnostics from a zod schema's issues, each naming the file, the JSON path and what to do: the
 * same words for a story package, a kiosk file or a viewing record. `schemaFile` is the published
 * JSON Schema the hints point to.
 */
export function schemaDiagnostics(issues: readonly z.core.$ZodIssue[], file: string, input: unknown, schemaFile = 'scenes/story.schema.json'): Diagnostic[] {
  return issues.flatMap((issue) => fromSchemaIssue(issue, file, input, schemaFile));
}

function fromSchemaIssue(issue: z.core.$ZodIssue, file: string, input: unknown, schemaFile: string): Diagnostic[] {
  if (issue.code === 'invalid_union') {
    if (valueAt(input, issue.path) === undefined)
      return [{ severity: 'error', code: 'schema.missing', file, path: jsonPath(issue.path), message: 'required field is missing', hint: `Add "${String(issue.path.at(-1))}".` }];
    const branch = closestBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => fromSchemaIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, file, input, schemaFile));
  }
  return [diagnosticOf(issue, file, schemaFile)];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * For a value that matches no shape of a union (a condition, a text), the shape it came closest to:
 * the branch whose errors lie deepest inside the value, if any lies deeper than the value itself.
 */
function closestBranch(branches: ReadonlyArray<readonly z.core.$ZodIssue[]>): readonly z.core.$ZodIssue[] | null {
  let best: readonly z.core.$ZodIssue[] | null = null;
  let bestDepth = 0;
  for (const issues of branches) {
    const depth = Math.min(...issues.map((i) => i.path.length));
    if (issues.length > 0 && depth > bestDepth) {
      best = issues;
      bestDepth = depth;
    }
  }
  return best;
}

function diagnosticOf(issue: z.core.$ZodIssue, file: string, schemaFile: string): Diagnostic {
  const path = jsonPath(issue.path);
  const base = { severity: 'error' as const, file, path };
  switch (issue.code) {
    case 'custom': {
      const named = issue.params?.['code'];
      const code = typeof named === 'string' && isDiagnosticCode(named) ? named : 'schema.custom';
      const hint =
        code === 'asset.path'
          ? 'Put the file inside the package folder and give its path relative to story.json, like "assets/hall.webp".'
          : `See the format reference in the README, or ${schemaFile}.`;
      return { ...base, code, message: issue.message, hint };
    }
    case 'invalid_type': {
      const missing = issue.message.endsWith('received undefined');
      return missing
        ? { ...base, code: 'schema.missing', message: `required field is missing (expected ${issue.expected})`, hint: `Add "${String(issue.path.at(-1))}".` }
        : { ...base, code: 'schema.invalid-type', message: issue.message.replace(/^Invalid input: /, ''), hint: `Give a ${issue.expected} here.` };
    }
    case 'unrecognized_keys':
      return {
        ...base,
        code: 'schema.unknown-field',
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        hint: `Check the spelling, or remove it; ${schemaFile} lists the allowed fields.`,
      };
    case 'invalid_union':
      return { ...base, code: 'schema.invalid-value', message: 'does not match any allowed shape', hint: unionHint(issue.path, schemaFile) };
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? 'not allowed';
      return { ...base, code: 'schema.invalid-key', message: `key "${String(issue.path.at(-1))}": ${inner}`, hint: 'Ids use lowercase letters, digits and "-", like "dark-hall".' };
    }
    case 'invalid_value':
      return { ...base, code: 'schema.invalid-value', message: issue.message.replace(/^Invalid input: /, ''), hint: `Use ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.` };
    case 'too_small':
    case 'too_big':
      return { ...base, code: 'schema.out-of-range', message: issue.message, hint: 'Use a value inside the allowed range.' };
    default:
      return { ...base, code: 'schema.invalid-value', message: issue.message, hint: `See ${schemaFile} for what is allowed here.` };
  }
}

function unionHint(path: readonly PropertyKey[], schemaFile: string): string {
  if (!schemaFile.endsWith('story.schema.json')) return `See ${schemaFile} for the shapes allowed here.`;
  if (path.includes('when')) return 'A condition is one of { "clue": id }, { "all": [...] }, { "any": [...] }, { "not": condition }.';
  if (path.at(-1) === 'media') return 'Media is { "type": "panorama" | "video", "src": "assets/…" } or { "type": "color", "color": "#rrggbb" }.';
  return 'Give a string, or a map from language tag to string like { "en": "…", "zh-CN": "…" }.';
}

