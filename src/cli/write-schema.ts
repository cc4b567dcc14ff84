import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { provenanceJsonSchema, storyJsonSchema } from '../story';

/** Writes the published JSON Schemas of the story and provenance formats, generated from the run-time schemas. */
export const SCHEMA_FILE = resolve(import.meta.dirname, '../../scenes/story.schema.json');
export const PROVENANCE_SCHEMA_FILE = resolve(import.meta.dirname, '../../scenes/provenance.schema.json');

export function schemaText(): string {
  return `${JSON.stringify(storyJsonSchema(), null, 2)}\n`;
}

export function provenanceSchemaText(): string {
  return `${JSON.stringify(provenanceJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(SCHEMA_FILE, schemaText());
  writeFileSync(PROVENANCE_SCHEMA_FILE, provenanceSchemaText());
  console.log(`wrote ${SCHEMA_FILE} and ${PROVENANCE_SCHEMA_FILE}`);
}
