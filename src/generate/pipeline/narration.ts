/**
 * A scene's narration from its script's lines: each line spoken by espeak-ng on its own, measured,
 * and laid out after a lead-in with a short gap between lines, so the WebVTT written beside it has
 * one cue exactly where each line is heard (a long line gets two cues, split at its punctuation
 * where the voice pauses). Encoded bit-exact as mono Opus in Ogg, like src/generate/films/hello/narration.ts:
 * the same lines give the same bytes.
 *
 * English is read by the en-gb voice. Debian's espeak-ng reads Chinese characters badly, so
 * Simplified Chinese is first converted to numbered pinyin ("ni3 hao3") with pinyin-pro, which
 * resolves polyphones from context, and read by the cmn-latn-pinyin voice; Chinese punctuation
 * stays as pauses. Needs Debian's espeak-ng (with cmn-latn-pinyin) and ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { floats } from './spectrum';

/** The rate lines are laid out at and encoded from: Opus's own. */
const RATE = 48000;
/** Silence before the first line, ms. */
export const LEAD_IN_MS = 600;
/** Silence between lines, ms. */
export const GAP_MS = 450;
/** Silence after the last line, ms. */
const TAIL_MS = 400;
/** A sample louder than this is voice (espeak-ng peaks near 0.5); quieter is silence. */
const VOICE_THRESHOLD = 0.004;
/** Kept around the voice when trimming espeak-ng's own leading and trailing silence, ms. */
const EDGE_MS = 15;
const BITRATE = '24k';

/** One subtitle cue, times in ms from the start of the audio. */
export interface NarrationCue {
  readonly startMs: number;
  readonly endMs: number;
  readonly text: string;
}

export interface SpeakOptions {
  /** The lines the narrator speaks, in order. */
  readonly lines: readonly string[];
  /** "en" or "zh-CN" (also "en-GB", "zh", "zh-Hans"). */
  readonly language: string;
  /** The .ogg to write. */
  readonly outAudio: string;
  /** The .vtt to write. */
  readonly outVtt: string;
  /** A folder for intermediate files; a temporary one (removed after) by default. */
  readonly work?: string;
}

export interface SpokenNarration {
  /** Length of the written audio, ms. */
  readonly durationMs: number;
  readonly cues: readonly NarrationCue[];
  /** The espeak-ng voice. */
  readonly voice: string;
  readonly parameters: Record<string, unknown>;
}

export interface Voice {
  readonly voice: string;
  /** Words a minute. */
  readonly speed: number;
  readonly pitch: number;
  /** What espeak-ng is given for a line. */
  readonly spoken: (line: string) => string;
  /** Lines longer than this (in characters) are given two cues. */
  readonly maxCueChars: number;
  /** How much of a line's time a character takes, relatively (for placing a split). */
  readonly weight: (ch: string) => number;
}

const ENGLISH: Voice = {
  voice: 'en-gb',
  speed: 150,
  pitch: 45,
  spoken: (line) => line,
  maxCueChars: 84,
  weight: (ch) => (/[\p{L}\p{N}]/u.test(ch) ? 1 : /[,;:.!?—–]/.test(ch) ? 3 : 0.3),
};

const MANDARIN: Voice = {
  voice: 'cmn-latn-pinyin',
  // Each pinyin syllable is a "word" to espeak-ng: 175 a minute is a calm Mandarin narrator.
  speed: 175,
  pitch: 45,
  spoken: (line) => toPinyin(line),
  maxCueChars: 30,
  weight: (ch) => (/\p{Script=Han}/u.test(ch) ? 1 : /[，。；：！？、,.;:!?]/.test(ch) ? 1.5 : /[\p{L}\p{N}]/u.test(ch) ? 0.4 : 0),
};

/** The voice for a language tag, or an Error naming it. */
export function voiceFor(language: string): Voice {
  const tag = language.toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return ENGLISH;
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-hans' || tag === 'zh-hans-cn' || tag === 'cmn') return MANDARIN;
  throw new Error(`narration: no espeak-ng voice for language "${language}" (there are voices for en and zh-CN)`);
}

/** Chinese punctuation → what espeak-ng pauses at; quotes and brackets are dropped. */
const PUNCTUATION: Record<string, string> = {
  '，': ',', '、': ',', '。': '.', '．': '.', '！': '!', '？': '?', '；': ';', '：': ':', '…': '.', '—': ',', '～': ',', '·': ' ',
  '“': ' ', '”': ' ', '‘': ' ', '’': ' ', '「': ' ', '」': ' ', '『': ' ', '』': ' ', '《': ' ', '》': ' ', '（': ',', '）': ',', '【': ' ', '】': ' ',
};

