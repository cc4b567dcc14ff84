import { useState } from 'react';
import { type StoryPackage, type StorySnapshot, localize } from '../story';
import type { ChoiceTime, SubtitleSize } from './settings';
import { uiText } from './ui-text';

export interface StartChoice {
  readonly language: string;
  readonly edition: string | null;
  readonly choiceTime: ChoiceTime;
  readonly subtitleSize: SubtitleSize;
  /** The saved place to continue from, or null to start from the beginning. */
  readonly resume: StorySnapshot | null;
}

export interface StartScreenProps {
  readonly story: StoryPackage;
  readonly language: string;
  readonly edition: string | null;
  readonly choiceTime: ChoiceTime;
  readonly subtitleSize: SubtitleSize;
  /** A saved place that still fits the film. */
  readonly resumable: { readonly snapshot: StorySnapshot; readonly language: string } | null;
  /** Why a saved place was discarded, to tell the viewer. */
  readonly staleSave: string | null;
  /** The Play click is the user gesture that later unlocks sound and XR. */
  readonly onPlay: (choice: StartChoice) => void;
}

/** Native names of languages, so each viewer finds their own. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文', ja: '日本語', fr: 'Français', de: 'Deutsch', es: 'Español' };

export function StartScreen(props: StartScreenProps) {
  const { story } = props;
  const [language, setLanguage] = useState(props.language);
  const [edition, setEdition] = useState(props.edition);
  const [choiceTime, setChoiceTime] = useState(props.choiceTime);
  const [subtitleSize, setSubtitleSize] = useState(props.subtitleSize);
  const text = uiText(language);
  const t = (value: Parameters<typeof localize>[0]) => localize(value, language, story.languages);
  const editions = Object.entries(story.editions);
  const start = (resume: StorySnapshot | null) => onPlay({ language, edition: resume?.context.edition ?? edition, choiceTime, subtitleSize, resume });
  const { onPlay, resumable } = props;
  return (
    <main className="start-screen" lang={language}>
      <h1>{t(story.title)}</h1>
      {props.staleSave && (
        <p className="notice-inline" role="note">
          {text.staleSave} {props.staleSave}.
        </p>
      )}
      <div className="options">
        {story.languages.length > 1 && (
          <label>
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
        {editions.length > 1 && !resumable && (
          <label>
            <span>{text.edition}</span>
            <select value={edition ?? ''} onChange={(e) => setEdition(e.target.value)}>
              {editions.map(([id, e]) => (
                <option key={id} value={id}>
                  {t(e.title)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{text.choiceTime}</span>
          <select value={choiceTime} onChange={(e) => setChoiceTime(e.target.value as ChoiceTime)}>
            <option value="normal">{text.choiceTimeNormal}</option>
            <option value="longer">{text.choiceTimeLonger}</option>
            <option value="off">{text.choiceTimeOff}</option>
          </select>
        </label>
        <label>
          <span>{text.subtitleSize}</span>
          <select value={subtitleSize} onChange={(e) => setSubtitleSize(e.target.value as SubtitleSize)}>
            <option value="small">{text.sizeSmall}</option>
            <option value="medium">{text.sizeMedium}</option>
            <option value="large">{text.sizeLarge}</option>
          </select>
        </label>
      </div>
      {resumable ? (
        <div className="resume" role="group" aria-label={text.resumeQuestion}>
          <p>{text.resumeQuestion}</p>
          <button type="button" className="play" onClick={() => start(resumable.snapshot)} autoFocus>
            ▶ {text.continue}
          </button>
          <button type="button" className="secondary" onClick={() => start(null)}>
            {text.startOver}
          </button>
        </div>
      ) : (
        <button type="button" className="play" onClick={() => start(null)} autoFocus>
          ▶ {text.play}
        </button>
      )}
    </main>
  );
}
