import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodePackageFiles } from '../../src/cli/main';
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, checkPackageFiles, formatDiagnostic, hasErrors, parseJson, validateStory } from '../../src/story';

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
    // Every code story.json or the package's files can produce (codes.ts lists them all: emitters
    // are typed against it). Some are covered elsewhere: the folder name a package was loaded from
    // (validateStory's `expectedId`) in validate.test.ts, package-files.ts's own checks in test/cli.
    const elsewhere = ['film.id-mismatch', 'asset.missing', 'subtitles.invalid', 'asset.signature', 'asset.too-large', 'asset.large', 'asset.external'];
    const emitted = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter((code) => DIAGNOSTIC_CODES[code].by !== 'player' && DIAGNOSTIC_CODES[code].by !== 'records' && !elsewhere.includes(code));
    const covered = new Set(Object.values(expected).map((e) => e.code));
    expect(emitted.length).toBeGreaterThan(40);
    expect(emitted.filter((code) => !covered.has(code)).sort(), 'codes with no case in the corpus').toEqual([]);
  });

  it('expects each code with the severity codes.ts gives it', () => {
    for (const [name, want] of Object.entries(expected)) expect(want.severity ?? 'error', name).toBe(DIAGNOSTIC_CODES[want.code as DiagnosticCode]?.severity);
  });

  it.each(caseNames)('%s', (name) => {
    const want = expected[name];
    expect(want, `no entry for "${name}" in test/fixtures/broken/expected.json`).toBeDefined();
    const severity = want!.severity ?? 'error';
    const { diagnostics, accepted } = diagnose(name);
    const found = diagnostics.some((d) => d.code === want!.code && d.path === want!.path && d.severity === severity);
    expect(found, `expected ${severity} ${want!.code} at ${want!.path}; got:\n${listed(diagnostics)}`).toBe(true);
    for (const d of diagnostics) {
      expect(d.severity, `severity of ${d.code}`).toBe(DIAGNOSTIC_CODES[d.code].severity);
      expect(d.message, `empty message: ${formatDiagnostic(d)}`).not.toBe('');
      expect(d.hint, `empty hint: ${formatDiagnostic(d)}`).not.toBe('');
    }
    if (severity === 'error') expect(accepted, `a package with an error must be rejected; got:\n${listed(diagnostics)}`).toBe(false);
    // A warning case has nothing else wrong with it: it still plays.
    else expect(accepted, `a package with only a warning must still play; got:\n${listed(diagnostics)}`).toBe(true);
  });
});
