/**
 * The film pipeline: scene scripts in, generated assets out, with provenance. This module is its
 * public surface: `generateFilm`, and the vocabulary a film's painters and generators are written
 * in (briefs, settings, motifs, the catalogue); and `sketchFilm`, which paints the scripts'
 * panoramas alone. `npm run generate` and `npm run sketch` run them with every film's catalogue
 * (src/generate/generate-film.ts, sketch-film.ts).
 *
 * For every scene with a script (or only the named ones, so a module can be made anew on its own)
 * it paints the panorama from the script's setting, elements, lighting and emotion (4096×2048
 * WebP, 2048×1024 JPEG fallback, poster), speaks the narration lines in every language with
 * subtitles aligned to the speech, makes an ambient bed for the emotion, and builds the script's
 * splat world and props; files an outside tool made (imports/, see imports.ts) are used instead.
 * story.json gets the scene's media, narration, subtitles, ambience, splat and props fields, and
 * provenance.json one record per file. Everything comes from the script and its seed, so two runs
 * write the same bytes.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run as sightline } from '../../cli';
import { type Scene, type StoryPackage, storyAssets } from '../../story';
import { makeAmbience } from './ambience';
import { briefOf, emotionOf } from './brief-of';
import type { Catalogue } from './catalogue';
import { type ImportedAsset, readImports } from './imports';
import { speakNarration } from './narration';
import { writePanorama } from './panorama-assets';
import { writePropGlb } from './prop-glb';
import { ProvenanceLog, type RecordInput } from './provenance-log';
import { readStoryFile, writeStoryFile } from './story-file';
import { GENERATOR_TOOL, GENERATOR_VERSION, toolVersions } from './tools';
import { writeWorldSpz } from './world-spz';

export { EMOTIONS, type Element, type Emotion, type Lighting, type Motif, type SceneBrief, type Setting } from './brief';
export type { Catalogue, PropGenerator, WorldGenerator } from './catalogue';
export { SKETCH_WIDTH, type SketchOptions, sketchFilm } from './sketch';
export { speakNarration } from './narration';

/** Seconds of ambient bed; it loops seamlessly, so a scene of any length can play over it. */
const AMBIENCE_SECONDS = 40;
const AMBIENCE_VOLUME = 0.5;

export interface GenerateOptions {
  /** Only these scenes are made anew; the others keep their files and records. @default every scene with a script */
  readonly scenes?: readonly string[];
  /** Where progress lines go. @default console.log */
  readonly log?: (line: string) => void;
}

type RawScene = Record<string, unknown>;

interface SceneContext {
  readonly dir: string;
  readonly story: StoryPackage;
  readonly catalogue: Catalogue;
  readonly provenance: ProvenanceLog;
  readonly imports: readonly ImportedAsset[];
  readonly log: (line: string) => void;
}

