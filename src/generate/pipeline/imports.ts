/**
 * Assets made by outside generators (a world model's splat, a video model's clip, an image model's
 * panorama): dropped into the package's `imports/` folder, each beside a sidecar `<file>.json`
 * that says which scene it is for, what it replaces, and what made it. The generator uses them in
 * place of its own output for that scene and records them in the provenance like its own.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ASSET_KINDS, type AssetKind } from '../../story';

export const IMPORTS_DIR = 'imports';

const vector3 = z.tuple([z.number(), z.number(), z.number()]);

export const sidecarSchema = z.strictObject({
  scene: z.string().meta({ description: 'The scene the asset is for.' }),
  role: z.enum(['panorama', 'video', 'splat', 'prop', 'ambience']).meta({ description: 'What it replaces or adds: the panorama or video backdrop, the splat world, a prop, the ambient bed.' }),
  tool: z.string().min(1).meta({ description: 'The outside tool, for example the world model\'s or video model\'s product name.' }),
  model: z.string().min(1).meta({ description: 'The model (and checkpoint) inside the tool.' }),
  version: z.string().min(1),
  prompt: z.string().meta({ description: 'The prompt or source script given to the tool.' }),
  seed: z.number().int().nullable().default(null),
  styleReferences: z.array(z.string()).default([]),
  parameters: z.record(z.string(), z.unknown()).default({}),
  position: vector3.optional(),
  rotation: vector3.optional(),
  scale: z.number().gt(0).optional(),
  loop: z.boolean().optional().meta({ description: 'Video: loop it (default true).' }),
});
export type Sidecar = z.output<typeof sidecarSchema>;

export interface ImportedAsset {
  /** Path inside the package, like "imports/alley.spz". */
  readonly asset: string;
  readonly sidecar: Sidecar;
}

const KIND_OF_ROLE: Record<Sidecar['role'], AssetKind> = { panorama: 'image', video: 'video', splat: 'splat', prop: 'model', ambience: 'audio' };

/** Every import of the package, checked; throws naming the sidecar, the field and the fix. */
export function readImports(dir: string, scenes: readonly string[]): ImportedAsset[] {
  const folder = join(dir, IMPORTS_DIR);
  if (!existsSync(folder)) return [];
  const found: ImportedAsset[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.json')) continue;
    const where = `${IMPORTS_DIR}/${name}`;
    const fileName = name.slice(0, -'.json'.length);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    } catch (error) {
      throw new Error(`film generator: ${where} is not valid JSON (${(error as Error).message}); fix the sidecar`);
    }
    const parsed = sidecarSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`film generator: ${where} $.${issue.path.join('.')}: ${issue.message}; a sidecar gives scene, role, tool, model, version and prompt`);
    }
    const sidecar = parsed.data;
    if (!scenes.includes(sidecar.scene)) throw new Error(`film generator: ${where} $.scene: no scene "${sidecar.scene}" in story.json; known scenes: ${scenes.join(', ')}`);
    if (!existsSync(join(folder, fileName))) throw new Error(`film generator: ${where} describes "${IMPORTS_DIR}/${fileName}", which is missing; put the file beside its sidecar`);
    const kind = KIND_OF_ROLE[sidecar.role];
    const ext = fileName.split('.').pop()!.toLowerCase();
    if (!(ASSET_KINDS[kind] as readonly string[]).includes(ext))
      throw new Error(`film generator: ${where} $.role: a ${sidecar.role} must be ${ASSET_KINDS[kind].map((e) => '.' + e).join(', ')}, not "${fileName}"`);
    found.push({ asset: `${IMPORTS_DIR}/${fileName}`, sidecar });
  }
  return found;
}
