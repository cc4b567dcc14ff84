import { cutEdition } from '../editions';
import { reachableFrom, sceneGraph, scenesWithAWayOut } from '../scene-graph';
import { PENDING_ENDING, type StoryPackage } from '../schema';
import type { Report } from './report';

/**
 * The story graph of every edition: the film starts, every scene has a way on, every ending is
 * reachable, no loop traps the viewer, skipped scenes can be bypassed, defaults are always available.
 * Conditions are ignored here (a linear pass); `paths` explores them.
 */
export function checkFlow(story: StoryPackage, report: Report): void {
  if (!Object.hasOwn(story.scenes, story.start)) return; // Reported as scene.unknown.
  const editions: Array<string | null> = Object.keys(story.editions).length > 0 ? Object.keys(story.editions) : [null];
  const inserted = new Set(Object.values(story.editions).flatMap((e) => e.insertBeforeEndings ?? []));
  const reachedAnywhere = new Set<string>();
  const endingReached = new Set<string>();
  const reported = new Set<string>();
  const once = (key: string, fn: () => void) => {
    if (!reported.has(key)) {
      reported.add(key);
      fn();
    }
  };
  const named = (edition: string | null) => (edition === null ? '' : ` in edition "${edition}"`);

  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    const targets = [...scene.choices.map((c, i) => ['choices', i, c.to] as const), ...(scene.next ?? []).map((r, i) => ['next', i, r.to] as const)];
    for (const [kind, i, to] of targets)
      if (to === PENDING_ENDING && !inserted.has(sceneId))
        report.error('ending.pending-outside-insert', ['scenes', sceneId, kind, i, 'to'], `"@ending" is only meaningful in a scene an edition inserts before the endings`, 'Name a scene, or list this scene in an edition\'s "insertBeforeEndings".');
    const last = scene.next?.at(-1);
    if (last?.when !== undefined && scene.choices.length === 0 && !scene.ending)
      report.error('route.no-fallback', ['scenes', sceneId, 'next', scene.next!.length - 1], `when no route of scene "${sceneId}" matches, the viewer is stuck there`, 'End "next" with a route without "when".');
    const offer = scene.offer;
    const byDefault = scene.choices.find((c) => c.id === offer?.default);
    if (byDefault?.when !== undefined)
      report.error('offer.default-conditional', ['scenes', sceneId, 'offer', 'default'], `default "${byDefault.id}" has a condition that can be false, so nothing may be taken when time runs out`, 'Give the default no "when".');
    if (scene.end?.withMedia && !(scene.media.type === 'video' && !scene.media.loop))
      report.warning(
        'scene.media-never-ends',
        ['scenes', sceneId, 'end', 'withMedia'],
        scene.media.type === 'video' ? `the video of scene "${sceneId}" loops, so it never ends` : `the media of scene "${sceneId}" is a still image or colour, which never ends`,
        'Give the video "loop": false, or end the scene with "afterMs".',
      );
    if (offer?.timeoutMs !== undefined && offer.default === undefined)
      report.warning('offer.timeout-without-default', ['scenes', sceneId, 'offer', 'timeoutMs'], 'choices time out but there is no default to take', 'Add "default", or remove "timeoutMs".');
  }

  for (const edition of editions) {
    const cut = cutEdition(story, edition);
    const graph = sceneGraph(story, cut);
    const endings = [...graph.keys()].filter((s) => story.scenes[s]!.ending);
    if (!cut.includes(cut.start))
      once(`bypass:${story.start}`, () => report.error('edition.no-bypass', ['start'], `the start scene is skipped${named(edition)} and has no fallback route`, 'Give it a "next" route without "when", or include it.'));
    for (const [sceneId, targets] of graph) {
      const scene = story.scenes[sceneId]!;
      for (const target of targets)
        if (!cut.includes(target) && Object.hasOwn(story.scenes, target))
          once(`bypass:${target}`, () => report.error('edition.no-bypass', ['scenes', target, 'in'], `scene "${target}" is skipped${named(edition)}, but "${sceneId}" leads to it and it has no fallback route`, 'End its "next" with a route without "when", so cuts that skip it know where to go.'));
      if (!scene.ending && targets.size === 0)
        once(`dead:${sceneId}`, () => report.error('scene.dead-end', ['scenes', sceneId], `scene "${sceneId}" is not an ending and has no way out${named(edition)}, so the viewer is stuck there`, 'Add a choice or a "next" route, or mark it "ending": true.'));
      const byDefault = scene.offer?.default;
      if (byDefault !== undefined && scene.choices.some((c) => c.id === byDefault) && !cut.choicesOf(sceneId).some((c) => c.id === byDefault))
        once(`default:${sceneId}`, () => report.error('offer.default-removed', ['scenes', sceneId, 'offer', 'default'], `default "${byDefault}" is not offered${named(edition)}`, 'Offer the default in every edition that plays the scene, or choose another.'));
    }
    const reached = reachableFrom(graph, cut.start);
    reached.forEach((s) => reachedAnywhere.add(s));
    endings.filter((e) => reached.has(e)).forEach((e) => endingReached.add(e));
    if (endings.every((e) => !reached.has(e)))
      once(`no-ending:${edition}`, () => report.error('ending.unreachable', ['start'], `no ending can be reached from the start${named(edition)}`, 'Mark a reachable scene "ending": true.'));
    const wayOut = scenesWithAWayOut(graph, endings);
    for (const sceneId of reached)
      if (!wayOut.has(sceneId) && (graph.get(sceneId)?.size ?? 0) > 0)
        once(`trap:${sceneId}`, () => report.error('loop.no-exit', ['scenes', sceneId], `from scene "${sceneId}" no ending can be reached${named(edition)}: the viewer loops forever`, 'Add a choice or route out of the loop toward an ending.'));
  }

  for (const sceneId of Object.keys(story.scenes)) {
    const scene = story.scenes[sceneId]!;
    if (scene.ending && !endingReached.has(sceneId) && !reachedAnywhere.has(sceneId))
      report.error('ending.unreachable', ['scenes', sceneId], `no path reaches ending "${sceneId}"`, 'Lead a choice or route to it, or remove it.');
    else if (!reachedAnywhere.has(sceneId) && !inserted.has(sceneId))
      report.warning('scene.unreachable', ['scenes', sceneId], `no choice or route leads to scene "${sceneId}"`, 'Link it from a choice or route, or remove it.');
  }
}
