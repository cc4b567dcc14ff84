/**
 * Ambient sound beds, one recipe per emotion: a noise colour, drones and tones in a fitting key,
 * slow amplitude movement and filters, all rendered by sox in repeatable mode (`-R`), mixed and
 * made loopable here, and encoded by ffmpeg bit-exact as mono Opus in Ogg, so the same emotion,
 * seed and length give the same bytes.
 *
 * Seamless loops: every tone and every tremolo runs a whole number of cycles per loop, so those
 * layers repeat exactly; each layer is rendered a little longer than the loop (after its filters
 * and reverb have settled) and its overhang is crossfaded into its head (linearly for the periodic
 * layers, at equal power for noise), so the last sample leads into the first.
 *
 * Low share: production practice ties the share of a bed's energy below ~200 Hz to its tension
 * (calm ≈ 20 %, suspense ≈ 55 %, dread higher still). Each recipe's layers form a low group
 * (rumble, sub drones) and a high group (air, upper tones); the high group's level is solved so
 * the mix hits the emotion's target share, then checked on the encoded file and corrected.
 *
 * Needs Debian's sox and ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emotion } from './brief';
import { LOW_CUTOFF_HZ, fileLowShare, floats, lowFrequencyShare } from './spectrum';

/** The rate beds are made at: Opus's own. */
const RATE = 48000;
/** Opus bitrate of a mono bed: ~160 KB for 40 s. */
const BITRATE = '32k';
/** RMS level of a finished bed (about −24 dBFS): under narration, with room for the peaks. */
const TARGET_RMS = 0.063;
/** Highest peak a bed may reach. */
const MAX_PEAK = 0.7;
/** Time filters and reverb get to settle before the loop starts, seconds. */
const SETTLE_S = 1.5;
/** How close (absolute share) the encoded file must come to the target before it is kept. */
const SHARE_TOLERANCE = 0.01;

/** The low share each emotion's bed is made to, rising with tension. */
export const LOW_SHARE_TARGETS: Record<Emotion, number> = {
  calm: 0.2,
  wonder: 0.24,
  elation: 0.26,
  hope: 0.32,
  melancholy: 0.42,
  suspense: 0.55,
  dread: 0.72,
};

type Group = 'low' | 'high';
type Source = { readonly noise: 'white' | 'pink' | 'brown' } | { readonly tones: ReadonlyArray<readonly [hz: number, amplitude: number]> };

/** One layer of a bed: its source, the sox effects after it, its group and relative level. */
export interface Layer {
  readonly name: string;
  readonly group: Group;
  /** Amplitude relative to the other layers of its group. */
  readonly gain: number;
  readonly source: Source;
  /** sox effects, as arguments (tremolo speeds go through `lfo` so they stay periodic). */
  readonly effects: readonly string[];
}

export interface Recipe {
  /** In words: what the bed is, for provenance. */
  readonly description: string;
  readonly key: string;
  readonly layers: readonly Layer[];
}

/** Note frequencies (equal temperament, A4 = 440 Hz). */
const NOTE: Record<string, number> = {};
{
  const names = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
  for (let octave = 0; octave <= 7; octave++)
    names.forEach((name, i) => (NOTE[`${name}${octave}`] = 440 * 2 ** ((octave - 4) + (i - 9) / 12)));
}
const n = (name: string): number => {
  const hz = NOTE[name];
  if (hz === undefined) throw new Error(`ambience: unknown note ${name}`);
  return hz;
};

/**
 * The recipe of each emotion, for a loop of `seconds`. `lfo(hz)` rounds a movement's rate to a
 * whole number of cycles per loop (at least one).
 */
