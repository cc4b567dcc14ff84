/** Reading and writing a package's story.json as the generator does: validated first, written back in one stable layout. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StoryPackage, formatDiagnostic, hasErrors, parseJson, validateStory } from '../../story';

export interface StoryFile {
  /** The JSON as written by the author (no defaults filled in), which the generator edits and writes back. */
  readonly raw: Record<string, unknown> & { scenes: Record<string, Record<string, unknown>> };
  /** The same package validated, with defaults, for reading. */
  readonly story: StoryPackage;
}

export function readStoryFile(dir: string): StoryFile {
  const file = join(dir, 'story.json');
  const text = readFileSync(file, 'utf8');
  const parsed = parseJson(text, file);
  if ('diagnostic' in parsed) throw new Error(formatDiagnostic(parsed.diagnostic));
  const { story, diagnostics } = validateStory(parsed.value, { file });
  if (!story || hasErrors(diagnostics)) throw new Error(`film generator: fix story.json first:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return { raw: parsed.value as StoryFile['raw'], story };
}

export function writeStoryFile(dir: string, raw: unknown): void {
  writeFileSync(join(dir, 'story.json'), `${formatJson(raw)}\n`);
}

/** JSON with two-space indents, where any object or array that fits on one short line stays on it. */
export function formatJson(value: unknown, indent = '', width = 100): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (value === null || typeof value !== 'object' || flat.length + indent.length <= width) return spaced(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + formatJson(v, inner, width)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner, width)}`).join(',\n')}\n${indent}}`;
}

/** One-line JSON with a space after colons and commas, as people write it. */
function spaced(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(spaced).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${spaced(x)}`).join(', ')} }`;
}
