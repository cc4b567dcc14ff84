import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodePackageFiles } from '../../src/cli/main';
import { type Diagnostic, checkPackageFiles, formatDiagnostic, hasErrors, parseJson, validateStory } from '../../src/story';

/**
 * The broken corpus: test/fixtures/broken/<case>/story.json, each a valid package with one thing
 * wrong, and expected.json naming the diagnostic each must produce. A case folder holding more
 * than story.json is a whole package, and its files are checked too, as `sightline validate` does.
 */
const root = resolve(import.meta.dirname, '../..');
const corpus = join(root, 'test/fixtures/broken');

interface Expected {
  readonly code: string;
  readonly path: string;
  readonly severity?: 'error' | 'warning';
}

const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Record<string, Expected>;
const caseNames = readdirSync(corpus)
  .filter((name) => statSync(join(corpus, name)).isDirectory())
  .sort();

/**
 * What the player does with a package file: parse (syntax errors become a diagnostic), then
 * validate; for a whole package, then what `sightline validate` adds: the check of its files.
 */
function diagnose(name: string): { diagnostics: readonly Diagnostic[]; accepted: boolean } {
  const file = `test/fixtures/broken/${name}/story.json`;
  const parsed = parseJson(readFileSync(join(root, file), 'utf8'), file);
  if ('diagnostic' in parsed) return { diagnostics: [parsed.diagnostic], accepted: false };
  const result = validateStory(parsed.value, { file });
  const folder = join(corpus, name);
  if (!result.story || readdirSync(folder).length === 1) return { diagnostics: result.diagnostics, accepted: result.story !== undefined };
  const diagnostics = [...result.diagnostics, ...checkPackageFiles(result.story, nodePackageFiles(folder), file)];
  return { diagnostics, accepted: !hasErrors(diagnostics) };
}

const listed = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n') || '  (none)';

describe('broken package corpus', () => {
  it('has at least 25 cases, each listed in expected.json and each listed one present', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(25);
    expect(caseNames.filter((name) => !(name in expected)), 'case folders missing from expected.json').toEqual([]);
    expect(Object.keys(expected).filter((name) => !caseNames.includes(name)), 'expected.json entries without a case folder').toEqual([]);
  });

  it('covers every diagnostic code the validator can emit', () => {
    // What validateStory and parseJson run, and the checks of checks/ (provenance.ts checks a whole
    // package's files); package-files.ts's own asset checks are covered in test/cli.
    const story = join(root, 'src/story');
    const files = [...['validate.ts', 'parse.ts', 'schema.ts'].map((f) => join(story, f)), ...readdirSync(join(story, 'checks')).map((f) => join(story, 'checks', f))];
    const sources = files.filter((f) => f.endsWith('.ts')).map((f) => readFileSync(f, 'utf8'));
    const emitted = new Set<string>();
    for (const text of sources)
      for (const pattern of [/\.(?:error|warning)\(\s*'([a-z]+\.[a-z-]+)'/g, /\bcode:\s*'([a-z]+\.[a-z-]+)'/g, /'(schema\.[a-z-]+)'/g])
        for (const match of text.matchAll(pattern)) emitted.add(match[1]!);
    // Needs the folder name the package was loaded from (validateStory's `expectedId`); covered in validate.test.ts.
    emitted.delete('film.id-mismatch');
    const covered = new Set(Object.values(expected).map((e) => e.code));
    expect(emitted.size).toBeGreaterThan(20);
    expect([...emitted].filter((code) => !covered.has(code)).sort(), 'codes with no case in the corpus').toEqual([]);
  });

  it.each(caseNames)('%s', (name) => {
    const want = expected[name];
    expect(want, `no entry for "${name}" in test/fixtures/broken/expected.json`).toBeDefined();
    const severity = want!.severity ?? 'error';
    const { diagnostics, accepted } = diagnose(name);
    const found = diagnostics.some((d) => d.code === want!.code && d.path === want!.path && d.severity === severity);
    expect(found, `expected ${severity} ${want!.code} at ${want!.path}; got:\n${listed(diagnostics)}`).toBe(true);
    for (const d of diagnostics) {
      expect(d.message, `empty message: ${formatDiagnostic(d)}`).not.toBe('');
      expect(d.hint, `empty hint: ${formatDiagnostic(d)}`).not.toBe('');
    }
    if (severity === 'error') expect(accepted, `a package with an error must be rejected; got:\n${listed(diagnostics)}`).toBe(false);
    // A warning case has nothing else wrong with it: it still plays.
    else expect(accepted, `a package with only a warning must still play; got:\n${listed(diagnostics)}`).toBe(true);
  });
});
