/**
 * The pipeline's grade: what the script's lighting parameters and emotion tag do to a painted scene.
 * Runs after the setting and its elements, so every module of the film is graded by one rule and
 * a changed parameter visibly changes the picture (tested: exposure, cool share, blur, emotion).
 */
import { type Panorama, type RGB, grain } from '../paint';
import type { Emotion, SceneBrief } from './brief';

interface EmotionGrade {
  /** Saturation factor (1 keeps it). */
  readonly saturation: number;
  /** Contrast around mid-grey (1 keeps it). */
  readonly contrast: number;
  /** Gamma on luminance: above 1 sinks mid-tones, below 1 lifts them. */
  readonly gamma: number;
  /** Darkening toward the poles, 0..1: tension closes the frame in. */
  readonly vignette: number;
  /** A colour cast mixed into highlights. */
  readonly cast: RGB;
  readonly castAmount: number;
}

const EMOTION_GRADES: Readonly<Record<Emotion, EmotionGrade>> = {
  calm: { saturation: 0.9, contrast: 0.92, gamma: 1.0, vignette: 0.1, cast: [200, 220, 255], castAmount: 0.05 },
  wonder: { saturation: 1.15, contrast: 1.0, gamma: 0.92, vignette: 0.05, cast: [220, 235, 255], castAmount: 0.08 },
  suspense: { saturation: 0.8, contrast: 1.18, gamma: 1.1, vignette: 0.35, cast: [150, 180, 220], castAmount: 0.08 },
  dread: { saturation: 0.65, contrast: 1.25, gamma: 1.18, vignette: 0.5, cast: [120, 170, 160], castAmount: 0.1 },
  melancholy: { saturation: 0.7, contrast: 0.95, gamma: 1.04, vignette: 0.2, cast: [200, 190, 210], castAmount: 0.1 },
  hope: { saturation: 1.08, contrast: 1.02, gamma: 0.94, vignette: 0.08, cast: [255, 220, 170], castAmount: 0.1 },
  elation: { saturation: 1.3, contrast: 1.1, gamma: 0.9, vignette: 0.05, cast: [255, 190, 140], castAmount: 0.12 },
};

/** Shadow and highlight hues of the split tone: cool is reason's blue, warm is lamplight. */
const COOL: RGB = [70, 120, 210];
const WARM: RGB = [255, 170, 90];

/** Applies lighting (exposure, cool share, haze, motion blur) and the emotion's grade, in place. */
export function gradeScene(pano: Panorama, brief: SceneBrief): void {
  const { lighting } = brief;
  if (lighting.motionBlur > 0) motionBlur(pano, lighting.motionBlur);
  const g = EMOTION_GRADES[brief.emotion];
  // Exposure on top of the painters' own light levels (they already scale by intensity): a nudge,
  // 0.9 at intensity 0 to 1.15 at 1, so bright scenes keep their highlights.
  const exposure = 0.9 + 0.25 * lighting.intensity;
  const cool = lighting.coolShare;
  const haze: RGB = lighting.tone === 'cool' ? [120, 140, 170] : [170, 145, 120];
  const hazeAmount = 0.18 * lighting.haze;
  const { width: W, height: H, data: d } = pano;
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = (v / 255) ** g.gamma;
  for (let y = 0; y < H; y++) {
    const pitch = (0.5 - (y + 0.5) / H) * Math.PI;
    const vignette = 1 - g.vignette * Math.sin(Math.abs(pitch)) ** 2;
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      let r = (d[i]! / 255) * exposure;
      let gr = (d[i + 1]! / 255) * exposure;
      let b = (d[i + 2]! / 255) * exposure;
      // Haze lifts the blacks toward the air's colour.
      r += (haze[0] / 255 - r) * hazeAmount;
      gr += (haze[1] / 255 - gr) * hazeAmount;
      b += (haze[2] / 255 - b) * hazeAmount;
      const l = 0.2126 * r + 0.7152 * gr + 0.0722 * b;
      // Split tone: shadows toward cool by coolShare, highlights toward warm by the rest.
      const ls = Math.min(1, l);
      const ws = 0.45 * cool * (1 - ls) * (1 - ls);
      const wh = 0.45 * (1 - cool) * ls * ls;
      r += ((COOL[0] / 255) * l * 1.6 - r) * ws + ((WARM[0] / 255) * l * 1.2 - r) * wh;
      gr += ((COOL[1] / 255) * l * 1.6 - gr) * ws + ((WARM[1] / 255) * l * 1.2 - gr) * wh;
      b += ((COOL[2] / 255) * l * 1.6 - b) * ws + ((WARM[2] / 255) * l * 1.2 - b) * wh;
      // Emotion: saturation and contrast about the luminance, then the cast in the highlights.
      const l2 = 0.2126 * r + 0.7152 * gr + 0.0722 * b;
      const c = g.castAmount * Math.min(1, l2);
      r = ((l2 + (r - l2) * g.saturation - 0.5) * g.contrast + 0.5) * (1 - c) + (g.cast[0] / 255) * l2 * c * 1.4;
      gr = ((l2 + (gr - l2) * g.saturation - 0.5) * g.contrast + 0.5) * (1 - c) + (g.cast[1] / 255) * l2 * c * 1.4;
      b = ((l2 + (b - l2) * g.saturation - 0.5) * g.contrast + 0.5) * (1 - c) + (g.cast[2] / 255) * l2 * c * 1.4;
      d[i] = 255 * lut[clampByte(r)]! * vignette;
      d[i + 1] = 255 * lut[clampByte(gr)]! * vignette;
      d[i + 2] = 255 * lut[clampByte(b)]! * vignette;
    }
  }
  grain(pano, brief.seed, 2);
}

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255);
}

/**
 * Horizontal box blur along yaw (wrapping round the seam), strongest at the horizon where motion
 * reads: up to about 1.5° of smear at motionBlur 1.
 */
function motionBlur(pano: Panorama, amount: number): void {
  const { width: W, height: H, data: d } = pano;
  const row = new Float32Array(W * 3);
  for (let y = 0; y < H; y++) {
    const pitch = (0.5 - (y + 0.5) / H) * Math.PI;
    const radius = Math.round(((amount * 1.5) / 360) * W * Math.cos(pitch));
    if (radius < 1) continue;
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      row[x * 3] = d[i]!;
      row[x * 3 + 1] = d[i + 1]!;
      row[x * 3 + 2] = d[i + 2]!;
    }
    let sr = 0;
    let sg = 0;
    let sb = 0;
    for (let k = -radius; k <= radius; k++) {
      const x = (k + W) % W;
      sr += row[x * 3]!;
      sg += row[x * 3 + 1]!;
      sb += row[x * 3 + 2]!;
    }
    const n = 2 * radius + 1;
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      d[i] = sr / n;
      d[i + 1] = sg / n;
      d[i + 2] = sb / n;
      const out = (x - radius + W) % W;
      const inn = (x + radius + 1) % W;
      sr += row[inn * 3]! - row[out * 3]!;
      sg += row[inn * 3 + 1]! - row[out * 3 + 1]!;
      sb += row[inn * 3 + 2]! - row[out * 3 + 2]!;
    }
  }
}
