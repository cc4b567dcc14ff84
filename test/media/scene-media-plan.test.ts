import { describe, expect, it } from 'vitest';
import type { MediaKind } from '../../src/media/media-budget';
import type { MediaStatus } from '../../src/media/media-library';
import { type MediaStates, type SceneMediaPlan, planSceneMedia } from '../../src/media/scene-media-plan';
import type { SourceSupport } from '../../src/media/source-pick';
import { type StoryPackage, cutEdition, validateStory } from '../../src/story';

const MiB = 1024 * 1024;
const filmBase = new URL('https://player.test/scenes/plan/');

/**
 * A gate with every kind of media (a picture with better sources, a poster and a backup, a splat
 * world, a prop, narration in two languages, an ambience bed) leading to a hall (a video with its
 * own world), a yard and, through a yard, to the ending; the discussion cut inserts a reflection
 * before the ending.
 */
function planFilm(): StoryPackage {
  const { story, diagnostics } = validateStory({
    format: 'sightline/1',
    id: 'plan',
    title: 'Plan',
    languages: ['en', 'zh-CN'],
    start: 'gate',
    editions: { full: { title: 'Full' }, discussion: { title: 'Discussion', insertBeforeEndings: ['reflect'] } },
    scenes: {
      gate: {
        title: 'Gate',
        media: {
          type: 'panorama',
          src: 'assets/gate.jpg',
          poster: 'assets/gate-poster.webp',
          sources: [
            { src: 'assets/gate-8k.ktx2', width: 8192 },
            { src: 'assets/gate.avif', width: 4096, type: 'image/avif' },
          ],
        },
        alternates: [{ media: { type: 'panorama', src: 'assets/gate-backup.jpg' } }],
        splat: { src: 'assets/gate.spz' },
        props: [{ src: 'assets/urn.glb' }],
        narration: { en: 'assets/gate.en.ogg', 'zh-CN': 'assets/gate.zh-CN.ogg' },
        ambience: { src: 'assets/gate-bed.ogg' },
        choices: [
          { id: 'in', label: 'In', to: 'hall' },
          { id: 'out', label: 'Out', to: 'yard' },
        ],
      },
      hall: {
        title: 'Hall',
        media: { type: 'video', src: 'assets/hall.mp4', sources: [{ src: 'assets/hall.webm', width: 2048, type: 'video/webm' }] },
        splat: { src: 'assets/hall.spz' },
        narration: { en: 'assets/hall.en.ogg' },
        choices: [{ id: 'back', label: 'Back', to: 'gate' }],
      },
      yard: { title: 'Yard', media: { type: 'panorama', src: 'assets/yard.jpg' }, choices: [{ id: 'end', label: 'End', to: 'end' }] },
      reflect: { title: 'Reflect', in: ['discussion'], media: { type: 'panorama', src: 'assets/reflect.jpg' }, next: [{ to: '@ending' }] },
      end: { title: 'End', media: { type: 'panorama', src: 'assets/end.jpg' }, ending: true },
    },
  });
  if (!story) throw new Error(JSON.stringify(diagnostics));
  return story;
}

const support: SourceSupport = { ktx2: false, avif: true, maxWidth: 4096, canPlay: () => true };
const file = (url: string) => url.slice(filmBase.href.length + 'assets/'.length);

/** Libraries as the planner sees them: files by name, loading unless listed, 10 MiB each unless listed. */
function states(options: { support?: SourceSupport | null; status?: Record<string, MediaStatus>; bytes?: Record<string, number>; budget?: number } = {}): MediaStates {
  const status = options.status ?? {};
  return {
    support: options.support === undefined ? support : options.support,
    budget: options.budget ?? 1024 * MiB,
    status: (_kind: MediaKind, url: string) => status[file(url)] ?? 'loading',
    error: (_kind: MediaKind, url: string) => (status[file(url)] === 'failed' ? `${file(url)} is broken` : undefined),
    bytesOf: (_kind: MediaKind, url: string) => (options.bytes?.[file(url)] ?? 10) * MiB,
  };
}

/** What a plan holds, by file name, per kind. */
const kept = (plan: SceneMediaPlan) => (plan.kept ? Object.fromEntries(Object.entries(plan.kept).map(([kind, urls]) => [kind, [...urls].map(file)])) : null);

const story = planFilm();
const full = cutEdition(story, 'full');
const request = { story, cut: full, sceneId: 'gate', pendingEnding: null, language: 'en', filmBase, leaving: null };

/** What the plan holds of the gate alone: its picture and poster, world, prop, narration and bed. */
const GATE_ONLY = {
  texture: ['gate.avif', 'gate-poster.webp'],
  video: [],
  splat: ['gate.spz'],
  model: ['urn.glb'],
  narration: ['gate.en.ogg'],
  ambience: ['gate-bed.ogg'],
};

