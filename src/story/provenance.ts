import { z } from 'zod';
import { assetPathProblem } from './asset-path';
import type { ErrorCode } from './codes';

/**
 * Provenance format `sightline-provenance/1`: what made each asset of a package. It drives the
 * credits, the "AI-generated content" label and the integrity check of `sightline validate`
 * (every file's sha256). Machine-readable metadata for synthetic content, kept beside story.json.
 */
export const PROVENANCE_FORMAT = 'sightline-provenance/1';

/** What an asset is for in its scene. */
export const ASSET_ROLES = ['panorama', 'poster', 'video', 'splat', 'prop', 'narration', 'subtitles', 'ambience', 'other'] as const;

export const provenanceRecordSchema = z
  .strictObject({
    scene: z.string().optional().meta({ description: 'The scene module the asset belongs to.' }),
    role: z.enum(ASSET_ROLES),
    origin: z.enum(['generated', 'imported']).meta({ description: 'Made by this package\'s generator, or by an outside tool and imported.' }),
    aiGenerated: z.boolean().meta({ description: 'Synthetic content made by a generator (procedural, a model or a speech synthesiser), to be labelled as such.' }),
    tool: z.string().min(1).meta({ description: 'The program that made it, for example "sightline generate" or the outside tool\'s name.' }),
    version: z.string().min(1),
    model: z.string().min(1).meta({ description: 'The generator or model inside the tool, for example "panorama/street" or "espeak-ng cmn-latn-pinyin".' }),
    prompt: z.string().meta({ description: 'The prompt, or the excerpt of the scene script the asset was made from.' }),
    seed: z.number().int().nullable().meta({ description: 'The seed, or null where the tool has none.' }),
    parameters: z.record(z.string(), z.unknown()).default({}).meta({ description: 'Everything else the result depends on.' }),
    styleReferences: z.array(z.string()).default([]),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'a lowercase hex sha256' }),
    bytes: z.number().int().min(0),
  })
  .meta({ id: 'ProvenanceRecord' });

export const provenanceSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(PROVENANCE_FORMAT),
    film: z.string().meta({ description: 'The package id.' }),
    assets: z
      .record(z.string(), provenanceRecordSchema)
      .superRefine((assets, ctx) => {
        for (const path of Object.keys(assets)) {
          const problem = assetPathProblem(path);
          if (problem) ctx.addIssue({ code: 'custom', message: `asset path "${path}" ${problem}`, path: [path], params: { code: 'asset.path' satisfies ErrorCode } });
        }
      })
      .meta({ description: 'Asset path (relative to story.json) → its record.' }),
  })
  .meta({ id: 'Provenance', title: 'Sightline provenance' });

export type Provenance = z.output<typeof provenanceSchema>;
export type ProvenanceRecord = z.output<typeof provenanceRecordSchema>;

/** Whether any asset of the package is synthetic, so the player must label the film. */
export function hasAiContent(provenance: Provenance | null): boolean {
  return provenance !== null && Object.values(provenance.assets).some((r) => r.aiGenerated);
}

/** The published JSON Schema of the provenance file. */
export function provenanceJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(provenanceSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