/**
 * Chinese text as numbered pinyin for espeak-ng's cmn-latn-pinyin voice: syllables separated by
 * spaces, tones as digits (the neutral tone as 5), ü as v, Chinese punctuation as ASCII pauses,
 * anything else (Latin words, digits) kept. "你好，穹顶" → "ni3 hao3, qiong2 ding3".
 */
export function toPinyin(text: string): string {
  const tokens = pinyin(text, { toneType: 'num', type: 'array', nonZh: 'consecutive', v: true });
  let out = '';
  for (const token of tokens) {
    if (/^[a-zv]+[0-5]$/i.test(token)) {
      out += ` ${token.replace(/0$/, '5')}`;
      continue;
    }
    const mapped = [...token].map((ch) => PUNCTUATION[ch] ?? ch).join('');
    // Pauses attach to the syllable before them; other text stands as its own word.
    out += /^[\s,.!?;:]/.test(mapped) ? mapped : ` ${mapped}`;
  }
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/([,.!?;:])(?:\s*[,.!?;:])+/g, '$1')
    .replace(/^[\s,.!?;:]+/, '')
    .trim();
}

/** One line spoken, as mono float samples at RATE, with espeak-ng's own silences trimmed. */
function speakLine(voice: Voice, text: string, index: number, work: string): Float32Array {
  const wav = join(work, `line-${index}.wav`);
  execFileSync('espeak-ng', ['-v', voice.voice, '-s', String(voice.speed), '-p', String(voice.pitch), '-w', wav, '--', text]);
  const pcm = floats(execFileSync('ffmpeg', ['-v', 'error', '-i', wav, '-ac', '1', '-ar', String(RATE), '-f', 'f32le', '-'], { maxBuffer: 1 << 28 }));
  let first = pcm.findIndex((s) => Math.abs(s) > VOICE_THRESHOLD);
  if (first < 0) throw new Error(`narration: espeak-ng said nothing for line ${index + 1} ("${text}")`);
  let last = pcm.length - 1;
  while (last > first && Math.abs(pcm[last]!) <= VOICE_THRESHOLD) last--;
  const edge = Math.round((EDGE_MS / 1000) * RATE);
  first = Math.max(0, first - edge);
  last = Math.min(pcm.length - 1, last + edge);
  const line = pcm.slice(first, last + 1);
  // Short fades at the cut edges: no click where espeak-ng's silence was trimmed.
  const fade = Math.min(edge, line.length >> 1);
  for (let i = 0; i < fade; i++) {
    line[i]! *= i / fade;
    line[line.length - 1 - i]! *= i / fade;
  }
  return line;
}

/**
 * Where to split a long line's text in two: at the punctuation nearest its middle (by weight), or
 * null when it has none there. Returns the index the second part starts at.
 */
function textSplit(text: string, voice: Voice): number | null {
  const chars = [...text];
  const total = chars.reduce((sum, ch) => sum + voice.weight(ch), 0);
  let best: { at: number; distance: number } | null = null;
  let before = 0;
  chars.forEach((ch, i) => {
    before += voice.weight(ch);
    if (!/[,，;；:：.。!！?？、—–]/.test(ch) || i === chars.length - 1) return;
    const distance = Math.abs(before / total - 0.5);
    if (distance < 0.3 && (!best || distance < best.distance)) best = { at: i + 1, distance };
  });
  if (!best) return null;
  return chars.slice(0, (best as { at: number }).at).join('').length;
}

/**
 * The sample where a line's voice pauses nearest to `share` of its length: the quietest 60 ms
 * within a fifth of the line either side, so a split cue changes where the voice does.
 */
function pauseNear(line: Float32Array, share: number): number {
  const frame = Math.round(0.01 * RATE);
  const frames = Math.floor(line.length / frame);
  const rms = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    let e = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) e += line[i]! * line[i]!;
    rms[f] = e;
  }
  const centre = Math.round(share * frames);
  const reach = Math.round(0.2 * frames);
  let best = centre;
  let bestEnergy = Infinity;
  for (let f = Math.max(3, centre - reach); f <= Math.min(frames - 4, centre + reach); f++) {
    const e = rms[f - 3]! + rms[f - 2]! + rms[f - 1]! + rms[f]! + rms[f + 1]! + rms[f + 2]!;
    // Ties (true silence) go to the frame nearest the proportional point.
    if (e < bestEnergy - 1e-9 || (Math.abs(e - bestEnergy) <= 1e-9 && Math.abs(f - centre) < Math.abs(best - centre))) {
      bestEnergy = e;
      best = f;
    }
  }
  return best * frame;
}

