/** What a scene recipe is: a painter from a story scene to a panorama, at the film's size by default. */
import type { Panorama } from '../../paint';
import type { StoryScene } from './story';

export const WIDTH = 2048;
export const HEIGHT = 1024;

export type Recipe = (scene: StoryScene, width?: number, height?: number) => Panorama;
