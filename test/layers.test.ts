import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * How src/ holds together: each top-level folder is a layer, and one layer reaches another only
 * through that layer's index.ts, its public surface, or its start.ts, the part of it the page's
 * small entry (src/main.tsx) runs before the player's code has arrived; and no module imports
 * itself round a circle, type imports included (a circle makes the order modules run in depend on
 * who is loaded first).
 */
const src = resolve(import.meta.dirname, '../src');
const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(src, f));

/** The layer a file belongs to: its top-level folder under src/, or '' for src/main.tsx and src/mount.tsx. */
const layerOf = (file: string) => {
  const [first, ...rest] = relative(src, file).split('/');
  return rest.length > 0 ? first! : '';
};

/** Relative imports of a file (static, re-exports, dynamic, and `import('…')` in types), resolved to files. */
function importsOf(file: string): { source: string; target: string }[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((source) => ({ source, target: resolveModule(resolve(dirname(file), source)) }))
    .filter((i): i is { source: string; target: string } => i.target !== null);
}

function resolveModule(path: string): string | null {
  const stripped = path.replace(/\.(ts|tsx|js|mjs)$/, '');
  for (const candidate of [path, `${stripped}.ts`, `${stripped}.tsx`, `${stripped}.mjs`, join(path, 'index.ts'), join(path, 'index.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

const graph = new Map(sources.map((file) => [file, importsOf(file)]));

describe('the layers of src/', () => {
  it('reach each other only through index.ts (or start.ts)', () => {
    const surface = (target: string) => ['index.ts', 'start.ts'].some((name) => target === join(src, layerOf(target), name));
    const around = [...graph].flatMap(([file, imports]) =>
      imports
        .filter(({ target }) => target.startsWith(src) && layerOf(target) !== layerOf(file))
        .filter(({ target }) => !surface(target) && !target.endsWith('.css'))
        .map(({ source }) => `${relative(src, file)} imports ${source}`),
    );
    expect(around).toEqual([]);
  });

  it("keep the page's small entry small: what it runs at once imports no package and no layer's index", () => {
    // Static imports only (the player's code comes in with `import('./mount')`); type imports are erased.
    const staticImports = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    const reached = new Set<string>();
    const heavy: string[] = [];
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const specifier of staticImports(file)) {
        if (!specifier.startsWith('.')) {
          heavy.push(`${relative(src, file)} imports the package ${specifier}`);
          continue;
        }
        const target = resolveModule(resolve(dirname(file), specifier));
        if (target?.endsWith('/index.ts')) heavy.push(`${relative(src, file)} imports ${specifier}`);
        else if (target) visit(target);
      }
    };
    visit(join(src, 'main.tsx'));
    expect(heavy).toEqual([]);
    // It is found: the entry reaches the files that start the film's requests.
    expect([...reached].map((f) => relative(src, f))).toEqual(expect.arrayContaining(['app/start.ts', 'app/story-prefetch.ts', 'media/early-picture.ts']));
  });

  it('have no import circles', () => {
    // Tarjan's strongly connected components: any component of more than one module is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const circles: string[][] = [];
    const visit = (file: string) => {
      index.set(file, index.size);
      low.set(file, index.get(file)!);
      stack.push(file);
      for (const { target } of graph.get(file) ?? []) {
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
      if (low.get(file) === index.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          component.push(relative(src, member));
        } while (member !== file);
        const selfImport = (graph.get(file) ?? []).some((i) => i.target === file);
        if (component.length > 1 || selfImport) circles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!index.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('are seen by this test: every layer has its index.ts, and imports are found', () => {
    const layers = [...new Set(sources.map(layerOf))].filter((l) => l !== '');
    expect(layers).toEqual(expect.arrayContaining(['story', 'records', 'media', 'stage', 'xr', 'app', 'kiosk', 'station', 'cli']));
    for (const layer of layers) if (layer !== 'generate' && layer !== 'sw' && layer !== 'build') expect(existsSync(join(src, layer, 'index.ts')), `src/${layer}/index.ts`).toBe(true);
    expect(importsOf(join(src, 'main.tsx')).map((i) => relative(src, i.target))).toEqual(expect.arrayContaining(['app/start.ts', 'media/start.ts', 'mount.tsx']));
    expect(importsOf(join(src, 'mount.tsx')).map((i) => relative(src, i.target))).toEqual(expect.arrayContaining(['app/index.ts', 'kiosk/index.ts']));
  });
});