export function recipeOf(emotion: Emotion, seconds: number): Recipe {
  const lfo = (hz: number) => (Math.max(1, Math.round(hz * seconds)) / seconds).toFixed(6);
  const tremolo = (hz: number, depth: number) => ['tremolo', lfo(hz), String(depth)];
  switch (emotion) {
    case 'calm':
      return {
        description: 'a quiet room with a soft breeze; an open D-major drone swelling slowly',
        key: 'D major',
        layers: [
          { name: 'room', group: 'low', gain: 1, source: { noise: 'brown' }, effects: ['lowpass', '140', ...tremolo(0.05, 30)] },
          { name: 'root', group: 'low', gain: 0.6, source: { tones: [[n('D2'), 1], [n('A2'), 0.6]] }, effects: tremolo(0.1, 20) },
          { name: 'breeze', group: 'high', gain: 1, source: { noise: 'pink' }, effects: ['highpass', '300', 'lowpass', '2500', ...tremolo(0.075, 45)] },
          { name: 'chord', group: 'high', gain: 0.5, source: { tones: [[n('D4'), 1], [n('F#4'), 0.6], [n('A4'), 0.7]] }, effects: [...tremolo(0.05, 40), 'reverb', '60'] },
        ],
      };
    case 'wonder':
      return {
        description: 'a vast airy space: a low E, a Lydian shimmer (raised fourth) and glittering air',
        key: 'E Lydian',
        layers: [
          { name: 'floor', group: 'low', gain: 1, source: { noise: 'brown' }, effects: ['lowpass', '150', ...tremolo(0.05, 25)] },
          { name: 'root', group: 'low', gain: 0.7, source: { tones: [[n('E2'), 1], [n('B2'), 0.5]] }, effects: tremolo(0.1, 15) },
          { name: 'shimmer', group: 'high', gain: 0.8, source: { tones: [[n('B3'), 0.8], [n('E4'), 1], [n('G#4'), 0.7], [n('A#4'), 0.6], [n('E5'), 0.4]] }, effects: [...tremolo(0.2, 50), 'reverb', '80'] },
          { name: 'glitter', group: 'high', gain: 0.6, source: { noise: 'white' }, effects: ['bandpass', '6000', '3000', ...tremolo(0.25, 60)] },
        ],
      };
    case 'elation':
      return {
        description: 'bright open air: a C-major chord pulsing quickly, a sparkle on top',
        key: 'C major',
        layers: [
          { name: 'floor', group: 'low', gain: 1, source: { noise: 'brown' }, effects: ['lowpass', '160'] },
          { name: 'root', group: 'low', gain: 0.8, source: { tones: [[n('C2'), 1], [n('G2'), 0.6]] }, effects: tremolo(0.5, 20) },
          { name: 'chord', group: 'high', gain: 1, source: { tones: [[n('C4'), 1], [n('E4'), 0.8], [n('G4'), 0.8], [n('C5'), 0.5], [n('E5'), 0.3]] }, effects: [...tremolo(2, 35), 'reverb', '50'] },
          { name: 'sparkle', group: 'high', gain: 0.5, source: { noise: 'white' }, effects: ['highpass', '2500', ...tremolo(0.5, 50)] },
        ],
      };
    case 'hope':
      return {
        description: 'a warm G-major chord with an added ninth over a low fifth, rising and falling slowly, soft air',
        key: 'G major',
        layers: [
          { name: 'floor', group: 'low', gain: 1, source: { noise: 'brown' }, effects: ['lowpass', '160', ...tremolo(0.05, 30)] },
          { name: 'root', group: 'low', gain: 0.8, source: { tones: [[n('G1'), 1], [n('D2'), 0.7]] }, effects: tremolo(0.1, 20) },
          { name: 'chord', group: 'high', gain: 1, source: { tones: [[n('B3'), 0.8], [n('D4'), 1], [n('G4'), 0.8], [n('A4'), 0.5]] }, effects: [...tremolo(0.1, 45), 'reverb', '70'] },
          { name: 'air', group: 'high', gain: 0.7, source: { noise: 'pink' }, effects: ['highpass', '300', 'lowpass', '3000', ...tremolo(0.075, 40)] },
        ],
      };
    case 'melancholy':
      return {
        description: 'soft rain on a low A-minor drone, a minor third sighing above',
        key: 'A minor',
        layers: [
          { name: 'floor', group: 'low', gain: 1, source: { noise: 'brown' }, effects: ['lowpass', '180', ...tremolo(0.05, 30)] },
          { name: 'root', group: 'low', gain: 0.9, source: { tones: [[n('A1'), 1], [n('A2'), 0.6], [n('E2'), 0.4]] }, effects: tremolo(0.1, 25) },
          { name: 'rain', group: 'high', gain: 1, source: { noise: 'pink' }, effects: ['highpass', '400', 'lowpass', '1800', ...tremolo(0.125, 30)] },
          { name: 'sigh', group: 'high', gain: 0.6, source: { tones: [[n('C4'), 1], [n('E4'), 0.7]] }, effects: [...tremolo(0.1, 60), 'reverb', '70'] },
        ],
      };
    case 'suspense':
      return {
        description: 'a low A pedal against its tritone, pulsing like a slow heartbeat, a thin high whistle and hiss',
        key: 'A (tritone E♭)',
        layers: [
          { name: 'rumble', group: 'low', gain: 1, source: { noise: 'brown' }, effects: ['lowpass', '180', ...tremolo(1, 55)] },
          { name: 'pedal', group: 'low', gain: 1, source: { tones: [[n('A1'), 1], [n('D#2'), 0.7]] }, effects: tremolo(1, 40) },
          { name: 'whistle', group: 'high', gain: 0.5, source: { tones: [[n('G#5'), 1], [n('A5'), 0.8]] }, effects: [...tremolo(0.125, 70), 'reverb', '60'] },
          { name: 'hiss', group: 'high', gain: 1, source: { noise: 'white' }, effects: ['bandpass', '3000', '2500', ...tremolo(0.25, 50)] },
        ],
      };
    case 'dread':
      return {
        description: 'a sub-bass semitone cluster on C♯ beating slowly, a deep rumble swelling, a faint clash far above',
        key: 'C♯ (cluster, tritone G)',
        layers: [
          { name: 'rumble', group: 'low', gain: 1, source: { noise: 'brown' }, effects: ['lowpass', '120', ...tremolo(0.05, 50)] },
          { name: 'cluster', group: 'low', gain: 1, source: { tones: [[n('C#1'), 1], [n('D1'), 0.8], [n('G1'), 0.6]] }, effects: tremolo(0.1, 30) },
          { name: 'murmur', group: 'high', gain: 1, source: { noise: 'pink' }, effects: ['highpass', '300', 'lowpass', '1200', ...tremolo(0.25, 60)] },
          { name: 'clash', group: 'high', gain: 0.4, source: { tones: [[n('G4'), 1], [n('G#4'), 0.8]] }, effects: [...tremolo(0.05, 70), 'reverb', '80'] },
        ],
      };
  }
}