describe('planSceneMedia', () => {
  it('holds nothing before the device says what it can show, and already knows which media plays', () => {
    const plan = planSceneMedia(request, states({ support: null }));
    expect(plan.kept).toBeNull();
    expect(plan.key).toBe('');
    expect(plan.media).toBe(story.scenes['gate']!.media);
    expect(plan.file).toBeNull();
    expect(plan.poster).toBe(`${filmBase.href}assets/gate-poster.webp`);
    expect(plan.next).toEqual(['hall', 'yard']);
  });

  it("holds the scene's own media first, then the next scenes', nearest first, the next worlds once its own is in", () => {
    const loading = planSceneMedia(request, states());
    // The best source this device takes (no KTX2 here), and the poster while it loads; nothing of
    // the next scenes competes with it for the network and the decoders.
    expect(loading.file).toEqual({ kind: 'texture', url: `${filmBase.href}assets/gate.avif` });
    expect(kept(loading)).toEqual(GATE_ONLY);
    // Its picture in, the next scenes' media (their worlds still wait for the gate's).
    const pictured = planSceneMedia(request, states({ status: { 'gate.avif': 'ready' } }));
    expect(kept(pictured)).toEqual({
      texture: ['gate.avif', 'yard.jpg'],
      video: ['hall.webm'],
      splat: ['gate.spz'],
      model: ['urn.glb'],
      narration: ['gate.en.ogg', 'hall.en.ogg'],
      ambience: ['gate-bed.ogg'],
    });
    // A picture that failed is settled too: the alternate loads, and the next scenes with it.
    expect(kept(planSceneMedia(request, states({ status: { 'gate.avif': 'failed' } })))!['texture']).toEqual(['gate.jpg', 'gate-poster.webp']);
    expect(kept(planSceneMedia(request, states({ status: { 'gate.avif': 'failed', 'gate.jpg': 'ready' } })))!['texture']).toEqual(['gate.jpg', 'yard.jpg']);
    const ready = planSceneMedia(request, states({ status: { 'gate.avif': 'ready', 'gate.spz': 'ready' } }));
    expect(ready.poster).toBeNull();
    expect(kept(ready)).toEqual({
      texture: ['gate.avif', 'yard.jpg'],
      video: ['hall.webm'],
      splat: ['gate.spz', 'hall.spz'],
      model: ['urn.glb'],
      narration: ['gate.en.ogg', 'hall.en.ogg'],
      ambience: ['gate-bed.ogg'],
    });
    expect(ready.key).not.toBe(pictured.key);
    expect(pictured.key).not.toBe(loading.key);
    expect(planSceneMedia(request, states({ status: { 'gate.avif': 'ready', 'gate.spz': 'ready' } })).key).toBe(ready.key);
  });

  it("takes narration in the viewer's language, else the film's first", () => {
    expect(kept(planSceneMedia({ ...request, language: 'zh-CN' }, states({ status: { 'gate.avif': 'ready' } })))!['narration']).toEqual(['gate.zh-CN.ogg', 'hall.en.ogg']);
  });

  it('keeps the picture leaving through the transition with the scene itself', () => {
    const plan = planSceneMedia({ ...request, leaving: `${filmBase.href}assets/yard.jpg` }, states({ budget: 0 }));
    expect(kept(plan)!['texture']).toEqual(['gate.avif', 'gate-poster.webp', 'yard.jpg']);
  });

  it('always holds the current scene, and preloads the next ones only while they fit, sound included', () => {
    // 10 MiB a file: the gate's six (its picture, poster, world, prop, narration and bed) are over budget and held all the same; nothing more.
    expect(kept(planSceneMedia(request, states({ budget: 50 * MiB })))).toEqual(GATE_ONLY);
    // Room for the hall's video and world but not its narration: preloading stops there, before the yard.
    const plan = planSceneMedia(request, states({ budget: 75 * MiB, status: { 'gate.avif': 'ready', 'gate.spz': 'ready' } }));
    expect(kept(plan)).toMatchObject({ texture: ['gate.avif'], video: ['hall.webm'], splat: ['gate.spz', 'hall.spz'], narration: ['gate.en.ogg'] });
  });

  it('gives a failed source way to the next, and failed media to its alternate, saying why', () => {
    const fallback = planSceneMedia(request, states({ status: { 'gate.avif': 'failed' } }));
    expect(fallback.file?.url).toBe(`${filmBase.href}assets/gate.jpg`);
    expect(fallback.detail).toBeUndefined();
    const alternate = planSceneMedia(request, states({ status: { 'gate.avif': 'failed', 'gate.jpg': 'failed' } }));
    expect(alternate.media).toBe(story.scenes['gate']!.alternates[0]!.media);
    expect(alternate.file?.url).toBe(`${filmBase.href}assets/gate-backup.jpg`);
    expect(alternate.detail).toBe('gate.jpg is broken');
    expect(alternate.poster).toBeNull();
    const none = planSceneMedia(request, states({ status: { 'gate.avif': 'failed', 'gate.jpg': 'failed', 'gate-backup.jpg': 'failed' } }));
    expect(none.media).toBeNull();
    expect(none.file).toBeNull();
  });

  it('preloads the scenes an edition inserts before the ending, then only the ending pending', () => {
    const discussion = cutEdition(story, 'discussion');
    const shown = states({ status: { 'yard.jpg': 'ready', 'reflect.jpg': 'ready' } });
    const yard = planSceneMedia({ ...request, cut: discussion, sceneId: 'yard' }, shown);
    expect(yard.next).toEqual(['reflect']);
    expect(kept(yard)!['texture']).toEqual(['yard.jpg', 'reflect.jpg']);
    expect(kept(planSceneMedia({ ...request, cut: full, sceneId: 'yard' }, shown))!['texture']).toEqual(['yard.jpg', 'end.jpg']);
    const reflect = planSceneMedia({ ...request, cut: discussion, sceneId: 'reflect', pendingEnding: 'end' }, shown);
    expect(kept(reflect)!['texture']).toEqual(['reflect.jpg', 'end.jpg']);
  });
});
