import type { ErrorCode, WarningCode } from '../codes';
import { type Diagnostic, jsonPath } from '../diagnostics';

/** Collects diagnostics for one file; checks call `error` and `warning` with JSON path segments. */
export class Report {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly file: string) {}

  error(code: ErrorCode, path: readonly PropertyKey[], message: string, hint: string): void {
    this.diagnostics.push({ severity: 'error', code, file: this.file, path: jsonPath(path), message, hint });
  }

  warning(code: WarningCode, path: readonly PropertyKey[], message: string, hint: string): void {
    this.diagnostics.push({ severity: 'warning', code, file: this.file, path: jsonPath(path), message, hint });
  }
}