const ms = (samples: number) => Math.round((samples / RATE) * 1000);

function timestamp(value: number): string {
  const h = Math.floor(value / 3_600_000);
  const m = Math.floor(value / 60_000) % 60;
  const s = Math.floor(value / 1000) % 60;
  const pad = (x: number, n = 2) => String(x).padStart(n, '0');
  return `${h > 0 ? `${pad(h)}:` : ''}${pad(m)}:${pad(s)}.${pad(value % 1000, 3)}`;
}

/** Cue text as WebVTT cue text: one line, markup characters escaped. */
const vttText = (text: string) =>
  text.replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/-->/g, '→');

/** A WebVTT file with these cues. */
export function webVtt(cues: readonly NarrationCue[]): string {
  return `WEBVTT\n\n${cues.map((c, i) => `${i + 1}\n${timestamp(c.startMs)} --> ${timestamp(c.endMs)}\n${vttText(c.text)}\n`).join('\n')}`;
}

const require = createRequire(import.meta.url);

function versions(voice: Voice): Record<string, string> {
  const espeak = execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }).replace(/\s+Data at:.*$/s, '').trim();
  const ffmpeg = execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  const out: Record<string, string> = { espeak, ffmpeg };
  if (voice === MANDARIN) out['pinyin-pro'] = (JSON.parse(readFileSync(require.resolve('pinyin-pro/package.json'), 'utf8')) as { version: string }).version;
  return out;
}

/**
 * Speaks `lines` in `language` into `outAudio` (mono Opus in Ogg, bit-exact) and writes `outVtt`
 * with a cue per line where it is heard. Throws an Error naming the language when there is no
 * voice for it. Synchronous (awaiting it is harmless).
 */
export function speakNarration({ lines, language, outAudio, outVtt, work }: SpeakOptions): SpokenNarration {
  const voice = voiceFor(language);
  const said = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (said.length === 0) throw new Error(`narration: no lines to speak in "${language}"`);
  const dir = work ?? mkdtempSync(join(tmpdir(), 'narration-'));
  try {
    const spoken = said.map((line) => voice.spoken(line));
    const voiced = spoken.map((text, i) => speakLine(voice, text, i, dir));
    const lead = Math.round((LEAD_IN_MS / 1000) * RATE);
    const gap = Math.round((GAP_MS / 1000) * RATE);
    const tail = Math.round((TAIL_MS / 1000) * RATE);
    const length = lead + voiced.reduce((sum, v) => sum + v.length, 0) + gap * (voiced.length - 1) + tail;
    const pcm = new Float32Array(length);
    const cues: NarrationCue[] = [];
    let at = lead;
    said.forEach((text, i) => {
      const line = voiced[i]!;
      pcm.set(line, at);
      const split = [...text].length > voice.maxCueChars ? textSplit(text, voice) : null;
      if (split === null) cues.push({ startMs: ms(at), endMs: ms(at + line.length), text });
      else {
        const head = text.slice(0, split);
        const share = [...head].reduce((s, ch) => s + voice.weight(ch), 0) / [...text].reduce((s, ch) => s + voice.weight(ch), 0);
        const middle = at + pauseNear(line, share);
        cues.push({ startMs: ms(at), endMs: ms(middle), text: head.trim() });
        cues.push({ startMs: ms(middle), endMs: ms(at + line.length), text: text.slice(split).trim() });
      }
      at += line.length + gap;
    });
    const raw = join(dir, 'narration.f32');
    writeFileSync(raw, new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
    execFileSync('ffmpeg', [
      '-y', '-loglevel', 'error', '-f', 'f32le', '-ar', String(RATE), '-ac', '1', '-i', raw,
      '-c:a', 'libopus', '-b:a', BITRATE, '-application', 'voip',
      '-map_metadata', '-1', '-flags', '+bitexact', '-fflags', '+bitexact',
      outAudio,
    ]);
    writeFileSync(outVtt, webVtt(cues));
    return {
      durationMs: ms(length),
      cues,
      voice: voice.voice,
      parameters: {
        language,
        voice: voice.voice,
        speedWpm: voice.speed,
        pitch: voice.pitch,
        leadInMs: LEAD_IN_MS,
        gapMs: GAP_MS,
        tailMs: TAIL_MS,
        sampleRate: RATE,
        codec: 'opus (ogg), mono',
        bitrate: BITRATE,
        spoken,
        tools: versions(voice),
      },
    };
  } finally {
    if (!work) rmSync(dir, { recursive: true, force: true });
  }
}
