import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser suite's slowest files, slowest first (their times in a run one file at a time). Two
 * files run at once; started first, they finish with the rest instead of running on alone at the
 * end, as they do in a fresh clone where Vitest has no durations cached to order by.
 */
const SLOWEST = ['film', 'studio', 'kiosk', 'audio', 'xr', 'story', 'screen', 'memory', 'props'];

const rank = (file: TestSpecification) => {
  const at = SLOWEST.findIndex((name) => file.moduleId.replaceAll('\\', '/').endsWith(`/test/browser/${name}.test.ts`));
  return at < 0 ? SLOWEST.length : at;
};

/** Vitest's order (cached durations, else sizes), with the browser suite's slowest files first. */
export class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}
