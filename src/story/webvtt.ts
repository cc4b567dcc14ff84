/**
 * What is wrong with a WebVTT file, or null if it is well formed: the header, and every cue's
 * timing line (`00:01.000 --> 00:04.000`, hours optional, end after start). Settings and cue text
 * are not checked.
 */
export function webVttProblem(text: string): string | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return 'line 1: a WebVTT file starts with "WEBVTT"';
  for (const [i, line] of lines.entries()) {
    if (!line.includes('-->')) continue;
    const match = /^(\S+)[ \t]+-->[ \t]+(\S+)/.exec(line);
    const start = match ? timestamp(match[1]!) : null;
    const end = match ? timestamp(match[2]!) : null;
    if (start === null || end === null) return `line ${i + 1}: "${line.trim()}" is not a cue timing like 00:01.000 --> 00:04.000`;
    if (end <= start) return `line ${i + 1}: the cue ends before it starts`;
  }
  return null;
}

function timestamp(value: string): number | null {
  const m = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(value);
  if (!m) return null;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}
