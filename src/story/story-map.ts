import { leafConditions } from './condition';
import { conditionInWords } from './condition-words';
import { cutEdition } from './editions';
import { arrivals } from './next-scenes';
import { PENDING_ENDING, type Scene, type StoryPackage } from './schema';
import { localize } from './text';

/** One scene as a map of the film draws it. */
export interface MapScene {
  readonly id: string;
  readonly title: string;
  readonly start: boolean;
  readonly ending: boolean;
  /** Played before the endings in this cut (an edition's `insertBeforeEndings`). */
  readonly inserted: boolean;
  /** The script's emotion tag, or null. */
  readonly emotion: string | null;
  /** The editions the scene plays in (all of the film's when it names none). */
  readonly editions: readonly string[];
  /** A small picture of the scene, as a path in the package (the media's poster, else a panorama's picture), or null. */
  readonly poster: string | null;
  /** A plain-colour scene's colour, or null. */
  readonly color: string | null;
  /** How many backup modules the scene has, and which one this cut plays (0: the primary). */
  readonly alternates: number;
  readonly alternatePlayed: number;
  /** The clues the scene can give, each with the hotspot that gives it (a dwell, or the longest look at scene end). */
  readonly clues: readonly MapClue[];
}

export interface MapClue {
  readonly clue: string;
  readonly hotspot: string;
}

/** One way from a scene to another, as the compiled machine takes it in a cut. */
export interface MapEdge {
  /** Stable across edits that keep the choice's id or the route's place. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** A viewer's choice, or a route taken when the scene ends. */
  readonly kind: 'choice' | 'route';
  /** The choice's label, or the route's moment ("at scene end", "after 60 s"). */
  readonly label: string;
  /** The condition in words, or null when the way is always open. */
  readonly condition: string | null;
  /** A choice that closes after a time limit. */
  readonly timed: boolean;
  /** The choice taken when time runs out or the scene ends. */
  readonly isDefault: boolean;
  /** Hotspots whose longest look (`mostWatched`) grants a clue this way asks for. */
  readonly mostWatched: readonly string[];
  /** Where the way is written in story.json, for example `$.scenes.hall.choices[1]`. */
  readonly path: string;
  /** The scene written as the target, when the cut leads elsewhere (a skipped scene's bypass, an inserted scene, "@ending"). */
  readonly written: string;
}

export interface StoryMap {
  readonly edition: string | null;
  readonly start: string;
  /** Scenes of the cut, sorted by id (so a layout fed them in this order stays put when one is added). */
  readonly scenes: readonly MapScene[];
  readonly edges: readonly MapEdge[];
}

/**
 * The film's map in one edition's cut: its scenes and every way between them, each arrival where
 * the compiled machine enters it (`arrivals`, the rule `nextScenes` and the scene graph follow).
 */
export function storyMap(story: StoryPackage, edition: string | null, language: string = story.languages[0] ?? 'en'): StoryMap {
  const cut = cutEdition(story, edition);
  const text = (t: Parameters<typeof localize>[0]) => localize(t, language, story.languages);
  const allEditions = Object.keys(story.editions);
  const ids = Object.keys(story.scenes)
    .filter((id) => cut.includes(id))
    .sort();
  const scenes = ids.map((id): MapScene => {
    const scene = story.scenes[id]!;
    const media = scene.media;
    return {
      id,
      title: text(scene.title),
      start: id === cut.start,
      ending: scene.ending,
      inserted: cut.inserts.includes(id),
      emotion: scene.script?.emotion ?? null,
      editions: scene.in ?? allEditions,
      poster: media.type === 'color' ? null : (media.poster ?? (media.type === 'panorama' ? media.src : null)),
      color: media.type === 'color' ? media.color : null,
      alternates: scene.alternates.length,
      alternatePlayed: cut.alternateOf(id),
      clues: [
        ...scene.hotspots.flatMap((h) => h.grants.map((clue) => ({ clue, hotspot: h.id }))),
        ...[...mostWatchedClues(scene)].flatMap(([clue, hotspots]) => hotspots.map((hotspot) => ({ clue, hotspot }))),
      ],
    };
  });
  const edges: MapEdge[] = [];
  for (const from of ids) {
    const scene = story.scenes[from]!;
    if (scene.ending) continue;
    const watched = mostWatchedClues(scene);
    const choices = scene.choices;
    for (const choice of cut.choicesOf(from)) {
      const index = choices.indexOf(choice);
      for (const arrival of arrivals(story, cut, from, choice.to))
        edges.push({
          id: `${from}/choice/${choice.id}/${arrival.scene}`,
          from,
          to: arrival.scene,
          kind: 'choice',
          label: text(choice.label),
          condition: choice.when ? conditionInWords(choice.when) : null,
          timed: scene.offer?.timeoutMs !== undefined,
          isDefault: scene.offer?.default === choice.id,
          mostWatched: choice.when ? watchedBy(choice.when, watched) : [],
          path: `$.scenes.${from}.choices[${index}]`,
          written: choice.to,
        });
    }
    (scene.next ?? []).forEach((route, index) => {
      for (const arrival of arrivals(story, cut, from, route.to))
        edges.push({
          id: `${from}/next/${index}/${arrival.scene}`,
          from,
          to: arrival.scene,
          kind: 'route',
          label: sceneEnd(scene),
          condition: route.when ? conditionInWords(route.when) : null,
          timed: false,
          isDefault: false,
          mostWatched: route.when ? watchedBy(route.when, watched) : [],
          path: `$.scenes.${from}.next[${index}]`,
          written: route.to === PENDING_ENDING ? 'the ending chosen' : route.to,
        });
    });
  }
  return { edition, start: cut.start, scenes, edges };
}

/** When a scene's routes are taken, in words. */
function sceneEnd(scene: Scene): string {
  const end = scene.end;
  const when = [
    end?.afterMs !== undefined && `after ${Number((end.afterMs / 1000).toFixed(1))} s`,
    end?.whenSeen !== undefined && `once ${end.whenSeen.join(', ')} seen`,
    end?.withMedia && 'when the media ends',
  ].filter((w): w is string => typeof w === 'string');
  return when.length > 0 ? when.join(' or ') : 'at scene end';
}

/** Clue → the hotspots of a scene whose longest look grants it. */
function mostWatchedClues(scene: Scene): Map<string, string[]> {
  const byClue = new Map<string, string[]>();
  for (const block of scene.mostWatched)
    for (const [hotspot, clues] of Object.entries(block.grants)) for (const clue of clues) byClue.set(clue, [...(byClue.get(clue) ?? []), hotspot]);
  return byClue;
}

const watchedBy = (condition: Parameters<typeof leafConditions>[0], byClue: ReadonlyMap<string, readonly string[]>) => [
  ...new Set(leafConditions(condition).flatMap(({ leaf }) => ('clue' in leaf ? (byClue.get(leaf.clue) ?? []) : []))),
];
