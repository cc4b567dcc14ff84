import { describe, expect, it } from 'vitest';
import { cueTextAt, parseWebVtt, webVttProblem } from '../../src/story';

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
