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
}

/** How much larger than the medium size subtitles are drawn, on screen and in the headset. */
export const SUBTITLE_SCALE: Record<SubtitleSize, number> = { small: 0.8, medium: 1, large: 1.4 };

const KEY = 'sightline.settings';
export const DEFAULT_SETTINGS: ViewerSettings = { choiceTime: 'normal', subtitles: true, subtitleSize: 'medium' };

/** The multiplier the story machine applies to choice time limits; null switches them off. */
export const choiceTimeScale = (time: ChoiceTime): number | null => (time === 'off' ? null : time === 'longer' ? 3 : 1);

export function readSettings(storage: SaveStorage): ViewerSettings {
  // Anything stored that is not a known value falls back to the default, field by field.
  const raw = (readJson(storage, KEY) ?? {}) as { choiceTime?: unknown; subtitles?: unknown; subtitleSize?: unknown };
  const oneOf = <T,>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  return {
    choiceTime: oneOf(raw.choiceTime, ['normal', 'longer', 'off'] as const, DEFAULT_SETTINGS.choiceTime),
    subtitles: oneOf(raw.subtitles, [true, false], DEFAULT_SETTINGS.subtitles),
    subtitleSize: oneOf(raw.subtitleSize, ['small', 'medium', 'large'] as const, DEFAULT_SETTINGS.subtitleSize),
  };
}

export const writeSettings = (storage: SaveStorage, settings: ViewerSettings) => storage.write(KEY, JSON.stringify(settings));
