import { VOLUME_STEP } from './settings';
import type { UiText } from '../story';

export interface SoundControlsProps {
  /** 0 to 1. */
  readonly volume: number;
  /** No sound comes out: muted by the viewer, or not yet unlocked by a click (autoplay). */
  readonly silent: boolean;
  readonly text: UiText;
  readonly onToggleMute: () => void;
  readonly onVolume: (volume: number) => void;
}

/**
 * The one sound control of the controls bar: a mute toggle (which is also the tap-to-unmute of a
 * viewing that started without a click) and a volume slider, both for video sound and narration.
 * The slider is a native range input, so arrow keys, Page Up/Down, Home and End work on it.
 */
export function SoundControls({ volume, silent, text, onToggleMute, onVolume }: SoundControlsProps) {
  const percent = Math.round(volume * 100);
  return (
    <div className="sound-controls" role="group" aria-label={text.volume}>
      <button type="button" className="mute" aria-pressed={silent} onClick={onToggleMute}>
        {text.mute}
      </button>
      <label className="volume">
        <span className="visually-hidden">{text.volume}</span>
        <input
          type="range"
          min={0}
          max={100}
          step={VOLUME_STEP * 100}
          value={percent}
          aria-valuetext={`${percent}%`}
          onChange={(e) => onVolume(Number(e.target.value) / 100)}
        />
      </label>
    </div>
  );
}