/** A seed's 32-bit hash (mulberry32's first output): spreads nearby seeds far apart. */
function hash(seed: number): number {
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * Renders one layer with sox: `pre + loop + overhang` samples, of which the first `pre` (settling,
 * plus for noise a seed-chosen stretch of sox's repeatable noise) are trimmed off. Tones are
 * rounded to whole cycles per loop and summed here at their amplitudes.
 */
function renderLayer(layer: Layer, loop: number, overhang: number, seed: number, work: string): Float32Array {
  const settle = Math.round(SETTLE_S * RATE);
  const isNoise = 'noise' in layer.source;
  // sox's repeatable mode always draws the same noise; the seed picks where in it the bed starts.
  const pre = settle + (isNoise ? hash(seed ^ hash(layer.name.length * 7919 + layer.name.charCodeAt(0))) % (20 * RATE) : 0);
  const total = pre + loop + overhang;
  const seconds = loop / RATE;
  const tones = 'tones' in layer.source ? layer.source.tones.map(([hz, a]) => [Math.max(1, Math.round(hz * seconds)) / seconds, a] as const) : [];
  const channels = isNoise ? 1 : tones.length;
  const synth = isNoise ? [`${(layer.source as { noise: string }).noise}noise`] : tones.flatMap(([hz]) => ['sine', hz.toFixed(6)]);
  const file = join(work, `${layer.name}.f32`);
  execFileSync('sox', [
    '-R', '-V1', '-n', '-r', String(RATE), '-c', String(channels), '-b', '32', '-e', 'floating-point', '-t', 'raw', file,
    'synth', `${total}s`, ...synth, 'gain', '-12', ...layer.effects, 'trim', `${pre}s`, `${loop + overhang}s`,
  ]);
  const raw = floats(readFileSync(file));
  if (isNoise) return raw;
  const out = new Float32Array(loop + overhang);
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let c = 0; c < channels; c++) s += raw[i * channels + c]! * tones[c]![1];
    out[i] = s;
  }
  return out;
}

