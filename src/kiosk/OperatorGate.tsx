import { useEffect, useRef, useState } from 'react';
import { uiText } from '../story';

export interface OperatorGateProps {
  readonly pin: string;
  readonly language: string;
  readonly onOpen: () => void;
  readonly onCancel: () => void;
}

/** The operator's PIN, asked before the panel opens. */
export function OperatorGate({ pin, language, onOpen, onCancel }: OperatorGateProps) {
  const text = uiText(language);
  const [entered, setEntered] = useState('');
  const [wrong, setWrong] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="operator-gate"
      role="dialog"
      aria-modal="true"
      aria-label={text.operatorPanel}
      onSubmit={(e) => {
        e.preventDefault();
        if (entered === pin) onOpen();
        else {
          setWrong(true);
          setEntered('');
        }
      }}
    >
      <label>
        {text.operatorPin}
        <input ref={input} name="pin" type="password" inputMode="numeric" autoComplete="off" value={entered} onChange={(e) => setEntered(e.target.value.replace(/\D/g, '').slice(0, 8))} />
      </label>
      {wrong && <p role="alert">{text.operatorWrongPin}</p>}
      <button type="submit">{text.operatorOpen}</button>
      <button type="button" onClick={onCancel}>
        {text.operatorClose}
      </button>
    </form>
  );
}

/** How long a press in the top-left corner must last to ask for the PIN. */
export const CORNER_PRESS_MS = 3000;

/**
 * Asks for the operator: the key chord Ctrl+Alt+O, or a long press in the screen's top-left corner
 * (a touch screen has no keyboard). Visitors meet neither by chance.
 */
export function useOperatorTrigger(onAsk: () => void): React.ReactNode {
  const ask = useRef(onAsk);
  ask.current = onAsk;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.altKey && e.code === 'KeyO') {
        e.preventDefault();
        ask.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const press = useRef<number | undefined>(undefined);
  const release = () => window.clearTimeout(press.current);
  return (
    <div
      className="operator-corner"
      aria-hidden="true"
      onPointerDown={() => {
        release();
        press.current = window.setTimeout(() => ask.current(), CORNER_PRESS_MS);
      }}
      onPointerUp={release}
      onPointerLeave={release}
      onPointerCancel={release}
    />
  );
}
