/**
 * Under the Glass Sky (scenes/glass-sky): the settings, motifs, splat world and prop its scene
 * scripts name, as a catalogue for the pipeline.
 */
import type { Catalogue } from '../../pipeline';
import { MOTIFS } from './motifs';
import { PROPS } from './props';
import { SETTINGS } from './settings';
import { WORLDS } from './world';

export const glassSky: Catalogue = { settings: SETTINGS, motifs: MOTIFS, worlds: WORLDS, props: PROPS };
