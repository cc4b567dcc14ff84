/** The film's glTF prop generators, by the name a scene's `script.props[].generator` gives. */
import type { PropGenerator } from '../../../pipeline';
import { lensStand } from './lens-stand';

export { lensStand } from './lens-stand';

export const PROPS: Readonly<Record<string, PropGenerator>> = {
  'lens-stand': lensStand,
};
