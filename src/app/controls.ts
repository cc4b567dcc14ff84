import { type UiText, languageName } from '../story';
import { type SubtitleSize, VOLUME_STEP } from './settings';

/**
 * The player's controls as data: what each is called in the viewer's language, its state and what
 * it does. Every surface that offers them (the screen's controls bar, the headset's menu, a kiosk
 * operator's panel) renders this one list its own way, so a control is defined once.
 */
export type PlayerControl = ToggleControl | ActionControl | RangeControl | SelectControl;

export type ControlId =
  | 'exit-vr'
  | 'pause'
  | 'mute'
  | 'volume'
  | 'subtitles'
  | 'subtitle-size'
  | 'language'
  | 'magic-window'
  | 'fullscreen'
  | 'enter-vr';

interface ControlBase {
  readonly id: ControlId;
  /** Its name in the viewer's language, as a button or a field shows it. */
  readonly label: string;
  /** The control and its state in words ("Subtitles: on"), for surfaces that show no state of their own. */
  readonly readout: string;
  /**
   * False when it does nothing now (no subtitles in this scene, Enter VR in the headset): surfaces
   * that flow (the screen bar) leave it out; surfaces where each control keeps its place (the
   * headset menu) keep it. A control the film or device can never use is not in the list at all.
   */
  readonly relevant: boolean;
}

/** Two states, pressed or not. */
export interface ToggleControl extends ControlBase {
  readonly kind: 'toggle';
  readonly pressed: boolean;
  readonly toggle: () => void;
}

/** Does one thing when pressed. */
export interface ActionControl extends ControlBase {
  readonly kind: 'action';
  readonly run: () => void;
}

/** A level from 0 to 1 on a grid of `step`. */
export interface RangeControl extends ControlBase {
  readonly kind: 'range';
  readonly value: number;
  readonly step: number;
  /** The value in words ("80%"). */
  readonly valueText: string;
  /** Names of a step down and a step up, for surfaces with buttons instead of a slider. */
  readonly lower: string;
  readonly higher: string;
  /** Asks for a level (kept inside 0–1 and on the grid by the player). */
  readonly set: (value: number) => void;
}

/** One of a few values. */
export interface SelectControl extends ControlBase {
  readonly kind: 'select';
  readonly value: string;
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  readonly select: (value: string) => void;
}

/** What the controls show: the viewing's state and the viewer's settings, and what the device offers. */
export interface PlayerControlsState {
  readonly paused: boolean;
  /** No sound comes out: muted, or not yet unlocked by a click. */
  readonly silent: boolean;
  /** 0 to 1. */
  readonly volume: number;
  /** Subtitles switched on (a viewer setting). */
  readonly subtitles: boolean;
  /** The scene on show has subtitles in the viewer's language. */
  readonly sceneHasSubtitles: boolean;
  readonly subtitleSize: SubtitleSize;
  readonly language: string;
  /** The film's languages. */
  readonly languages: readonly string[];
  /** In the headset now. */
  readonly immersive: boolean;
  /** The device can enter an immersive VR session. */
  readonly canEnterVR: boolean;
  /** The viewer may leave the headset's session (not at a kiosk, where the next visitor needs it). */
  readonly canExitVR: boolean;
  /** Following the phone's movement, or null where the device has no such sensor. */
  readonly magicWindow: boolean | null;
  /** The page is fullscreen, or null where it cannot be. */
  readonly fullscreen: boolean | null;
}

/** What the controls do; the player supplies them. */
export interface PlayerControlsActions {
  readonly togglePause: () => void;
  readonly toggleMute: () => void;
  readonly setVolume: (volume: number) => void;
  readonly setSubtitles: (on: boolean) => void;
  readonly setSubtitleSize: (size: SubtitleSize) => void;
  readonly setLanguage: (language: string) => void;
  readonly toggleMagicWindow: () => void;
  readonly toggleFullscreen: () => void;
  readonly enterVR: () => void;
  readonly exitVR: () => void;
}

export const SUBTITLE_SIZES: readonly SubtitleSize[] = ['small', 'medium', 'large'];

