import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { kioskJsonSchema, viewingJsonSchema } from '../records';
import { provenanceJsonSchema, storyJsonSchema } from '../story';

/** Writes the published JSON Schemas of the story and provenance formats, generated from the run-time schemas. */
export const SCHEMA_FILE = resolve(import.meta.dirname, '../../scenes/story.schema.json');
export const PROVENANCE_SCHEMA_FILE = resolve(import.meta.dirname, '../../scenes/provenance.schema.json');
/** Viewing records are the kiosk's, station's and studio's: published beside the player's index.html. */
export const VIEWING_SCHEMA_FILE = resolve(import.meta.dirname, '../../public/viewing.schema.json');
export const KIOSK_SCHEMA_FILE = resolve(import.meta.dirname, '../../public/kiosk.schema.json');

export function schemaText(): string {
  return `${JSON.stringify(storyJsonSchema(), null, 2)}\n`;
}

export function provenanceSchemaText(): string {
  return `${JSON.stringify(provenanceJsonSchema(), null, 2)}\n`;
}

export function viewingSchemaText(): string {
  return `${JSON.stringify(viewingJsonSchema(), null, 2)}\n`;
}

export function kioskSchemaText(): string {
  return `${JSON.stringify(kioskJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(SCHEMA_FILE, schemaText());
  writeFileSync(PROVENANCE_SCHEMA_FILE, provenanceSchemaText());
  writeFileSync(VIEWING_SCHEMA_FILE, viewingSchemaText());
  writeFileSync(KIOSK_SCHEMA_FILE, kioskSchemaText());
  console.log(`wrote ${[SCHEMA_FILE, PROVENANCE_SCHEMA_FILE, VIEWING_SCHEMA_FILE, KIOSK_SCHEMA_FILE].join(', ')}`);
}