/** Makes a film's assets from its scripts, painting and building with what `catalogue` names. */
export async function generateFilm(dirArg: string, catalogue: Catalogue, options: GenerateOptions = {}): Promise<void> {
  const dir = resolve(dirArg);
  const log = options.log ?? console.log;
  const { raw, story } = readStoryFile(dir);
  const scripted = Object.keys(story.scenes).filter((id) => story.scenes[id]!.script !== undefined);
  for (const id of options.scenes ?? []) if (!Object.hasOwn(story.scenes, id)) throw new Error(`film generator: no scene "${id}"; known scenes: ${Object.keys(story.scenes).join(', ')}`);
  const remake = options.scenes ?? scripted;
  const provenance = new ProvenanceLog(dir, story.id, new Set(remake), story.provenance ?? 'provenance.json');
  const ctx: SceneContext = { dir, story, catalogue, provenance, imports: readImports(dir, Object.keys(story.scenes)), log };
  for (const id of remake) {
    const started = performance.now();
    await makeScene(ctx, id, story.scenes[id]!, raw.scenes[id]!);
    log(`${id}: made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  raw['provenance'] = story.provenance ?? 'provenance.json';
  writeStoryFile(dir, raw);
  const { story: written } = readStoryFile(dir);
  provenance.write(new Set(storyAssets(written).map((a) => a.src)));
  // The package as the player and `sightline validate` will see it, hashes included.
  const lines: string[] = [];
  const status = sightline(['validate', dir], (s) => lines.push(s), (s) => lines.push(s));
  log(lines.join('').trimEnd());
  if (status !== 0) throw new Error('film generator: the package does not validate after generation (above)');
}

async function makeScene(ctx: SceneContext, id: string, scene: Scene, raw: RawScene): Promise<void> {
  const { dir, story, provenance, log } = ctx;
  const script = scene.script;
  if (!script) return;
  const folder = `assets/${id}`;
  // A module is made anew whole: nothing of its last version lingers.
  rmSync(join(dir, folder), { recursive: true, force: true });
  mkdirSync(join(dir, folder), { recursive: true });
  const tools = toolVersions();
  const seed = script.seed ?? 0;
  const prompt = script.description ?? '';
  const generated = (fields: Omit<RecordInput, 'scene' | 'origin' | 'aiGenerated' | 'tool' | 'version' | 'styleReferences'>): RecordInput => ({
    scene: id,
    origin: 'generated',
    aiGenerated: true,
    tool: GENERATOR_TOOL,
    version: GENERATOR_VERSION,
    styleReferences: script.style,
    ...fields,
  });
  const imported = (imp: ImportedAsset, role: RecordInput['role']) => {
    const s = imp.sidecar;
    provenance.record(imp.asset, {
      scene: id, role, origin: 'imported', aiGenerated: true, tool: s.tool, version: s.version, model: s.model,
      prompt: s.prompt, seed: s.seed, parameters: s.parameters, styleReferences: s.styleReferences,
    });
    log(`${id}: ${imp.asset} imported from ${s.tool} (${s.model})`);
  };
  const importsHere = ctx.imports.filter((i) => i.sidecar.scene === id);
  const placement = (imp: ImportedAsset) => ({ position: imp.sidecar.position ?? [0, 0, 0], rotation: imp.sidecar.rotation ?? [0, 0, 0], scale: imp.sidecar.scale ?? 1 });

  // The backdrop: an imported panorama or video, else the painted setting, else what the author wrote (a colour).
  const backdrop = importsHere.find((i) => i.sidecar.role === 'panorama' || i.sidecar.role === 'video');
  if (backdrop) {
    raw['media'] = backdrop.sidecar.role === 'panorama' ? { type: 'panorama', src: backdrop.asset } : { type: 'video', src: backdrop.asset, loop: backdrop.sidecar.loop ?? true };
    imported(backdrop, backdrop.sidecar.role);
  } else if (script.setting) {
    const brief = briefOf(id, scene);
    const pano = await writePanorama(dir, folder, brief, ctx.catalogue);
    raw['media'] = pano.media;
    for (const f of pano.files) provenance.record(f.asset, generated({ role: f.role, model: `procedural panorama/${brief.setting} (libvips ${tools['libvips']})`, prompt, seed, parameters: f.parameters }));
    log(`${id}: panorama ${brief.setting}, ${kb(dir, pano.files[0]!.asset)} KB (4096), ${kb(dir, pano.files[1]!.asset)} KB (2048)`);
  }

  // Narration in every language the script gives lines for, with subtitles where it is heard.
  const narration: Record<string, string> = {};
  const subtitles: Record<string, string> = {};
  for (const language of story.languages) {
    const lines = script.narration[language];
    if (!lines) continue;
    const audio = `${folder}/narration.${language}.ogg`;
    const vtt = `${folder}/subtitles.${language}.vtt`;
    const spoken = await speakNarration({ lines, language, outAudio: join(dir, audio), outVtt: join(dir, vtt) });
    narration[language] = audio;
    subtitles[language] = vtt;
    const text = lines.join(' ');
    provenance.record(audio, generated({ role: 'narration', model: `espeak-ng ${tools['espeak']} voice ${spoken.voice}`, prompt: text, seed: null, parameters: { language, ...spoken.parameters, durationMs: spoken.durationMs } }));
    provenance.record(vtt, generated({ role: 'subtitles', model: `cue timing from the synthesised speech`, prompt: text, seed: null, parameters: { language, cues: spoken.cues.length } }));
    log(`${id}: narration ${language} ${(spoken.durationMs / 1000).toFixed(1)} s`);
  }
  if (Object.keys(narration).length > 0) {
    raw['narration'] = narration;
    raw['subtitles'] = subtitles;
  }

  // The ambient bed of the scene's emotion.
  const bed = importsHere.find((i) => i.sidecar.role === 'ambience');
  const volume = (raw['ambience'] as { volume?: number } | undefined)?.volume ?? AMBIENCE_VOLUME;
  if (bed) {
    raw['ambience'] = { src: bed.asset, volume };
    imported(bed, 'ambience');
  } else {
    const emotion = emotionOf(id, script.emotion);
    const src = `${folder}/ambience.ogg`;
    const made = await makeAmbience({ emotion, seed, seconds: AMBIENCE_SECONDS, out: join(dir, src) });
    raw['ambience'] = { src, volume };
    provenance.record(src, generated({ role: 'ambience', model: `sox ${tools['sox']} ambience/${emotion}`, prompt: `emotion: ${emotion}`, seed, parameters: { ...made.parameters, seconds: AMBIENCE_SECONDS, lowFrequencyShare: round(made.lowShare) } }));
    log(`${id}: ambience ${emotion}, low-frequency share ${Math.round(made.lowShare * 100)} %`);
  }

  // The splat world: imported, or built from the script.
  const world = importsHere.find((i) => i.sidecar.role === 'splat');
  if (world) {
    raw['splat'] = { src: world.asset, ...placement(world) };
    imported(world, 'splat');
  } else if (script.world) {
    const build = ctx.catalogue.worlds[script.world.generator];
    if (!build) throw new Error(`film generator: scenes.${id}.script.world.generator "${script.world.generator}" is not a world generator; use one of: ${Object.keys(ctx.catalogue.worlds).join(', ')}`);
    const src = `${folder}/${script.world.generator}.spz`;
    const splats = build(seed);
    writeFileSync(join(dir, src), writeWorldSpz(splats));
    const { generator, ...at } = script.world;
    raw['splat'] = { src, ...at };
    provenance.record(src, generated({ role: 'splat', model: `procedural splats/${generator}`, prompt, seed, parameters: { splats: splats.length, format: 'spz' } }));
    log(`${id}: splat world ${generator}, ${splats.length} splats, ${kb(dir, src)} KB`);
  } else delete raw['splat'];

  // Props: the script's, then any imported.
  const props: unknown[] = [];
  for (const [i, p] of script.props.entries()) {
    const build = ctx.catalogue.props[p.generator];
    if (!build) throw new Error(`film generator: scenes.${id}.script.props[${i}].generator "${p.generator}" is not a prop generator; use one of: ${Object.keys(ctx.catalogue.props).join(', ')}`);
    const src = `${folder}/${p.generator}.glb`;
    writeFileSync(join(dir, src), await writePropGlb(build(seed + i)));
    const { generator, ...at } = p;
    props.push({ src, ...at });
    provenance.record(src, generated({ role: 'prop', model: `procedural glTF/${generator}`, prompt, seed: seed + i, parameters: { format: 'glb' } }));
    log(`${id}: prop ${generator}, ${kb(dir, src)} KB`);
  }
  for (const imp of importsHere.filter((i) => i.sidecar.role === 'prop')) {
    props.push({ src: imp.asset, ...placement(imp) });
    imported(imp, 'prop');
  }
  if (props.length > 0) raw['props'] = props;
  else delete raw['props'];
}

const kb = (dir: string, asset: string) => Math.round(statSync(join(dir, asset)).size / 1024);
const round = (v: number) => Math.round(v * 1000) / 1000;
