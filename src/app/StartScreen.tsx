import { useState } from 'react';
import { type StoryPackage, localize } from '../story';
import { uiText } from './ui-text';

export interface StartScreenProps {
  readonly story: StoryPackage;
  readonly language: string;
  /** The Play click is the user gesture that later unlocks sound and XR. */
  readonly onPlay: (language: string) => void;
}

/** Native names of languages, so each viewer finds their own. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文', ja: '日本語', fr: 'Français', de: 'Deutsch', es: 'Español' };

export function StartScreen({ story, language: initial, onPlay }: StartScreenProps) {
  const [language, setLanguage] = useState(initial);
  const text = uiText(language);
  return (
    <main className="start-screen" lang={language}>
      <h1>{localize(story.title, language, story.languages)}</h1>
      {story.languages.length > 1 && (
        <label className="language-picker">
          <span>{text.language}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value)}>
            {story.languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l] ?? l}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="play" onClick={() => onPlay(language)} autoFocus>
        ▶ {text.play}
      </button>
    </main>
  );
}
