import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOW_SHARE_TARGETS, makeAmbience } from '../../../src/generate/pipeline/ambience';
import { speakNarration, toPinyin } from '../../../src/generate/pipeline/narration';
import { decodeMono, fileLowShare, lowFrequencyShare } from '../../../src/generate/pipeline/spectrum';
import { parseWebVtt, webVttProblem } from '../../../src/story';

// These run espeak-ng, sox and ffmpeg (Debian packages): short lines and 4 s beds keep them quick.
const dir = mkdtempSync(join(tmpdir(), 'film-audio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RATE = 48000;
const tone = (hz: number, seconds = 1) => new Float32Array(RATE * seconds).map((_, i) => Math.sin((2 * Math.PI * hz * i) / RATE));

/** Duration of an audio file as decoded, ms. */
const decodedMs = (file: string) => (decodeMono(file, RATE).length / RATE) * 1000;

/** The mean level (RMS) of a decoded file between two times, ms. */
function rmsBetween(file: string, fromMs: number, toMs: number): number {
  const pcm = decodeMono(file, RATE).subarray(Math.round((fromMs / 1000) * RATE), Math.round((toMs / 1000) * RATE));
  return Math.sqrt(pcm.reduce((s, x) => s + x * x, 0) / Math.max(1, pcm.length));
}

describe('lowFrequencyShare', () => {
  it('is about 1 for a 100 Hz tone, about 0 for 1 kHz, and the energy split for their mix', () => {
    expect(lowFrequencyShare(tone(100), RATE)).toBeGreaterThan(0.99);
    expect(lowFrequencyShare(tone(1000), RATE)).toBeLessThan(0.01);
    const low = tone(80);
    const high = tone(900);
    // Amplitudes 1 and 2: energies 1 and 4, so a fifth is low.
    const mix = low.map((s, i) => s + 2 * high[i]!);
    expect(lowFrequencyShare(mix, RATE)).toBeCloseTo(0.2, 2);
    expect(lowFrequencyShare(new Float32Array(RATE), RATE)).toBe(0);
  });
});

describe('narration', () => {
  it('converts Chinese to numbered pinyin, keeping punctuation as pauses', () => {
    const spoken = toPinyin('你好，穹顶');
    expect(spoken).toContain('ni3 hao3');
    expect(spoken).toBe('ni3 hao3, qiong2 ding3');
    expect(toPinyin('我们的天空。')).toBe('wo3 men5 de5 tian1 kong1.');
  });

  for (const [language, lines] of [
    ['en', ['Under the dome, nobody looks up.', 'The glass holds.']],
    ['zh-CN', ['你好，穹顶。', '玻璃还在。']],
  ] as const) {
    it(`speaks ${language} with a subtitle cue where each line is heard, the same bytes every time`, () => {
      const outAudio = join(dir, `${language}.ogg`);
      const outVtt = join(dir, `${language}.vtt`);
      const result = speakNarration({ lines, language, outAudio, outVtt });
      expect(result.voice).toBe(language === 'en' ? 'en-gb' : 'cmn-latn-pinyin');
      if (language === 'zh-CN') expect((result.parameters['spoken'] as string[])[0]).toContain('ni3 hao3');
      const vtt = readFileSync(outVtt, 'utf8');
      expect(webVttProblem(vtt)).toBeNull();
      const cues = parseWebVtt(vtt);
      expect(cues.map((c) => c.text)).toEqual([...lines]);
      expect(cues).toEqual(result.cues);
      const audioMs = decodedMs(outAudio);
      expect(Math.abs(audioMs - result.durationMs)).toBeLessThan(25);
      cues.forEach((cue, i) => {
        expect(cue.endMs).toBeGreaterThan(cue.startMs + 300);
        if (i > 0) expect(cue.startMs).toBeGreaterThanOrEqual(cues[i - 1]!.endMs);
        expect(cue.endMs).toBeLessThanOrEqual(audioMs);
      });
      // Voice inside the cues, silence in the lead-in and between lines.
      expect(rmsBetween(outAudio, 0, cues[0]!.startMs - 50)).toBeLessThan(0.002);
      expect(rmsBetween(outAudio, cues[0]!.endMs + 50, cues[1]!.startMs - 50)).toBeLessThan(0.002);
      for (const cue of cues) expect(rmsBetween(outAudio, cue.startMs, cue.endMs)).toBeGreaterThan(0.02);
      // Again: identical bytes.
      const again = join(dir, `${language}-again.ogg`);
      speakNarration({ lines, language, outAudio: again, outVtt: join(dir, `${language}-again.vtt`) });
      expect(readFileSync(again).equals(readFileSync(outAudio))).toBe(true);
      expect(readFileSync(join(dir, `${language}-again.vtt`), 'utf8')).toBe(vtt);
    });
  }

  it('gives a long line two cues, split where the voice pauses, still in order', () => {
    const line = 'The glass has held for three hundred years, and the people below it have long since stopped wondering what lies beyond.';
    const result = speakNarration({ lines: [line], language: 'en', outAudio: join(dir, 'long.ogg'), outVtt: join(dir, 'long.vtt') });
    expect(result.cues.map((c) => c.text)).toEqual(['The glass has held for three hundred years,', 'and the people below it have long since stopped wondering what lies beyond.']);
    expect(result.cues[0]!.endMs).toBe(result.cues[1]!.startMs);
    expect(webVttProblem(readFileSync(join(dir, 'long.vtt'), 'utf8'))).toBeNull();
  });

  it('names a language it has no voice for', () => {
    expect(() => speakNarration({ lines: ['Bonjour'], language: 'fr', outAudio: join(dir, 'fr.ogg'), outVtt: join(dir, 'fr.vtt') })).toThrow(/"fr"/);
  });
});

describe('ambience', () => {
  const bed = (emotion: 'calm' | 'suspense', seed: number, name = `${emotion}-${seed}`) => {
    const out = join(dir, `${name}.ogg`);
    return { out, ...makeAmbience({ emotion, seed, seconds: 4, out }) };
  };

  it('makes calm beds light in the low end and suspense beds heavy, as measured from the files', () => {
    const calm = bed('calm', 3);
    const suspense = bed('suspense', 3);
    const calmShare = fileLowShare(calm.out);
    const suspenseShare = fileLowShare(suspense.out);
    expect(calmShare).toBeLessThanOrEqual(0.3);
    expect(suspenseShare).toBeGreaterThanOrEqual(0.45);
    expect(calm.lowShare).toBeCloseTo(calmShare, 6);
    expect(Math.abs(suspenseShare - LOW_SHARE_TARGETS.suspense)).toBeLessThan(0.03);
    // About 4 s, small, and not silent.
    expect(Math.abs(decodedMs(calm.out) - 4000)).toBeLessThan(25);
    expect(readFileSync(calm.out).length).toBeLessThan(40_000);
    expect(rmsBetween(calm.out, 0, 4000)).toBeGreaterThan(0.02);
  });

  it('gives the same bytes for the same seed and others for another seed', () => {
    const a = bed('suspense', 11, 'a');
    const b = bed('suspense', 11, 'b');
    const c = bed('suspense', 12, 'c');
    expect(readFileSync(a.out).equals(readFileSync(b.out))).toBe(true);
    expect(readFileSync(a.out).equals(readFileSync(c.out))).toBe(false);
    expect(a.parameters).toEqual(b.parameters);
  });
});
