import type { SaveStorage } from '../story';
import { readJson } from './storage';

/** How long viewers get to choose (WCAG 2.2.1: time limits can be lengthened or switched off). */
export type ChoiceTime = 'normal' | 'longer' | 'off';

export type SubtitleSize = 'small' | 'medium' | 'large';

export interface ViewerSettings {
  readonly choiceTime: ChoiceTime;
  /** Show subtitles where the scene has them in the viewer's language. */
  readonly subtitles: boolean;
  readonly subtitleSize: SubtitleSize;
  /** Loudness of video sound and narration, 0 to 1. */
  readonly volume: number;
  /** Sound switched off by the viewer (kept apart from volume, so unmuting restores the level). */
  readonly muted: boolean;
}

/** The step of the volume controls (slider, keys, headset menu buttons). */
export const VOLUME_STEP = 0.1;

/** A volume kept inside 0–1 and on the step grid, so repeated steps never drift. */
export const clampVolume = (volume: number) => Math.min(1, Math.max(0, Math.round(volume / VOLUME_STEP) / Math.round(1 / VOLUME_STEP)));

/** How much larger than the medium size subtitles are drawn, on screen and in the headset. */
export const SUBTITLE_SCALE: Record<SubtitleSize, number> = { small: 0.8, medium: 1, large: 1.4 };

const KEY = 'sightline.settings';
export const DEFAULT_SETTINGS: ViewerSettings = { choiceTime: 'normal', subtitles: true, subtitleSize: 'medium', volume: 0.8, muted: false };

/** The multiplier the story machine applies to choice time limits; null switches them off. */
export const choiceTimeScale = (time: ChoiceTime): number | null => (time === 'off' ? null : time === 'longer' ? 3 : 1);

export function readSettings(storage: SaveStorage): ViewerSettings {
  // Anything stored that is not a known value falls back to the default, field by field.
  const raw = (readJson(storage, KEY) ?? {}) as { choiceTime?: unknown; subtitles?: unknown; subtitleSize?: unknown; volume?: unknown; muted?: unknown };
  const oneOf = <T,>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  return {
    choiceTime: oneOf(raw.choiceTime, ['normal', 'longer', 'off'] as const, DEFAULT_SETTINGS.choiceTime),
    subtitles: oneOf(raw.subtitles, [true, false], DEFAULT_SETTINGS.subtitles),
    subtitleSize: oneOf(raw.subtitleSize, ['small', 'medium', 'large'] as const, DEFAULT_SETTINGS.subtitleSize),
    volume: typeof raw.volume === 'number' && Number.isFinite(raw.volume) ? clampVolume(raw.volume) : DEFAULT_SETTINGS.volume,
    muted: oneOf(raw.muted, [true, false], DEFAULT_SETTINGS.muted),
  };
}

export const writeSettings = (storage: SaveStorage, settings: ViewerSettings) => storage.write(KEY, JSON.stringify(settings));
