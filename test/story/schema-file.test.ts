import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIOSK_SCHEMA_FILE, PROVENANCE_SCHEMA_FILE, SCHEMA_FILE, VIEWING_SCHEMA_FILE, kioskSchemaText, provenanceSchemaText, schemaText, viewingSchemaText } from '../../src/cli/write-schema';

describe('published JSON Schemas', () => {
  it('story.schema.json is up to date with the run-time schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });
  it('provenance.schema.json is up to date with the run-time schema', () => {
    expect(readFileSync(PROVENANCE_SCHEMA_FILE, 'utf8')).toBe(provenanceSchemaText());
  });
  it('viewing.schema.json is up to date with the run-time schema', () => {
    expect(readFileSync(VIEWING_SCHEMA_FILE, 'utf8')).toBe(viewingSchemaText());
  });
  it('kiosk.schema.json is up to date with the run-time schema', () => {
    expect(readFileSync(KIOSK_SCHEMA_FILE, 'utf8')).toBe(kioskSchemaText());
  });
});
