import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const storyDir = resolve(import.meta.dirname, '../../src/story');
const sources = readdirSync(storyDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

/** The story engine must stay portable: pure TypeScript with xstate and zod only. */
describe('src/story layer boundary', () => {
  it.each(sources)('%s imports only xstate, zod and src/story', (file) => {
    const text = readFileSync(join(storyDir, file), 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    for (const source of imports) {
      if (source === 'xstate' || source === 'zod' || source === '@xstate/graph') continue;
      expect(source, `${file} imports ${source}`).toMatch(/^\.\.?\//);
      expect(resolve(dirname(join(storyDir, file)), source).startsWith(storyDir + '/'), `${file} imports ${source} from outside src/story`).toBe(true);
    }
  });

  it('does not touch browser or Node globals', () => {
    for (const file of sources) {
      const text = readFileSync(join(storyDir, file), 'utf8');
      expect(text, file).not.toMatch(/\b(window|document|navigator|localStorage|process|require)\s*[.(]/);
    }
  });
});
