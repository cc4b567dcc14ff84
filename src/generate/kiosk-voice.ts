import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { uiText } from '../story';
import { speakNarration } from './pipeline';

/**
 * The kiosk's spoken warning before a reset (`public/kiosk/countdown.<language>.ogg`): the same
 * words the countdown shows, spoken by the pipeline's voices. Run after changing those words
 * (`npm run generate:kiosk-voice`; needs Debian's espeak-ng and ffmpeg). Outputs are committed.
 */
export const KIOSK_VOICE_LANGUAGES = ['en', 'zh-CN'] as const;

const out = resolve(import.meta.dirname, '../../public/kiosk');

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(out, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'kiosk-voice-'));
  try {
    for (const language of KIOSK_VOICE_LANGUAGES) {
      const text = uiText(language);
      const file = join(out, `countdown.${language}.ogg`);
      speakNarration({ lines: [text.stillThere, text.keepWatching], language, outAudio: file, outVtt: join(scratch, `${language}.vtt`) });
      console.log(`wrote ${file}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
