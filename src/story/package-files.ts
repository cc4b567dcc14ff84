import { Report } from './checks/report';
import type { Diagnostic } from './diagnostics';
import { checkProvenance } from './checks/provenance';
import { storyAssets } from './package-assets';
import type { PackageFiles } from './package-file-reader';
import type { StoryPackage } from './schema';
import { assetPathProblem } from './asset-path';
import { type FileSignature, SIGNATURE_BYTES, checkFileSignature, gltfUris, spzSplats } from './file-signature';
import { webVttProblem } from './webvtt';

/**
 * The device profiles' limits (src/xr/device-profile.ts, checked equal by test/xr): the largest
 * texture any allows and the smallest's; the most splats any draws and the fewest; the largest
 * media budget and the smallest.
 */
export const LARGEST_TEXTURE = 8192;
export const SMALLEST_TEXTURE = 4096;
export const LARGEST_SPLAT_BUDGET = 3_000_000;
export const SMALLEST_SPLAT_BUDGET = 300_000;
export const LARGEST_MEDIA_BUDGET = 1024 * 1024 * 1024;
export const SMALLEST_MEDIA_BUDGET = 192 * 1024 * 1024;
const PICTURES = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'ktx2', 'mp4', 'webm'];

/**
 * The author's checks on files: every asset the package names exists and is what its name says
 * (its first bytes; a picture's size from its header), glTF models name nothing outside the
 * package, subtitles are valid WebVTT, and the provenance file (if the package has one) matches the
 * files. The player falls back to alternates at run time; these tell the author first.
 */
export function checkPackageFiles(story: StoryPackage, files: PackageFiles, file = 'story.json'): Diagnostic[] {
  const report = new Report(file);
  const assets = storyAssets(story);
  for (const { src, at, subtitles } of assets) {
    if (!subtitles) {
      if (!files.exists(src)) report.error('asset.missing', at, `file "${src}" is missing from the package`, 'Add the file, or fix the path (it is relative to story.json).');
      else if (files.head) checkContent(src, at, files, report);
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

function checkContent(src: string, at: readonly PropertyKey[], files: PackageFiles, report: Report): void {
  const ext = src.split('.').pop()!.toLowerCase();
  const model = ext === 'glb' || ext === 'gltf';
  // A model is read whole (its JSON may sit behind embedded buffers); anything else by its head.
  const head = files.head!(src, model ? Number.MAX_SAFE_INTEGER : SIGNATURE_BYTES);
  if (!head) return;
  let signature: FileSignature = checkFileSignature(ext, head.bytes, head.size);
  // An SPZ world's count is inside its gzip: the reader inflates its first bytes.
  if (signature.ok && ext === 'spz' && files.inflatedHead) {
    const inflated = files.inflatedHead(src, 16);
    signature = inflated ? spzSplats(inflated) : { ok: false, problem: 'is gzip that does not inflate (truncated or damaged)' };
  }
  if (!signature.ok) {
    report.error('asset.signature', at, `"${src}" ${signature.problem}`, `Export the file again as .${ext}, or give it the extension of what it is.`);
    return;
  }
  // A wide entry of `sources` is skipped by devices it is too wide for; only a lone picture warns.
  const lone = !at.includes('sources');
  if (PICTURES.includes(ext) && signature.width !== undefined && signature.height !== undefined) {
    const side = Math.max(signature.width, signature.height);
    const dims = `${signature.width}×${signature.height}`;
    if (side > LARGEST_TEXTURE) report.error('asset.too-large', at, `"${src}" is ${dims} pixels; no device shows more than ${LARGEST_TEXTURE} on a side`, `Scale it to at most ${LARGEST_TEXTURE}×${LARGEST_TEXTURE / 2} (a ${SMALLEST_TEXTURE}×${SMALLEST_TEXTURE / 2} alternate serves every device).`);
    else if (side > SMALLEST_TEXTURE && lone) report.warning('asset.large', at, `"${src}" is ${dims} pixels; headsets and phones show at most ${SMALLEST_TEXTURE} on a side`, `Add a ${SMALLEST_TEXTURE}×${SMALLEST_TEXTURE / 2} source in "sources" for them.`);
  }
  if (signature.splats !== undefined) {
    const count = signature.splats.toLocaleString('en');
    if (signature.splats > LARGEST_SPLAT_BUDGET) report.error('asset.too-large', at, `"${src}" holds ${count} splats; no device draws more than ${LARGEST_SPLAT_BUDGET.toLocaleString('en')}`, `Reduce the world to at most ${LARGEST_SPLAT_BUDGET.toLocaleString('en')} splats (${SMALLEST_SPLAT_BUDGET.toLocaleString('en')} draws on every device).`);
    else if (signature.splats > SMALLEST_SPLAT_BUDGET) report.warning('asset.large', at, `"${src}" holds ${count} splats; headsets draw at most ${SMALLEST_SPLAT_BUDGET.toLocaleString('en')}, so they build a level of detail of it as it loads`, `Reduce it to ${SMALLEST_SPLAT_BUDGET.toLocaleString('en')} splats to show it whole on headsets.`);
  }
  if (model) {
    const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
    if (head.size > LARGEST_MEDIA_BUDGET) report.error('asset.too-large', at, `"${src}" is ${mib(head.size)}; no device holds more than ${mib(LARGEST_MEDIA_BUDGET)} of scene media`, 'Simplify the model or compress it (Draco or meshopt geometry, KTX2 textures).');
    else if (head.size > SMALLEST_MEDIA_BUDGET) report.warning('asset.large', at, `"${src}" is ${mib(head.size)}, over a phone's whole media budget of ${mib(SMALLEST_MEDIA_BUDGET)}`, 'Simplify the model or compress it (Draco or meshopt geometry, KTX2 textures).');
  }
  if (model) {
    const folder = src.includes('/') ? src.slice(0, src.lastIndexOf('/') + 1) : '';
    for (const uri of gltfUris(ext, head.bytes) ?? []) {
      if (uri.startsWith('data:')) continue;
      const problem = assetPathProblem(normalize(folder + uri));
      if (problem) report.error('asset.external', at, `"${src}" names "${uri}", which ${problem}`, 'Embed the file in the model (GLB), or put it in the package beside the model with a relative path.');
    }
  }
}

/** "assets/models/../tex.png" as "assets/tex.png"; a path that climbs above the package keeps its "..". */
function normalize(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/')) return path;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else if (segment !== '.') out.push(segment);
  }
  return out.join('/');
}
