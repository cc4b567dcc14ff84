import { useEffect } from 'react';
import { uiText } from '../story';

export interface ResetCountdownProps {
  readonly secondsLeft: number;
  readonly language: string;
}

/** Languages the kiosk has a spoken warning for (`public/kiosk/countdown.<language>.ogg`). */
export const SPOKEN_COUNTDOWN_LANGUAGES = ['en', 'zh-CN'];

/**
 * Before a kiosk resets: a large countdown on the page, and the warning spoken once, in the
 * visitor's language (the headset shows it as a caption too). Any motion or input cancels it.
 */
export function ResetCountdown({ secondsLeft, language }: ResetCountdownProps) {
  const text = uiText(language);
  useEffect(() => {
    const spoken = SPOKEN_COUNTDOWN_LANGUAGES.find((l) => l === language) ?? (language.startsWith('zh') ? 'zh-CN' : 'en');
    const audio = new Audio(new URL(`kiosk/countdown.${spoken}.ogg`, document.baseURI).href);
    // Sound may still be locked (no tap yet): the countdown is seen, if not heard.
    audio.play().catch(() => {});
    return () => audio.pause();
  }, [language]);
  return (
    <div className="reset-countdown" role="alert" data-seconds={secondsLeft}>
      <p className="reset-question">{text.stillThere}</p>
      <p className="reset-time">
        {text.startsOverIn} <span className="reset-seconds">{secondsLeft}</span> {text.secondsShort}
      </p>
      <p className="reset-hint">{text.keepWatching}</p>
    </div>
  );
}
