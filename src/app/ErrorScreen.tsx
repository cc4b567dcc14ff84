import type { Diagnostic, UiText } from '../story';

export interface ErrorScreenProps {
  readonly diagnostics: readonly Diagnostic[];
  readonly text: UiText;
}

/** Names the file, the JSON path, the problem and the fix, so an author can act on it. */
export function ErrorScreen({ diagnostics, text }: ErrorScreenProps) {
  return (
    <main className="error-screen" role="alert">
      <h1>{text.errorTitle}</h1>
      <p>{text.errorLead}</p>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={i} data-code={d.code}>
            <code className="where">
              {d.file} <span className="path">{d.path}</span>
            </code>
            <span className="message">{d.message}</span>
            {d.hint && <span className="hint">{d.hint}</span>}
          </li>
        ))}
      </ul>
    </main>
  );
}
