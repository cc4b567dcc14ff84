import type { Diagnostic, ErrorCode } from '../story';
import { schemaDiagnostics } from '../story';
import { RECORD_LIMITS, type ViewingRecord, viewingRecordSchema } from './schema';
import { viewingMs } from './viewing-log';

/** Viewing records as NDJSON: one record a line, each valid against `viewing.schema.json`. */
export function toNdjson(records: Iterable<ViewingRecord>): string {
  let text = '';
  for (const record of records) text += `${JSON.stringify(record)}\n`;
  return text;
}

export interface ParsedRecords {
  readonly records: ViewingRecord[];
  /** One per line that is not a valid record, naming the file, the line and the field. */
  readonly diagnostics: Diagnostic[];
}

/** Parses an NDJSON export, keeping every valid line and saying what is wrong with the others. */
export function parseNdjson(text: string, file = 'viewings.ndjson'): ParsedRecords {
  const records: ViewingRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const result = parseRecord(line, `${file}:${i + 1}`);
    if ('record' in result) records.push(result.record);
    else diagnostics.push(...result.diagnostics);
  });
  return { records, diagnostics };
}

/** Parses and validates one record from its JSON text (a line of an export, a station's request body). */
export function parseRecord(text: string, file = 'record'): { record: ViewingRecord } | { diagnostics: Diagnostic[] } {
  const problem = (code: ErrorCode, message: string, hint: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ severity: 'error', code, file, path: '$', message, hint }],
  });
  if (text.length > RECORD_LIMITS.bytes) return problem('record.too-large', `the record is ${text.length} characters long, over ${RECORD_LIMITS.bytes}`, 'Records are bounded; this one was not written by Sightline.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return problem('json.syntax', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`, 'Each line of an export is one JSON record.');
  }
  const parsed = viewingRecordSchema.safeParse(value);
  if (!parsed.success) return { diagnostics: schemaDiagnostics(parsed.error.issues, file, value, 'viewing.schema.json') };
  return { record: parsed.data };
}

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: readonly string[], rows: Iterable<ReadonlyArray<string | number | boolean | null>>): string {
  let text = `${header.join(',')}\r\n`;
  for (const row of rows) text += `${row.map(field).join(',')}\r\n`;
  return text;
}

/** One row per viewing. */
export function viewingsCsv(records: Iterable<ViewingRecord>): string {
  return csv(
    ['id', 'kiosk', 'film', 'revision', 'edition', 'language', 'started_at', 'ended_at', 'length_ms', 'outcome', 'ending', 'scenes', 'clues', 'choices'],
    [...records].map((r) => [
      r.id,
      r.kiosk,
      r.film,
      r.revision,
      r.edition,
      r.language,
      r.startedAt,
      r.endedAt,
      viewingMs(r),
      r.outcome.kind,
      r.outcome.kind === 'ending' ? r.outcome.ending : null,
      r.path.map((e) => e.scene).join(' '),
      r.clues.length,
      r.choices.length,
    ]),
  );
}

/** One row per choice taken. */
export function choicesCsv(records: Iterable<ViewingRecord>): string {
  return csv(
    ['viewing', 'film', 'edition', 'language', 'scene', 'choice', 'at_ms', 'by_default'],
    [...records].flatMap((r) => r.choices.map((c) => [r.id, r.film, r.edition, r.language, c.scene, c.choice, c.atMs, c.byDefault])),
  );
}

/** One row per clue found. */
export function cluesCsv(records: Iterable<ViewingRecord>): string {
  return csv(
    ['viewing', 'film', 'edition', 'language', 'clue', 'scene', 'at_ms'],
    [...records].flatMap((r) => r.clues.map((c) => [r.id, r.film, r.edition, r.language, c.clue, c.scene, c.atMs])),
  );
}
