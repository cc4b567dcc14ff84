import { Report } from './checks/report';
import type { Diagnostic } from './diagnostics';
import { checkProvenance } from './checks/provenance';
import { storyAssets } from './package-assets';
import type { PackageFiles } from './package-file-reader';
import type { StoryPackage } from './schema';
import { webVttProblem } from './webvtt';

/**
 * The author's checks on files: every asset the package names exists, subtitles are valid
 * WebVTT, and the provenance file (if the package has one) matches the files. The player does not
 * pre-check files (it falls back to alternates at run time).
 */
export function checkPackageFiles(story: StoryPackage, files: PackageFiles, file = 'story.json'): Diagnostic[] {
  const report = new Report(file);
  const assets = storyAssets(story);
  for (const { src, at, subtitles } of assets) {
    if (!subtitles) {
      if (!files.exists(src)) report.error('asset.missing', at, `file "${src}" is missing from the package`, 'Add the file, or fix the path (it is relative to story.json).');
      continue;
    }
    const text = files.readText(src);
    if (text === null) report.error('asset.missing', at, `subtitle file "${src}" is missing from the package`, 'Add the file, or fix the path.');
    else {
      const problem = webVttProblem(text);
      if (problem) report.error('subtitles.invalid', at, `"${src}" is not valid WebVTT: ${problem}`, 'Fix the file; see https://www.w3.org/TR/webvtt1/.');
    }
  }
  return [...report.diagnostics, ...checkProvenance(story, files, assets, file)];
}