/** The player's controls, in the headset menu's order (screen-only ones last). */
export function playerControls(state: PlayerControlsState, actions: PlayerControlsActions, text: UiText): readonly PlayerControl[] {
  const named = (label: string, value: string) => `${label}${text.labelSeparator}${value}`;
  const percent = `${Math.round(state.volume * 100)}%`;
  const pauseLabel = state.paused ? text.resume : text.pause;
  const controls: PlayerControl[] = [
    ...(state.canExitVR ? [{ id: 'exit-vr', kind: 'action', label: text.exitVR, readout: text.exitVR, relevant: state.immersive, run: actions.exitVR } as const] : []),
    { id: 'pause', kind: 'toggle', label: pauseLabel, readout: pauseLabel, relevant: true, pressed: state.paused, toggle: actions.togglePause },
    {
      id: 'mute',
      kind: 'toggle',
      label: text.mute,
      // Where no slider shows the level, the mute button does.
      readout: state.silent ? text.unmute : `${text.mute} · ${percent}`,
      relevant: true,
      pressed: state.silent,
      toggle: actions.toggleMute,
    },
    {
      id: 'volume',
      kind: 'range',
      label: text.volume,
      readout: named(text.volume, percent),
      relevant: true,
      value: state.volume,
      step: VOLUME_STEP,
      valueText: percent,
      lower: text.volumeDown,
      higher: text.volumeUp,
      set: actions.setVolume,
    },
    {
      id: 'subtitles',
      kind: 'toggle',
      label: text.subtitles,
      readout: state.subtitles ? text.subtitlesOn : text.subtitlesOff,
      relevant: state.sceneHasSubtitles,
      pressed: state.subtitles,
      toggle: () => actions.setSubtitles(!state.subtitles),
    },
    {
      id: 'subtitle-size',
      kind: 'select',
      label: text.subtitleSize,
      readout: named(text.subtitleSize, sizeName(text, state.subtitleSize)),
      relevant: true,
      value: state.subtitleSize,
      options: SUBTITLE_SIZES.map((size) => ({ value: size, label: sizeName(text, size) })),
      select: (size) => actions.setSubtitleSize(SUBTITLE_SIZES.find((s) => s === size) ?? state.subtitleSize),
    },
  ];
  if (state.languages.length > 1)
    controls.push({
      id: 'language',
      kind: 'select',
      label: text.language,
      readout: named(text.language, languageName(state.language)),
      relevant: true,
      value: state.language,
      options: state.languages.map((language) => ({ value: language, label: languageName(language) })),
      select: actions.setLanguage,
    });
  if (state.magicWindow !== null)
    controls.push({
      id: 'magic-window',
      kind: 'toggle',
      label: text.moveToLook,
      readout: text.moveToLook,
      relevant: !state.immersive,
      pressed: state.magicWindow,
      toggle: actions.toggleMagicWindow,
    });
  if (state.fullscreen !== null) {
    const label = state.fullscreen ? text.exitFullscreen : text.fullscreen;
    controls.push({ id: 'fullscreen', kind: 'toggle', label, readout: label, relevant: true, pressed: state.fullscreen, toggle: actions.toggleFullscreen });
  }
  if (state.canEnterVR) controls.push({ id: 'enter-vr', kind: 'action', label: text.enterVR, readout: text.enterVR, relevant: !state.immersive, run: actions.enterVR });
  return controls;
}

/** The controls in `layout`'s order, those the list has. */
export function controlsIn(controls: readonly PlayerControl[], layout: readonly ControlId[]): PlayerControl[] {
  return layout.flatMap((id) => controls.find((c) => c.id === id) ?? []);
}

/** The option after the current one, round to the first (a button that steps through a select's values). */
export function nextOption(control: SelectControl): string {
  const at = control.options.findIndex((o) => o.value === control.value);
  return control.options[(at + 1) % control.options.length]?.value ?? control.value;
}

function sizeName(text: UiText, size: SubtitleSize): string {
  return size === 'small' ? text.sizeSmall : size === 'large' ? text.sizeLarge : text.sizeMedium;
}
