import { comparisonOf } from '../condition';
import { PENDING_ENDING, type StoryPackage, type VariableValue } from '../schema';
import type { LocalizedText } from '../text';
import { listSome } from '../list-some';
import type { Report } from './report';
import { effectsOf, grantableClues, hotspotScenes, leavesOf } from './walk';

/** Everything a package names must exist: scenes, clues, variables, hotspots, choices, editions; ids are unique. */
export function checkReferences(story: StoryPackage, report: Report, expectedId: string | undefined): void {
  const sceneIds = Object.keys(story.scenes);
  const knownScenes = `Known scenes: ${listSome(sceneIds)}.`;
  const editions = Object.keys(story.editions);
  const scene = (id: string) => Object.hasOwn(story.scenes, id);
  const edition = (id: string) => Object.hasOwn(story.editions, id);
  const knownEditions = editions.length > 0 ? `Declared editions: ${listSome(editions)}.` : 'Declare it under "editions".';

  if (expectedId !== undefined && story.id !== expectedId)
    report.error('film.id-mismatch', ['id'], `film id "${story.id}" does not match its folder "${expectedId}"`, `Rename the folder or set "id": "${expectedId}".`);
  if (!scene(story.start)) report.error('scene.unknown', ['start'], `start scene "${story.start}" does not exist`, knownScenes);
  if (new Set(story.languages).size !== story.languages.length) report.error('language.duplicate', ['languages'], 'a language is listed twice', 'List each language once.');

  // Hotspot ids are unique in the package; choice ids in their scene.
  const hotspotAt = new Map<string, string>();
  for (const [sceneId, s] of Object.entries(story.scenes)) {
    s.hotspots.forEach((h, i) => {
      const first = hotspotAt.get(h.id);
      if (first !== undefined) report.error('hotspot.duplicate', ['scenes', sceneId, 'hotspots', i, 'id'], `hotspot id "${h.id}" is already used in scene "${first}"`, 'Hotspot ids are unique within the package; rename one.');
      else hotspotAt.set(h.id, sceneId);
    });
    const choiceIds = new Set<string>();
    s.choices.forEach((c, i) => {
      if (choiceIds.has(c.id)) report.error('choice.duplicate', ['scenes', sceneId, 'choices', i, 'id'], `choice id "${c.id}" is used twice in scene "${sceneId}"`, 'Choice ids are unique within their scene; rename one.');
      choiceIds.add(c.id);
    });
  }
  const hotspotIn = hotspotScenes(story);
  const hotspot = (id: string, at: PropertyKey[], inScene?: string) => {
    const where = hotspotIn.get(id);
    if (where === undefined) report.error('hotspot.unknown', at, `no hotspot "${id}"`, 'Use the id of a hotspot declared in a scene.');
    else if (inScene !== undefined && where !== inScene) report.error('hotspot.other-scene', at, `hotspot "${id}" belongs to scene "${where}", not "${inScene}"`, 'Name a hotspot of this scene.');
  };

  for (const [sceneId, s] of Object.entries(story.scenes)) {
    const at = ['scenes', sceneId];
    s.choices.forEach((c, i) => {
      if (c.to !== PENDING_ENDING && !scene(c.to)) report.error('scene.unknown', [...at, 'choices', i, 'to'], `choice leads to unknown scene "${c.to}"`, knownScenes);
      c.in?.forEach((e, j) => edition(e) || report.error('edition.unknown', [...at, 'choices', i, 'in', j], `no edition "${e}"`, knownEditions));
    });
    (s.next ?? []).forEach((r, i) => {
      if (r.to !== PENDING_ENDING && !scene(r.to)) report.error('scene.unknown', [...at, 'next', i, 'to'], `route leads to unknown scene "${r.to}"`, knownScenes);
    });
    s.in?.forEach((e, j) => edition(e) || report.error('edition.unknown', [...at, 'in', j], `no edition "${e}"`, knownEditions));
    s.end?.whenSeen?.forEach((h, j) => hotspot(h, [...at, 'end', 'whenSeen', j], sceneId));
    if (s.offer?.after !== undefined) hotspot(s.offer.after, [...at, 'offer', 'after'], sceneId);
    if (s.offer?.default !== undefined && !s.choices.some((c) => c.id === s.offer?.default))
      report.error('choice.unknown', [...at, 'offer', 'default'], `default "${s.offer.default}" is not a choice of scene "${sceneId}"`, `Choices here: ${listSome(s.choices.map((c) => c.id)) || 'none'}.`);
    s.mostWatched.forEach((g, i) => {
      g.among.forEach((h, j) => hotspot(h, [...at, 'mostWatched', i, 'among', j], sceneId));
      for (const h of Object.keys(g.grants))
        if (!g.among.includes(h)) report.error('hotspot.unknown', [...at, 'mostWatched', i, 'grants', h], `"${h}" is not among the compared hotspots`, `Compare it in "among", or remove it.`);
    });
    if (s.ending && s.choices.length > 0) report.warning('scene.ending-with-choices', [...at, 'choices'], `ending scene "${sceneId}" offers choices that are never shown`, 'Remove the choices or "ending": true.');
  }

  for (const [id, e] of Object.entries(story.editions)) {
    e.insertBeforeEndings?.forEach((s, i) => scene(s) || report.error('scene.unknown', ['editions', id, 'insertBeforeEndings', i], `no scene "${s}"`, knownScenes));
    for (const [s, n] of Object.entries(e.alternates)) {
      if (!scene(s)) report.error('scene.unknown', ['editions', id, 'alternates', s], `no scene "${s}"`, knownScenes);
      else if (n > story.scenes[s]!.alternates.length)
        report.error('alternate.unknown', ['editions', id, 'alternates', s], `scene "${s}" has ${story.scenes[s]!.alternates.length} alternate(s), not ${n}`, 'Count alternates from 1, in the order the scene lists them.');
    }
  }

  // Conditions and effects name things that exist, with the right types.
  const granted = grantableClues(story);
  const variableType = (name: string): string | undefined => (Object.hasOwn(story.variables, name) ? typeof story.variables[name] : undefined);
  for (const { leaf, at } of leavesOf(story)) {
    if ('clue' in leaf && !granted.has(leaf.clue))
      report.error('clue.never-granted', [...at, 'clue'], `no hotspot grants clue "${leaf.clue}", so this condition depends on something the viewer can never find`, 'Add the clue to a hotspot\'s "grants", or fix its spelling.');
    if ('var' in leaf) {
      const type = variableType(leaf.var);
      const [op, operand] = comparisonOf(leaf);
      if (type === undefined) report.error('variable.unknown', [...at, 'var'], `no variable "${leaf.var}"`, 'Declare it under "variables" with its initial value.');
      else if (typeof operand !== type) report.error('variable.type', [...at, op], `variable "${leaf.var}" holds a ${type}, compared here with a ${typeof operand}`, `Compare with a ${type}.`);
      else if (type !== 'number' && !['eq', 'ne'].includes(op)) report.error('variable.type', [...at, op], `"${op}" orders numbers; "${leaf.var}" holds a ${type}`, 'Use "eq" or "ne".');
    }
    if ('visited' in leaf && !scene(leaf.visited)) report.error('scene.unknown', [...at, 'visited'], `no scene "${leaf.visited}"`, knownScenes);
    if ('visits' in leaf && !scene(leaf.visits)) report.error('scene.unknown', [...at, 'visits'], `no scene "${leaf.visits}"`, knownScenes);
    if ('edition' in leaf && !edition(leaf.edition)) report.error('edition.unknown', [...at, 'edition'], `no edition "${leaf.edition}"`, knownEditions);
    if ('attention' in leaf) hotspot(leaf.attention, [...at, 'attention']);
  }
  for (const { effect, at } of effectsOf(story)) {
    const name = 'set' in effect ? effect.set : effect.add;
    const type = variableType(name);
    if (type === undefined) report.error('variable.unknown', [...at, 'set' in effect ? 'set' : 'add'], `no variable "${name}"`, 'Declare it under "variables" with its initial value.');
    else if ('set' in effect && typeof effect.to !== type) report.error('variable.type', [...at, 'to'], `variable "${name}" holds a ${type}, set here to a ${typeof effect.to}`, `Set it to a ${type}.`);
    else if ('add' in effect && type !== 'number') report.error('variable.type', [...at, 'add'], `"add" needs a number; "${name}" holds a ${type}`, 'Use "set" for booleans and strings.');
  }

  checkTexts(story, report);
}

function checkTexts(story: StoryPackage, report: Report): void {
  const check = (text: LocalizedText, path: PropertyKey[]) => {
    if (typeof text === 'string') return;
    for (const language of story.languages)
      if (text[language] === undefined) report.warning('text.missing-language', path, `no "${language}" text; the ${story.languages[0]} text is shown instead`, `Add "${language}": "…".`);
  };
  check(story.title, ['title']);
  for (const [clue, text] of Object.entries(story.clues)) check(text, ['clues', clue]);
  for (const [id, e] of Object.entries(story.editions)) check(e.title, ['editions', id, 'title']);
  story.credits.forEach((c, i) => check(c.role, ['credits', i, 'role']));
  for (const [sceneId, s] of Object.entries(story.scenes)) {
    check(s.title, ['scenes', sceneId, 'title']);
    s.hotspots.forEach((h, i) => check(h.label, ['scenes', sceneId, 'hotspots', i, 'label']));
    s.choices.forEach((c, i) => check(c.label, ['scenes', sceneId, 'choices', i, 'label']));
  }
}

export type { VariableValue };
