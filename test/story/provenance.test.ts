import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type PackageFiles, PROVENANCE_FORMAT, checkPackageFiles, hasAiContent, provenanceSchema, validateStory } from '../../src/story';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A package in memory: a colour scene with narration, and a provenance file for it. */
function pack(files: Record<string, string>, records: Record<string, object> | null) {
  const story = validateStory({
    format: 'sightline/1', id: 'tiny', title: 'Tiny', languages: ['en'], start: 'a', provenance: 'provenance.json',
    scenes: { a: { title: 'A', media: { type: 'color', color: '#000000' }, narration: { en: 'assets/a.ogg' }, ambience: { src: 'assets/bed.ogg' }, ending: true } },
  }).story!;
  const all: Record<string, string> = { ...files, ...(records ? { 'provenance.json': JSON.stringify({ format: PROVENANCE_FORMAT, film: 'tiny', assets: records }) } : {}) };
  const io: PackageFiles = {
    readText: (p) => all[p] ?? null,
    exists: (p) => p in all,
    sha256: (p) => (p in all ? sha(all[p]!) : null),
  };
  return checkPackageFiles(story, io);
}
const record = (text: string, extra: object = {}) => ({
  scene: 'a', role: 'narration', origin: 'generated', aiGenerated: true, tool: 'sightline generate', version: '1', model: 'espeak-ng', prompt: 'A line.', seed: null, sha256: sha(text), bytes: text.length, ...extra,
});

describe('provenance checks', () => {
  const files = { 'assets/a.ogg': 'voice', 'assets/bed.ogg': 'bed' };
  const good = { 'assets/a.ogg': record('voice'), 'assets/bed.ogg': record('bed', { role: 'ambience' }) };

  it('passes a package whose every asset is recorded with its hash', () => {
    expect(pack(files, good)).toEqual([]);
  });

  it('reports a changed file as a hash mismatch naming the file and both hashes', () => {
    // One byte differs; the length is the same.
    const [d, ...rest] = pack({ ...files, 'assets/a.ogg': 'voide' }, good);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', code: 'provenance.hash-mismatch', file: 'provenance.json', path: '$.assets["assets/a.ogg"].sha256' });
    expect(d!.message).toContain('"assets/a.ogg"');
    expect(d!.message).toContain(`expected sha256 ${sha('voice')}`);
    expect(d!.message).toContain(sha('voide'));
    expect(d!.hint).toContain('npm run generate -- scenes/tiny');
  });

  it('warns about an asset with no record, at its place in story.json', () => {
    const { 'assets/bed.ogg': _, ...partial } = good;
    expect(pack(files, partial)).toEqual([expect.objectContaining({ severity: 'warning', code: 'provenance.unrecorded', file: 'story.json', path: '$.scenes.a.ambience.src' })]);
  });

  it('reports a missing or malformed provenance file, a record of a missing file and an unknown scene', () => {
    expect(pack(files, null).map((d) => d.code)).toEqual(['provenance.missing']);
    const broken = { ...good, 'assets/gone.ogg': record('x', { scene: 'nowhere' }), 'assets/a.ogg': { ...record('voice'), sha256: 'nope' } };
    const codes = pack(files, broken).map((d) => `${d.code} ${d.path}`);
    expect(codes).toEqual([expect.stringMatching(/^provenance\.invalid .*assets.*sha256/)]);
    const codes2 = pack(files, { ...good, 'assets/gone.ogg': record('x', { scene: 'nowhere' }) }).map((d) => d.code).sort();
    expect(codes2).toEqual(['provenance.missing-file', 'provenance.scene-unknown']);
  });

  it('labels a film as AI-generated only when a record says so', () => {
    const parse = (assets: object) => provenanceSchema.parse({ format: PROVENANCE_FORMAT, film: 'tiny', assets });
    expect(hasAiContent(parse(good))).toBe(true);
    expect(hasAiContent(parse({ 'assets/a.ogg': record('voice', { aiGenerated: false, origin: 'imported' }) }))).toBe(false);
    expect(hasAiContent(null)).toBe(false);
  });
});
