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

/** One subtitle cue, its text as plain text (never markup). */
export interface Cue {
  readonly startMs: number;
  readonly endMs: number;
  readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/**
 * The cues of a WebVTT file, in order. Cue tags (<i>, <v Speaker>, <c.class>, timestamps) are
 * dropped and entities decoded, so story text stays text. Malformed blocks are skipped: the
 * validator reports them, the player shows what it can.
 */
export function parseWebVtt(text: string): Cue[] {
  const blocks = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).join('\n').split(/\n{2,}/);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0) continue;
    const match = /^(\S+)[ \t]+-->[ \t]+(\S+)/.exec(lines[timing]!);
    const startMs = match ? timestamp(match[1]!) : null;
    const endMs = match ? timestamp(match[2]!) : null;
    if (startMs === null || endMs === null || endMs <= startMs) continue;
    const body = lines
      .slice(timing + 1)
      .join('\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => ENTITIES[name]!)
      .trim();
    if (body !== '') cues.push({ startMs, endMs, text: body });
  }
  return cues.sort((a, b) => a.startMs - b.startMs);
}

/** The text of the cues showing at `ms`, one per line. */
export function cueTextAt(cues: readonly Cue[], ms: number): string {
  return cues
    .filter((c) => c.startMs <= ms && ms < c.endMs)
    .map((c) => c.text)
    .join('\n');
}
