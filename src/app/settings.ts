import type { SaveStorage } from '../story';
import { readJson } from './storage';

/** How long viewers get to choose (WCAG 2.2.1: time limits can be lengthened or switched off). */
export type ChoiceTime = 'normal' | 'longer' | 'off';

export interface ViewerSettings {
  readonly choiceTime: ChoiceTime;
  /** Show subtitles where the scene has them in the viewer's language. */
  readonly subtitles: boolean;
}

const KEY = 'sightline.settings';
export const DEFAULT_SETTINGS: ViewerSettings = { choiceTime: 'normal', subtitles: true };

/** The multiplier the story machine applies to choice time limits; null switches them off. */
export const choiceTimeScale = (time: ChoiceTime): number | null => (time === 'off' ? null : time === 'longer' ? 3 : 1);

export function readSettings(storage: SaveStorage): ViewerSettings {
  const raw = readJson(storage, KEY) as { choiceTime?: unknown; subtitles?: unknown } | null;
  const choiceTime = raw?.choiceTime;
  return {
    choiceTime: choiceTime === 'longer' || choiceTime === 'off' ? choiceTime : 'normal',
    subtitles: raw?.subtitles !== false,
  };
}

export const writeSettings = (storage: SaveStorage, settings: ViewerSettings) => storage.write(KEY, JSON.stringify(settings));