/** Folds a layer's overhang into its head: the result, `loop` samples long, loops seamlessly. */
function loopable(pcm: Float32Array, loop: number, equalPower: boolean): Float32Array {
  const overhang = pcm.length - loop;
  const out = pcm.slice(0, loop);
  for (let i = 0; i < overhang; i++) {
    const x = (i + 0.5) / overhang;
    const [fadeIn, fadeOut] = equalPower ? [Math.sin((x * Math.PI) / 2), Math.cos((x * Math.PI) / 2)] : [x, 1 - x];
    out[i] = pcm[i]! * fadeIn + pcm[loop + i]! * fadeOut;
  }
  return out;
}

const energy = (pcm: Float32Array) => pcm.reduce((sum, s) => sum + s * s, 0);

/** Sums layers at their gains, each normalised to unit RMS first so gains mean levels. */
function sumGroup(layers: ReadonlyArray<{ layer: Layer; pcm: Float32Array }>, length: number): Float32Array {
  const out = new Float32Array(length);
  for (const { layer, pcm } of layers) {
    const scale = layer.gain / Math.sqrt(energy(pcm) / pcm.length || 1);
    for (let i = 0; i < length; i++) out[i]! += pcm[i]! * scale;
  }
  return out;
}

/**
 * The high group's gain for which `low + g·high` has the low share `target`, treating the groups
 * as uncorrelated (their energies add); clamped to what the groups can reach.
 */
function solveHighGain(low: Float32Array, high: Float32Array, target: number): number {
  const eL = energy(low);
  const eH = energy(high);
  const lowL = lowFrequencyShare(low, RATE) * eL;
  const lowH = lowFrequencyShare(high, RATE) * eH;
  // (lowL + g² lowH) / (eL + g² eH) = target  ⇒  g² = (lowL − t·eL) / (t·eH − lowH)
  const g2 = (lowL - target * eL) / (target * eH - lowH);
  if (!Number.isFinite(g2) || g2 <= 0) return target >= lowL / eL ? 0.01 : 100;
  return Math.min(100, Math.max(0.01, Math.sqrt(g2)));
}

function mix(low: Float32Array, high: Float32Array, g: number): Float32Array {
  const out = new Float32Array(low.length);
  for (let i = 0; i < out.length; i++) out[i] = low[i]! + g * high[i]!;
  const rms = Math.sqrt(energy(out) / out.length);
  let peak = 0;
  for (const s of out) peak = Math.max(peak, Math.abs(s));
  const scale = Math.min(TARGET_RMS / rms, MAX_PEAK / peak);
  for (let i = 0; i < out.length; i++) out[i]! *= scale;
  return out;
}

