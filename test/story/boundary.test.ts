import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../src');

/**
 * The pure layers: the story engine, and the viewing records built on it (read by the player, the
 * station in Node and the studio). Each may import xstate and zod, its own files and the layers
 * listed, and nothing of the browser, Node, three or React.
 */
const PURE_LAYERS: Record<string, readonly string[]> = { story: [], records: ['story'] };

for (const [layer, below] of Object.entries(PURE_LAYERS)) {
  const dir = join(src, layer);
  const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const allowed = [dir, ...below.map((b) => join(src, b))];

  describe(`src/${layer} layer boundary`, () => {
    it.each(sources)(`%s imports only xstate, zod, src/${layer}${below.map((b) => ` and src/${b}`).join('')}`, (file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const source of imports) {
        if (source === 'xstate' || source === 'zod' || source === '@xstate/graph') continue;
        expect(source, `${file} imports ${source}`).toMatch(/^\.\.?\//);
        const target = resolve(dirname(join(dir, file)), source);
        expect(
          allowed.some((root) => target === root || target.startsWith(root + '/')),
          `${file} imports ${source} from outside ${allowed.map((a) => a.slice(src.length - 3)).join(', ')}`,
        ).toBe(true);
        // Another layer is reached only through its public surface.
        const other = below.find((b) => target.startsWith(join(src, b)));
        if (other) expect(target, `${file} imports ${source}, not src/${other}/index.ts`).toBe(join(src, other));
      }
    });

    it('does not touch browser or Node globals', () => {
      for (const file of sources) {
        const text = readFileSync(join(dir, file), 'utf8');
        expect(text, file).not.toMatch(/\b(window|document|navigator|localStorage|process|require)\s*[.(]/);
      }
    });
  });
}
