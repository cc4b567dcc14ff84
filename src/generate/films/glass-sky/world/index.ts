/** The film's splat-world generators, by the name a scene's `script.world.generator` gives. */
import type { WorldGenerator } from '../../../pipeline';
import { shardCloud } from './shard-cloud';

export { shardCloud } from './shard-cloud';

export const WORLDS: Readonly<Record<string, WorldGenerator>> = {
  'shard-cloud': shardCloud,
};
