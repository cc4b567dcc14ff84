import { type ControlId, type PlayerControl, controlsIn } from './controls';

export interface ControlsBarProps {
  readonly controls: readonly PlayerControl[];
}

/** The sound pair, one group at the start of the bar, named after the level. */
const SOUND: readonly ControlId[] = ['mute', 'volume'];
/** The rest of the bar, left to right. */
const BAR: readonly ControlId[] = ['subtitles', 'language', 'pause', 'magic-window', 'fullscreen', 'enter-vr'];
/** Class names on the page (tests, styles) where they differ from the control's id. */
const CLASS_NAME: Partial<Record<ControlId, string>> = { subtitles: 'subtitles-toggle' };

/**
 * The screen's controls bar: the player's controls that do something now, as native elements
 * (toggles are buttons with `aria-pressed`, a level is a range input, so arrow keys, Page Up/Down,
 * Home and End work on it; a select is a select). It wraps on narrow screens.
 */
export function ControlsBar({ controls }: ControlsBarProps) {
  const shown = controls.filter((c) => c.relevant);
  const sound = controlsIn(shown, SOUND);
  const level = sound.find((c) => c.kind === 'range');
  return (
    <div className="controls" ref={trackControlsHeight}>
      {sound.length > 0 && (
        <div className="sound-controls" role="group" aria-label={level?.label}>
          {sound.map((c) => (
            <ScreenControl key={c.id} control={c} />
          ))}
        </div>
      )}
      {controlsIn(shown, BAR).map((c) => (
        <ScreenControl key={c.id} control={c} />
      ))}
    </div>
  );
}

function ScreenControl({ control }: { control: PlayerControl }) {
  const className = CLASS_NAME[control.id] ?? control.id;
  switch (control.kind) {
    case 'toggle':
      return (
        <button type="button" className={className} aria-pressed={control.pressed} onClick={() => control.toggle()}>
          {control.label}
        </button>
      );
    case 'action':
      return (
        <button type="button" className={className} onClick={() => control.run()}>
          {control.label}
        </button>
      );
    case 'select':
      return (
        <select className={className} aria-label={control.label} value={control.value} onChange={(e) => control.select(e.target.value)}>
          {control.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'range': {
      const percent = Math.round(control.value * 100);
      return (
        <label className={className}>
          <span className="visually-hidden">{control.label}</span>
          <input
            type="range"
            min={0}
            max={100}
            step={control.step * 100}
            value={percent}
            aria-valuetext={control.valueText}
            onChange={(e) => control.set(Number(e.target.value) / 100)}
          />
        </label>
      );
    }
  }
}

/**
 * Keeps `--controls-height` on the player at the controls bar's height, which grows when its
 * buttons wrap on narrow screens, so subtitles stay above it. (A ref callback with cleanup.)
 */
function trackControlsHeight(bar: HTMLDivElement | null) {
  const player = bar?.parentElement;
  if (!bar || !player) return;
  const observer = new ResizeObserver(() => player.style.setProperty('--controls-height', `${bar.offsetHeight}px`));
  observer.observe(bar);
  return () => observer.disconnect();
}
