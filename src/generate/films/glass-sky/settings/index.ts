/** The film's environment painters, by the name a scene's `setting` gives. */
import type { Setting } from '../../../pipeline';
import { paintAlley } from './alley';
import { paintArchive } from './archive';
import { paintCistern } from './cistern';
import { paintDawnSquare } from './dawn-square';
import { paintDomeEdge } from './dome-edge';
import { paintMendedDome } from './mended-dome';
import { paintShatteredSky } from './shattered-sky';
import { paintSquare } from './square';
import { paintStreet } from './street';
import { paintWorkshop } from './workshop';

export const SETTINGS: Readonly<Record<string, Setting>> = {
  street: paintStreet,
  alley: paintAlley,
  square: paintSquare,
  cistern: paintCistern,
  archive: paintArchive,
  workshop: paintWorkshop,
  'dome-edge': paintDomeEdge,
  'shattered-sky': paintShatteredSky,
  'mended-dome': paintMendedDome,
  'dawn-square': paintDawnSquare,
};