function encode(pcm: Float32Array, out: string, work: string): void {
  const raw = join(work, 'bed.f32');
  writeFileSync(raw, new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  execFileSync('ffmpeg', [
    '-y', '-loglevel', 'error', '-f', 'f32le', '-ar', String(RATE), '-ac', '1', '-i', raw,
    '-c:a', 'libopus', '-b:a', BITRATE, '-application', 'audio',
    '-map_metadata', '-1', '-flags', '+bitexact', '-fflags', '+bitexact',
    out,
  ]);
}

export interface AmbienceOptions {
  readonly emotion: Emotion;
  readonly seed: number;
  /** Loop length, seconds (about 40 for a film, a few in tests). */
  readonly seconds: number;
  /** The .ogg file to write. */
  readonly out: string;
  /** A folder for intermediate files; a temporary one (removed after) by default. */
  readonly work?: string;
}

export interface AmbienceResult {
  /** Low share (energy below 200 Hz over all) measured from the written file. */
  readonly lowShare: number;
  readonly parameters: {
    readonly emotion: Emotion;
    readonly seed: number;
    readonly seconds: number;
    readonly targetLowShare: number;
    readonly cutoffHz: number;
    readonly key: string;
    readonly description: string;
    readonly layers: ReadonlyArray<{ readonly name: string; readonly group: Group; readonly gain: number; readonly source: Source; readonly effects: readonly string[] }>;
    /** The level the high group was mixed at, relative to the low group. */
    readonly highGroupGain: number;
    readonly sampleRate: number;
    readonly codec: string;
    readonly bitrate: string;
    readonly bytes: number;
    readonly tools: string;
  };
}

/**
 * Makes a seamlessly looping ambient bed for `emotion` (mono Opus in Ogg at `out`), the same bytes
 * for the same emotion, seed and length. Returns the low share measured from the file.
 */
export function makeAmbience({ emotion, seed, seconds, out, work }: AmbienceOptions): AmbienceResult {
  const recipe = recipeOf(emotion, seconds);
  const target = LOW_SHARE_TARGETS[emotion];
  if (!(seconds >= 1)) throw new Error(`ambience: a bed lasts at least 1 s (asked for ${seconds})`);
  const dir = work ?? mkdtempSync(join(tmpdir(), 'ambience-'));
  try {
    const loop = Math.round(seconds * RATE);
    const overhang = Math.round(Math.min(2, seconds / 4) * RATE);
    const layers = recipe.layers.map((layer) => ({
      layer,
      pcm: loopable(renderLayer(layer, loop, overhang, seed, dir), loop, 'noise' in layer.source),
    }));
    const low = sumGroup(layers.filter((l) => l.layer.group === 'low'), loop);
    const high = sumGroup(layers.filter((l) => l.layer.group === 'high'), loop);
    // Solve for the target, then correct by what encoding moved (Opus trims the top octave).
    let aim = target;
    let g = solveHighGain(low, high, aim);
    let measured = 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      encode(mix(low, high, g), out, dir);
      measured = fileLowShare(out);
      if (Math.abs(measured - target) <= SHARE_TOLERANCE) break;
      aim = Math.min(0.98, Math.max(0.02, aim + (target - measured)));
      g = solveHighGain(low, high, aim);
    }
    return {
      lowShare: measured,
      parameters: {
        emotion,
        seed,
        seconds,
        targetLowShare: target,
        cutoffHz: LOW_CUTOFF_HZ,
        key: recipe.key,
        description: recipe.description,
        layers: recipe.layers.map(({ name, group, gain, source, effects }) => ({ name, group, gain, source, effects })),
        highGroupGain: Number(g.toFixed(6)),
        sampleRate: RATE,
        codec: 'opus (ogg), mono',
        bitrate: BITRATE,
        bytes: statSync(out).size,
        tools: `sox -R (${toolVersion('sox', ['--version'])}), ${toolVersion('ffmpeg', ['-version'])}`,
      },
    };
  } finally {
    if (!work) rmSync(dir, { recursive: true, force: true });
  }
}

function toolVersion(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' }).split('\n')[0]!.replace(/^sox:\s*/, '').trim();
  } catch {
    return `${tool} (version unknown)`;
  }
}
