import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { storyJsonSchema } from '../story';

/** Writes the published JSON Schema of the story format, generated from the run-time schema. */
export const SCHEMA_FILE = resolve(import.meta.dirname, '../../scenes/story.schema.json');

export function schemaText(): string {
  return `${JSON.stringify(storyJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
