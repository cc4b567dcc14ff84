/** More cues than any film needs (a two-hour film with a cue every two seconds has 3,600). */
export const MAX_CUES = 5000;
/** Characters in one cue's text: a few lines of subtitle, with room for markup. */
export const MAX_CUE_CHARS = 1000;

/**
 * What is wrong with a WebVTT file, or null if it is well formed: the header, every cue's timing
 * line (`00:01.000 --> 00:04.000`, hours optional, end after start), and the limits on cues and
 * their length. Settings and cue text are not otherwise checked. Linear in the file's length.
 */
export function webVttProblem(text: string): string | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return 'line 1: a WebVTT file starts with "WEBVTT"';
  let cues = 0;
  let cueChars = 0;
  for (const [i, line] of lines.entries()) {
    if (line === '') cueChars = 0;
    else if (!line.includes('-->') && cues > 0 && (cueChars += line.length + 1) > MAX_CUE_CHARS)
      return `line ${i + 1}: a cue's text is longer than ${MAX_CUE_CHARS} characters; split it into shorter cues`;
    if (!line.includes('-->')) continue;
    if (++cues > MAX_CUES) return `line ${i + 1}: more than ${MAX_CUES} cues; split the film's subtitles or merge cues`;
    cueChars = 0;
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
 * validator reports them, the player shows what it can: at most MAX_CUES cues of at most
 * MAX_CUE_CHARS characters. Linear in the file's length, whatever it holds.
 */
export function parseWebVtt(text: string): Cue[] {
  const blocks = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).join('\n').split(/\n{2,}/);
  const cues: Cue[] = [];
  for (const block of blocks) {
    if (cues.length === MAX_CUES) break;
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
      .slice(0, MAX_CUE_CHARS)
      // [^<>], not [^>]: a run of "<" without ">" would rescan the rest of the text for each one.
      .replace(/<[^<>]*>/g, '')
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
