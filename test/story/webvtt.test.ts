import { describe, expect, it } from 'vitest';
import { cueTextAt, parseWebVtt, webVttProblem } from '../../src/story';
import { MAX_CUES, MAX_CUE_CHARS } from '../../src/story/webvtt';

const vtt = `WEBVTT

1
00:00.500 --> 00:03.000
<v Narrator>The dome was <i>never</i> glass.</v>

00:02.000 --> 00:04.250 align:center
Tom &amp; Ilan &lt;look up&gt;

00:05.000 --> 00:04.000
backwards, skipped
`;

describe('WebVTT', () => {
  it('parses cues as plain text, dropping tags and decoding entities', () => {
    expect(parseWebVtt(vtt)).toEqual([
      { startMs: 500, endMs: 3000, text: 'The dome was never glass.' },
      { startMs: 2000, endMs: 4250, text: 'Tom & Ilan <look up>' },
    ]);
  });
  it('shows the cues of the current time, overlapping ones on separate lines', () => {
    const cues = parseWebVtt(vtt);
    expect(cueTextAt(cues, 0)).toBe('');
    expect(cueTextAt(cues, 1000)).toBe('The dome was never glass.');
    expect(cueTextAt(cues, 2500)).toBe('The dome was never glass.\nTom & Ilan <look up>');
    expect(cueTextAt(cues, 4250)).toBe('');
  });
  it('validates the header and every timing line', () => {
    expect(webVttProblem('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n')).toBeNull();
    expect(webVttProblem('1\n00:01.000 --> 00:02.000\nHi\n')).toMatch(/line 1/);
    expect(webVttProblem('WEBVTT\n\n00:01,000 --> 00:02.000\nHi\n')).toMatch(/line 3/);
    expect(webVttProblem(vtt)).toMatch(/line 10: the cue ends before it starts/);
  });
});

describe('WebVTT files made to hang a tab', () => {
  const at = (s: number, ms: string) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${ms}`;
  const cue = (i: number, text: string) => `${at(i, '000')} --> ${at(i, '500')}\n${text}`;

  it('reads a cue of unclosed "<" in one pass, and keeps its text as text', () => {
    // 200,000 "<" without a ">": a tag pattern that rescans to the end for each would take minutes.
    const text = `WEBVTT\n\n00:00.000 --> 00:01.000\n${'<'.repeat(200_000)}`;
    expect(webVttProblem(text)).toContain(`longer than ${MAX_CUE_CHARS} characters`);
    const [only] = parseWebVtt(text);
    expect(only!.text).toBe('<'.repeat(MAX_CUE_CHARS));
  });

  it('refuses more cues than any film needs, and the player keeps the first ones', () => {
    const text = `WEBVTT\n\n${Array.from({ length: MAX_CUES + 10 }, (_, i) => cue(i, `line ${i}`)).join('\n\n')}\n`;
    expect(webVttProblem(text)).toContain(`more than ${MAX_CUES} cues`);
    const cues = parseWebVtt(text);
    expect(cues).toHaveLength(MAX_CUES);
    expect(cues.at(-1)!.text).toBe(`line ${MAX_CUES - 1}`);
    expect(webVttProblem(`WEBVTT\n\n${Array.from({ length: MAX_CUES }, (_, i) => cue(i, 'ok')).join('\n\n')}\n`)).toBeNull();
  });
});
