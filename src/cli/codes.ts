import { DIAGNOSTIC_CODES, type DiagnosticCode, type FoundBy } from '../story';

/** The column saying when a code can come up, in the words the README's table uses. */
const WHEN: Record<FoundBy, string> = { story: 'load', files: 'validate', player: 'player', records: 'records' };

/** Every diagnostic code as a Markdown table: code, severity, when it comes up, what it means. */
export function codesTable(): string {
  const rows = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).map((code) => {
    const { severity, by, meaning } = DIAGNOSTIC_CODES[code];
    return `| \`${code}\` | ${severity} | ${WHEN[by]} | ${meaning.replaceAll('|', '\\|')} |`;
  });
  return ['| code | severity | when | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}
