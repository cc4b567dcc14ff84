/** The film's motif library: subjects painted at an element's direction and size, keyed by name. */
import type { Motif } from '../../../pipeline';
import { eyeGraffiti, glassShard } from './alley';
import { ledger, starChart } from './archive';
import { pipeInflow, tallyMarks } from './cistern';
import { cityLights, domeSeam } from './rooftop';
import { childLookingUp, fountainReflection, wardenTower } from './square';
import { lightCrack, posterEyesDown, streetLampDark } from './street';
import { furnace } from './workshop';

export const MOTIFS: Readonly<Record<string, Motif>> = {
  'street-lamp-dark': streetLampDark,
  'poster-eyes-down': posterEyesDown,
  'light-crack': lightCrack,
  'glass-shard': glassShard,
  'eye-graffiti': eyeGraffiti,
  'fountain-reflection': fountainReflection,
  'warden-tower': wardenTower,
  'child-looking-up': childLookingUp,
  'pipe-inflow': pipeInflow,
  'tally-marks': tallyMarks,
  'star-chart': starChart,
  ledger,
  furnace,
  'dome-seam': domeSeam,
  'city-lights': cityLights,
};
