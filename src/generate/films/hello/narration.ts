import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseWebVtt } from '../../../story';

/**
 * Speaks the bundled film's subtitles as its narration: every cue of a scene's WebVTT track is read
 * by espeak-ng in the track's language and placed at the cue's start, so narration and subtitles
 * say the same thing at the same time. Output: one small mono Opus/Ogg per scene and language,
 * written beside the track (`hall.vtt` → `hall.ogg`); story.json names them under `narration`.
 * Needs Debian's espeak-ng and ffmpeg; outputs are committed, so CI never runs this.
 * Run: npx tsx src/generate/films/hello/narration.ts [film folder]
 */
const FILM_DIR = resolve(import.meta.dirname, '../../../../scenes/hello');

/** espeak-ng's voice for each of the film's languages (Mandarin is `cmn`). */
const VOICES: Record<string, string> = { en: 'en-gb', 'zh-CN': 'cmn' };
/** Words a minute: a calm narrator, still inside each cue. */
const SPEED = 150;

interface Story {
  readonly scenes: Record<string, { readonly subtitles?: Record<string, string> }>;
}

function speakTrack(dir: string, vttPath: string, language: string, out: string, work: string): void {
  const voice = VOICES[language];
  if (!voice) throw new Error(`narration: no espeak-ng voice for "${language}"; add one to VOICES`);
  const cues = parseWebVtt(readFileSync(join(dir, vttPath), 'utf8'));
  const inputs: string[] = [];
  const delays: string[] = [];
  cues.forEach((cue, i) => {
    const wav = join(work, `${i}.wav`);
    // Spoken faster where the calm pace would run past the cue (Mandarin needs more time).
    let speed = SPEED;
    for (let tries = 0; tries < 4; tries++) {
      execFileSync('espeak-ng', ['-v', voice, '-s', String(speed), '-w', wav, cue.text]);
      const seconds = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', wav], { encoding: 'utf8' }));
      const room = (cue.endMs - cue.startMs) / 1000;
      if (seconds <= room) break;
      speed = Math.ceil((speed * seconds) / room) + 5;
    }
    inputs.push('-i', wav);
    delays.push(`[${i}:a]adelay=${Math.round(cue.startMs)}:all=1[c${i}]`);
  });
  // Each cue delayed to its start, then mixed without amix's per-input volume drop.
  const mix = `${delays.join(';')};${cues.map((_, i) => `[c${i}]`).join('')}amix=inputs=${cues.length}:normalize=0,aresample=48000[out]`;
  execFileSync('ffmpeg', [
    '-y', '-loglevel', 'error', ...inputs,
    '-filter_complex', mix, '-map', '[out]',
    '-ac', '1', '-c:a', 'libopus', '-b:a', '24k', '-application', 'voip',
    '-map_metadata', '-1', '-flags', '+bitexact', '-fflags', '+bitexact',
    out,
  ]);
}

export function main(dir = FILM_DIR): void {
  const story = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')) as Story;
  for (const [id, scene] of Object.entries(story.scenes)) {
    for (const [language, vtt] of Object.entries(scene.subtitles ?? {})) {
      const out = join(dir, vtt.replace(/\.vtt$/, '.ogg'));
      const work = mkdtempSync(join(tmpdir(), 'narration-'));
      try {
        speakTrack(dir, vtt, language, out, work);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      console.log(`${id} ${language}: ${out} ${Math.round(statSync(out).size / 1024)} KB`);
    }
  }
}

main(process.argv[2] ? resolve(process.argv[2]) : FILM_DIR);
