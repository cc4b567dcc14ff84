import type { Diagnostic, UiText } from '../story';

export interface ErrorScreenProps {
  readonly diagnostics: readonly Diagnostic[];
  readonly text: UiText;
}

/** Problems shown in full; the rest are counted by code, so a story broken everywhere stays readable. */
const SHOWN = 50;

/** Names the file, the JSON path, the problem and the fix, so an author can act on it. */
export function ErrorScreen({ diagnostics, text }: ErrorScreenProps) {
  const shown = diagnostics.slice(0, SHOWN);
  const omitted = new Map<string, number>();
  for (const d of diagnostics.slice(SHOWN)) omitted.set(d.code, (omitted.get(d.code) ?? 0) + 1);
  const codes = [...omitted].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${n} × ${code}`).join(', ');
  return (
    <main className="error-screen" role="alert">
      <h1>{text.errorTitle}</h1>
      <p>{text.errorLead}</p>
      <ul>
        {shown.map((d, i) => (
          <li key={i} data-code={d.code}>
            <code className="where">
              {d.file} <span className="path">{d.path}</span>
            </code>
            <span className="message">{d.message}</span>
            {d.hint && <span className="hint">{d.hint}</span>}
          </li>
        ))}
        {omitted.size > 0 && (
          <li className="more" data-more={diagnostics.length - shown.length}>
            {text.moreProblems.replace('{count}', String(diagnostics.length - shown.length)).replace('{codes}', codes)}
          </li>
        )}
      </ul>
    </main>
  );
}
