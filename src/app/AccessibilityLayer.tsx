import type { UiText } from '../story';

export interface LookTarget {
  readonly id: string;
  readonly label: string;
  readonly yaw: number;
  readonly pitch: number;
  /** Already looked at long enough. */
  readonly seen: boolean;
}

export interface AccessibilityLayerProps {
  readonly announcement: string;
  readonly text: UiText;
  readonly hotspots: readonly LookTarget[];
  readonly choices: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly onLookAt: (hotspot: LookTarget) => void;
  readonly onChoose: (id: string) => void;
  readonly onFocusChoice: (id: string | null) => void;
}

/**
 * The film in the DOM, beside the canvas: a live region for announcements, real buttons for the
 * choices, and "Look at" buttons for hotspots (hidden until focused, so they do not spoil the
 * search). Story text is rendered as text nodes only.
 */
export function AccessibilityLayer(props: AccessibilityLayerProps) {
  const { text } = props;
  return (
    <div className="a11y">
      <p className="announcement" role="status" aria-live="polite" aria-atomic="true">
        {props.announcement}
      </p>
      {props.hotspots.length > 0 && (
        <nav className="look-at" aria-label={text.lookAtGroup}>
          {props.hotspots.map((h) => (
            <button key={h.id} type="button" className="sr-only-focusable" data-hotspot={h.id} data-seen={h.seen} onClick={() => props.onLookAt(h)}>
              {text.lookAt}: {h.label}
            </button>
          ))}
        </nav>
      )}
      {props.choices.length > 0 && (
        <div className="choices" role="group" aria-label={text.choices}>
          {props.choices.map((c) => (
            <button
              key={c.id}
              type="button"
              data-choice={c.id}
              onClick={() => props.onChoose(c.id)}
              onFocus={() => props.onFocusChoice(c.id)}
              onBlur={() => props.onFocusChoice(null)}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
