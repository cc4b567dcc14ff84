import { type ViewingRecord, parseNdjson, unique } from '../../records';

/** What is wrong with one line of a records file, said where an author can find it. */
export interface RecordProblem {
  readonly file: string;
  /** 1-based line of the file. */
  readonly line: number;
  /** JSON path inside the line's record, for example `$.path[0].gaze[3]`; `$` for the whole line. */
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

export type RecordsFile =
  | { readonly ok: true; readonly file: string; readonly records: readonly ViewingRecord[]; readonly problems: readonly RecordProblem[] }
  | { readonly ok: false; readonly file: string; readonly error: string; readonly problems: readonly RecordProblem[] };

/**
 * Reads a kiosk's or a station's NDJSON export (`viewings.ndjson`): every valid line is a record,
 * a record that appears twice (exported again, or re-sent) counts once, the later copy winning.
 * A bad line is a problem naming the file, the line and the field, not a reason to drop the file;
 * a file with no valid record at all is an error saying so.
 */
export function loadRecordsFile(text: string, fileName: string): RecordsFile {
  const parsed = parseNdjson(text, fileName);
  const problems = parsed.diagnostics.map((d) => problemOf(d, fileName));
  const records = [...unique(parsed.records)];
  if (records.length > 0) return { ok: true, file: fileName, records, problems };
  const error =
    problems.length === 0
      ? `${fileName} holds no viewing record: it is empty. Export viewings.ndjson from a kiosk's operator panel or a station.`
      : `${fileName} holds no valid viewing record (${problems.length} line${problems.length === 1 ? '' : 's'} with problems, listed below). Is it a Sightline viewings.ndjson export?`;
  return { ok: false, file: fileName, error, problems };
}

/** parseNdjson names a line's place as `file:line`. */
function problemOf(d: { file: string; path: string; message: string; hint: string }, fileName: string): RecordProblem {
  const at = d.file.slice(fileName.length + 1);
  return { file: fileName, line: Number(at), path: d.path, message: d.message, hint: d.hint };
}
