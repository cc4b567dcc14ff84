/** The provenance the generator writes: one record per asset file, with the file's sha256 and size. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVENANCE_FORMAT, type Provenance, type ProvenanceRecord, provenanceSchema } from '../../story';
import { formatJson } from './story-file';

export type RecordInput = Omit<ProvenanceRecord, 'sha256' | 'bytes'>;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class ProvenanceLog {
  private readonly assets: Record<string, ProvenanceRecord>;

  /** Starts from the package's provenance file (if any), less the records of the scenes about to be made anew. */
  constructor(
    private readonly dir: string,
    private readonly film: string,
    remake: ReadonlySet<string>,
    private readonly file = 'provenance.json',
  ) {
    const path = join(dir, file);
    const old = existsSync(path) ? provenanceSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))) : null;
    this.assets = {};
    if (old?.success && old.data.film === film)
      for (const [asset, record] of Object.entries(old.data.assets)) if (record.scene === undefined || !remake.has(record.scene)) this.assets[asset] = record;
  }

  /** Records an asset already written to the package. */
  record(asset: string, input: RecordInput): void {
    const bytes = readFileSync(join(this.dir, asset));
    this.assets[asset] = { ...input, sha256: sha256Of(bytes), bytes: bytes.length };
  }

  /** Keeps only the records of files the story still uses, sorted, and writes the file. */
  write(used: ReadonlySet<string>): Provenance {
    const assets: Record<string, ProvenanceRecord> = {};
    for (const asset of Object.keys(this.assets).sort()) if (used.has(asset)) assets[asset] = this.assets[asset]!;
    const provenance: Provenance = { $schema: '../provenance.schema.json', format: PROVENANCE_FORMAT, film: this.film, assets };
    writeFileSync(join(this.dir, this.file), `${formatJson(provenance)}\n`);
    return provenance;
  }
}
