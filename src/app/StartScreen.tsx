import { useState } from 'react';
import { type Provenance, type StoryPackage, type StorySnapshot, localize, uiText } from '../story';
import { AiLabel } from './AiLabel';
import type { ChoiceTime, SubtitleSize } from './settings';

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
  /** What made the film's assets: the start screen labels AI-generated content. */
  readonly provenance: Provenance | null;
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
      <AiLabel provenance={props.provenance} text={text} />
      {props.staleSave && (
        <p className="notice-inline" role="note">
          {text.staleSave} {props.staleSave}.
        </p>
      )}
      <div className="options">
        {story.languages.length > 1 && (
          <Picker label={text.language} value={language} onChange={setLanguage} options={story.languages.map((l) => [l, LANGUAGE_NAMES[l] ?? l, l])} />
        )}
        {editions.length > 1 && !resumable && (
          <Picker label={text.edition} value={edition ?? ''} onChange={setEdition} options={editions.map(([id, e]) => [id, t(e.title)])} />
        )}
        <Picker<ChoiceTime>
          label={text.choiceTime}
          value={choiceTime}
          onChange={setChoiceTime}
          options={[['normal', text.choiceTimeNormal], ['longer', text.choiceTimeLonger], ['off', text.choiceTimeOff]]}
        />
        <Picker<SubtitleSize>
          label={text.subtitleSize}
          value={subtitleSize}
          onChange={setSubtitleSize}
          options={[['small', text.sizeSmall], ['medium', text.sizeMedium], ['large', text.sizeLarge]]}
        />
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

interface PickerProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly onChange: (value: T) => void;
  /** Value, label, and the label's language where it is not the page's. */
  readonly options: ReadonlyArray<readonly [value: T, label: string, lang?: string]>;
}

/** One labelled setting of the start screen. */
function Picker<T extends string>({ label, value, onChange, options }: PickerProps<T>) {
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, text, lang]) => (
          <option key={v} value={v} lang={lang}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
