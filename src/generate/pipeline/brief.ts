/**
 * What the film pipeline's painters are given: one scene module's script, resolved. The script in
 * story.json says what the scene shows (`setting`, `elements`), how it is lit (`lighting`) and how it
 * feels (`emotion`); hotspot-bound elements take the hotspot's own direction and size, so a
 * subject always stands exactly where the player makes it lookable.
 */
import type { Panorama } from '../paint';

/** The script's lighting parameters, with the pipeline's defaults filled in. */
export interface Lighting {
  /** "cool" or "warm": the hue family of the key light. */
  readonly tone: 'cool' | 'warm';
  /** Share of cool tones in the grade, 0 (all warm) to 1 (all cool). */
  readonly coolShare: number;
  /** Direction of the key light (the brightest source the setting shows), degrees. */
  readonly key: { readonly yaw: number; readonly pitch: number };
  /** Exposure of the whole scene, 0 (near dark) to 1 (bright day). */
  readonly intensity: number;
  /** Atmospheric haze, 0 (clear) to 1 (thick): distance fades toward the haze colour. */
  readonly haze: number;
  /** Horizontal motion blur, 0 (none) to 1 (strong), as film scripts give it. */
  readonly motionBlur: number;
}

/** Emotion tags the pipeline knows: each has a grade and an ambient bed. */
export const EMOTIONS = ['calm', 'wonder', 'suspense', 'dread', 'melancholy', 'hope', 'elation'] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** A subject painted into the panorama: a motif at a direction, `radius` degrees in size. */
export interface Element {
  readonly motif: string;
  readonly yaw: number;
  readonly pitch: number;
  readonly radius: number;
  /** The hotspot it stands for, when it is one. */
  readonly hotspot?: string;
}

export interface SceneBrief {
  readonly scene: string;
  readonly seed: number;
  /** The environment painter to use: the name of a setting in the catalogue. */
  readonly setting: string;
  readonly lighting: Lighting;
  readonly emotion: Emotion;
  readonly elements: readonly Element[];
}

/** Paints a setting's environment (no elements, no grade) at the given size, from the brief's seed. */
export type Setting = (brief: SceneBrief, width: number, height: number) => Panorama;

/** Paints one element into a panorama that already holds its setting. */
export type Motif = (pano: Panorama, element: Element, brief: SceneBrief) => void;
