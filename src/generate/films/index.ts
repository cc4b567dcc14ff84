/**
 * The films' own content: each film's painters and generators (glass-sky/), and the small film's
 * panorama recipes (hello/, `npm run generate:hello`, outside the pipeline).
 *
 * CATALOGUE is what `npm run generate` can make, by the names scene scripts give. A new film adds
 * its folder and joins its catalogue here; scripts of every film share the names, so they must not
 * clash.
 */
import type { Catalogue } from '../pipeline';
import { glassSky } from './glass-sky';

export const CATALOGUE: Catalogue = glassSky;
