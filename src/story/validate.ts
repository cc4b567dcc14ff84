import { checkFlow } from './checks/flow';
import { checkReferences } from './checks/references';
import { Report } from './checks/report';
import { checkValues } from './checks/values';
import { type Diagnostic, hasErrors } from './diagnostics';
import { preflight } from './preflight';
import { schemaDiagnostics } from './schema-diagnostics';
import { type StoryPackage, storySchema } from './schema';

export interface ValidateOptions {
  /** File name used in diagnostics. @default "story.json" */
  readonly file?: string;
  /** The folder name the package was loaded from; its `id` must match. */
  readonly expectedId?: string;
}

export interface ValidationResult {
  /** The package with defaults filled in, present only when there are no errors. */
  readonly story: StoryPackage | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Validates a parsed story package: the schema first, then the story graph. Never throws; every
 * problem becomes a diagnostic naming the file, the JSON path and what to do.
 */
export function validateStory(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const file = options.file ?? 'story.json';
  const unsafe = preflight(input, file);
  if (unsafe.length > 0) return { story: undefined, diagnostics: unsafe };
  const parsed = storySchema.safeParse(input);
  if (!parsed.success) return { story: undefined, diagnostics: schemaDiagnostics(parsed.error.issues, file, input) };
  const diagnostics = checkStory(parsed.data, file, options.expectedId);
  return { story: hasErrors(diagnostics) ? undefined : parsed.data, diagnostics };
}

/** Checks that a schema cannot express: references, types, reachable values, and the graph of every edition. */
function checkStory(story: StoryPackage, file: string, expectedId: string | undefined): Diagnostic[] {
  const report = new Report(file);
  checkReferences(story, report, expectedId);
  checkValues(story, report);
  checkFlow(story, report);
  return report.diagnostics;
}
