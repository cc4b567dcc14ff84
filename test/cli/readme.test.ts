import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/generate/films';
import { EMOTIONS } from '../../src/generate/pipeline';
import { LOW_SHARE_TARGETS } from '../../src/generate/pipeline/ambience';
import { README_FILE, readmeText } from '../../src/cli/write-readme';

/** What the README says that the code also says: each must follow the code. */
const readme = readFileSync(README_FILE, 'utf8');
const root = resolve(import.meta.dirname, '../..');

/** The text of the section under `heading` (a whole line), up to the next heading of its level or above. */
function section(heading: string): string {
  const level = heading.match(/^#+/)![0].length;
  const from = readme.indexOf(`\n${heading}\n`);
  expect(from, `README.md has a section "${heading}"`).toBeGreaterThanOrEqual(0);
  const rest = readme.slice(from + heading.length + 2);
  const next = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

/** The first-column names of the Markdown table whose header's first cell is `column`, with the rows' other cells. */
function tableRows(text: string, column: string): Map<string, string[]> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${column} |`));
  expect(start, `a table headed "${column}"`).toBeGreaterThanOrEqual(0);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [name, ...cells] = line.split('|').slice(1, -1).map((c) => c.trim());
    rows.set(name!.replace(/^`|`$/g, ''), cells);
  }
  return rows;
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe('README.md', () => {
  it('has its generated parts up to date with the code (run `npm run readme` after changing codes.ts)', () => {
    expect(readme).toBe(readmeText(readme));
  });

  it('prints the smallest film exactly as scenes/smallest/story.json holds it', () => {
    const marker = readme.indexOf('<!-- scenes/smallest/story.json:');
    expect(marker, 'the marker before the smallest film').toBeGreaterThanOrEqual(0);
    const block = /^```json\n([\s\S]*?)^```$/m.exec(readme.slice(marker));
    expect(block, 'a json block after the marker').not.toBeNull();
    expect(block!.index, 'the block right after the marker').toBeLessThan(120);
    expect(block![1]).toBe(readFileSync(resolve(root, 'scenes/smallest/story.json'), 'utf8'));
  });

  describe("lists the pipeline's vocabulary as the films' catalogue holds it (what generate and sketch know)", () => {
    const vocabulary = section("### The pipeline's vocabulary: settings and motifs");
    it.each([
      ['`setting`', Object.keys(CATALOGUE.settings)],
      ['`motif`', Object.keys(CATALOGUE.motifs)],
      ['`emotion`', [...EMOTIONS]],
    ])('%s', (column, names) => {
      expect(sorted(tableRows(vocabulary, column).keys())).toEqual(sorted(names));
    });
    it('with the low-frequency share of each emotion\'s ambient bed', () => {
      const rows = tableRows(vocabulary, '`emotion`');
      for (const emotion of EMOTIONS) expect(rows.get(emotion)!.at(-1), emotion).toBe(`${Math.round(LOW_SHARE_TARGETS[emotion] * 100)} %`);
    });
    it('and the splat world and prop generators', () => {
      const generators = [...tableRows(vocabulary, '`generator`')];
      const namedBy = (field: string) => sorted(generators.filter(([, [by]]) => by === field).map(([name]) => name));
      expect(namedBy('`world.generator`')).toEqual(sorted(Object.keys(CATALOGUE.worlds)));
      expect(namedBy('`props[].generator`')).toEqual(sorted(Object.keys(CATALOGUE.props)));
      expect(generators).toHaveLength(Object.keys(CATALOGUE.worlds).length + Object.keys(CATALOGUE.props).length);
    });
  });
});
