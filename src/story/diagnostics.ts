import type { DiagnosticCode, Severity } from './codes';

/** One finding about a story package, shared by the validator, the CLI, the error screen and the tests. */
export interface Diagnostic {
  /** Always the severity codes.ts gives its code. */
  readonly severity: Severity;
  /** Stable machine-readable code, for example `schema.invalid-type` or `scene.unknown`; all are listed in codes.ts. */
  readonly code: DiagnosticCode;
  /** The file the finding is about, relative to the package, for example `story.json`. */
  readonly file: string;
  /** JSON path inside the file, for example `$.scenes.hall.hotspots[0].yaw`. */
  readonly path: string;
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
}

/** `$.scenes.hall.hotspots[0]` from `['scenes', 'hall', 'hotspots', 0]`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file} ${d.path}: ${d.severity} ${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === 'error');
