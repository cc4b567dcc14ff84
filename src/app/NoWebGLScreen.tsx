import type { UiText } from '../story';

/** What the viewer sees where the browser cannot draw the film, and what to try. */
export function NoWebGLScreen({ text }: { readonly text: UiText }) {
  return (
    <main className="error-screen no-webgl" role="alert">
      <h1>{text.noWebGLTitle}</h1>
      <p>{text.noWebGLLead}</p>
      <ul>
        <li>{text.noWebGLAcceleration}</li>
        <li>{text.noWebGLUpdate}</li>
        <li>{text.noWebGLOtherBrowser}</li>
      </ul>
    </main>
  );
}
