import type { Diagnostic } from '../story';

export interface DiagnosticsListProps {
  readonly diagnostics: readonly Diagnostic[];
  /** Whether the map still shows an older, good version of the package (this one does not play). */
  readonly stale: boolean;
  /** Clicked: the diagnostic, to select its scene. */
  readonly onPick: (diagnostic: Diagnostic) => void;
}

/** The validator's findings, with file and JSON path; a click selects the scene a finding is in. */
export function DiagnosticsList({ diagnostics, stale, onPick }: DiagnosticsListProps) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="diagnostics" aria-label="Diagnostics" data-errors={errors} data-count={diagnostics.length}>
      <h2>
        Diagnostics <span className="count">{errors} errors, {diagnostics.length - errors} warnings</span>
      </h2>
      {stale && <p className="stale">This version does not play: the map and the preview keep the last good one.</p>}
      {diagnostics.length === 0 ? (
        <p className="none">No errors, no warnings.</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i} className={d.severity}>
              <button type="button" onClick={() => onPick(d)} data-code={d.code} data-path={d.path}>
                <span className={`badge ${d.severity}`}>{d.severity}</span> <code>{d.code}</code>
                <span className="where">
                  {d.file} <code>{d.path}</code>
                </span>
                <span className="message">{d.message}</span>
                {d.hint && <span className="hint">{d.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
