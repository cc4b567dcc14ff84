import type { Diagnostic } from './diagnostics';

/**
 * Parses JSON text, turning a syntax error into a diagnostic with line and column. A leading
 * byte-order mark (editors on Windows write one) is skipped, as the browser's decoder skips it, so
 * the command line and the player read the same files.
 */
export function parseJson(text: string, file: string): { value: unknown } | { diagnostic: Diagnostic } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      diagnostic: {
        severity: 'error',
        code: 'json.syntax',
        file,
        path: '$',
        message: `not valid JSON${locate(text, message)}: ${message}`,
        hint: 'Check for a missing comma or quote, or a trailing comma, near that place.',
      },
    };
  }
}

function locate(text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}
