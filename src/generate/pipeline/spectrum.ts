/**
 * Spectral measures of generated sound, for checking beds against their briefs: the share of
 * energy below a cutoff (the "low share" that production practice ties to tension), from a Welch
 * power spectrum (Hann-windowed FFT frames, half overlapping). Decoding goes through ffmpeg.
 */
import { execFileSync } from 'node:child_process';

/** Where "low" ends, in Hz: the rumble and drone region below the voice. */
export const LOW_CUTOFF_HZ = 200;
/** FFT frame length: 4096 samples resolve ~12 Hz at 48 kHz, fine enough for a 200 Hz split. */
const FRAME = 4096;

/** In-place iterative radix-2 FFT of (re, im); the length must be a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = (-2 * Math.PI) / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = Math.cos(step * k);
        const wi = Math.sin(step * k);
        const a = start + k;
        const b = a + half;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
}

/**
 * Mean power per FFT bin (0 … FRAME/2) of a mono signal: Hann frames, hop FRAME/2, the signal's
 * mean removed first so DC never counts. A signal shorter than a frame is zero-padded.
 */
export function powerSpectrum(pcm: Float32Array, frame = FRAME): Float64Array {
  let mean = 0;
  for (const s of pcm) mean += s;
  mean /= Math.max(1, pcm.length);
  const window = new Float64Array(frame).map((_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / frame));
  const power = new Float64Array(frame / 2 + 1);
  const re = new Float64Array(frame);
  const im = new Float64Array(frame);
  let frames = 0;
  for (let start = 0; start === 0 || start + frame <= pcm.length; start += frame / 2) {
    for (let i = 0; i < frame; i++) {
      const s = start + i < pcm.length ? pcm[start + i]! - mean : 0;
      re[i] = s * window[i]!;
      im[i] = 0;
    }
    fft(re, im);
    for (let k = 0; k <= frame / 2; k++) power[k]! += re[k]! * re[k]! + im[k]! * im[k]!;
    frames++;
  }
  for (let k = 0; k < power.length; k++) power[k]! /= frames;
  return power;
}

/**
 * The share (0–1) of a mono signal's energy below `cutoffHz` (default 200 Hz): the sum of the
 * power spectrum's bins under the cutoff (DC excluded) over the sum of all bins. A silent signal is 0.
 */
export function lowFrequencyShare(pcm: Float32Array, sampleRate: number, cutoffHz = LOW_CUTOFF_HZ): number {
  const power = powerSpectrum(pcm);
  const binHz = sampleRate / FRAME;
  let low = 0;
  let total = 0;
  for (let k = 1; k < power.length; k++) {
    total += power[k]!;
    if (k * binHz < cutoffHz) low += power[k]!;
  }
  return total > 0 ? low / total : 0;
}

/** Decodes any audio file ffmpeg reads to mono 32-bit float PCM at `sampleRate`. */
export function decodeMono(file: string, sampleRate = 48000): Float32Array {
  const bytes = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', '-'], {
    maxBuffer: 1 << 30,
  });
  return floats(bytes);
}

/** A Float32Array over little-endian float bytes (copied when unaligned). */
export function floats(bytes: Buffer): Float32Array {
  if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4));
  const copy = new Uint8Array(bytes.length - (bytes.length % 4));
  copy.set(bytes.subarray(0, copy.length));
  return new Float32Array(copy.buffer);
}

/** The low share of an audio file, measured from its decoded samples. */
export function fileLowShare(file: string, cutoffHz = LOW_CUTOFF_HZ): number {
  const sampleRate = 48000;
  return lowFrequencyShare(decodeMono(file, sampleRate), sampleRate, cutoffHz);
}
