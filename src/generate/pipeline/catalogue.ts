/**
 * What the pipeline can make, by the names scene scripts give: settings (environments a
 * `script.setting` names), motifs (subjects a `script.elements[].motif` names), splat-world
 * generators (`script.world.generator`) and glTF prop generators (`script.props[].generator`).
 * They belong to the films (src/generate/films); the pipeline only looks them up by name.
 */
import type { Document } from '@gltf-transform/core';
import type { Splat } from '../geometry/splat-formats';
import type { Motif, Setting } from './brief';

/** Builds a splat world in the player's space from a seed. */
export type WorldGenerator = (seed: number) => Splat[];
/** Builds a glTF prop from a seed. */
export type PropGenerator = (seed: number) => Document;

export interface Catalogue {
  readonly settings: Readonly<Record<string, Setting>>;
  readonly motifs: Readonly<Record<string, Motif>>;
  readonly worlds: Readonly<Record<string, WorldGenerator>>;
  readonly props: Readonly<Record<string, PropGenerator>>;
}
