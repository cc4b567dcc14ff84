import type { AudienceSummary } from '../records';
import type { MapEdge, MapScene } from '../story';

/**
 * What the map writes on a way and on a scene, as lines of text: one source for the map on screen
 * and its SVG export, so both say the same.
 */

/** The lines of a way's label: the choice (with its marks) or the route's moment, then the condition. */
export function edgeLines(edge: MapEdge): string[] {
  const marks = [edge.timed && 'timed', edge.isDefault && 'default'].filter(Boolean).join(' ');
  const first = edge.kind === 'choice' ? `“${edge.label}”${marks ? ` ${marks}` : ''}` : edge.label;
  const lines = [first];
  if (edge.condition !== null) lines.push(`if ${edge.condition}`);
  if (edge.mostWatched.length > 0) lines.push(`most watched: ${edge.mostWatched.join(', ')}`);
  return lines.flatMap((line) => wrap(line, LABEL_CHARS));
}

/** The most characters a label's line holds before it wraps, so labels stay narrow and the map compact. */
export const LABEL_CHARS = 30;

/** A line broken at spaces into lines of at most `chars` characters (a longer word stays whole). */
export function wrap(line: string, chars: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > chars) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  out.push(current);
  return out;
}

/** A choice's share of the choices taken in its scene, as "42 % (21)", or null when the summary has none. */
export function edgeShare(edge: MapEdge, audience: AudienceSummary | undefined): string | null {
  if (!audience || edge.kind !== 'choice') return null;
  const choice = edge.id.split('/')[2]!;
  const figures = audience.choices[edge.from]?.[choice];
  if (!figures) return null;
  return `${Math.round(figures.share * 100)} % (${figures.count})`;
}

/** The audience's figures for a scene, as short badges, or [] when the summary has none for it. */
export function sceneFigures(scene: MapScene, audience: AudienceSummary | undefined): string[] {
  const figures = audience?.scenes[scene.id];
  if (!audience || !figures) return [];
  const badges = [`${figures.viewers} viewer${figures.viewers === 1 ? '' : 's'}`, `mean ${duration(figures.meanMs)}`, `${figures.left} left`];
  const reached = audience.endings[scene.id];
  if (scene.ending && reached !== undefined) badges.push(`${reached} ended here`);
  // Each clue at its hotspot, with the share of viewers through the scenes giving it who found it.
  for (const { clue, hotspot } of scene.clues) {
    const found = audience.clues[clue];
    badges.push(`clue ${clue} at ${hotspot}: ${found ? Math.round(found.rate * 100) : 0} %`);
  }
  return badges;
}

/** A clue's figure ("clue sky-is-real at crack: 38 %"), drawn on a row of its own. */
export const isClueBadge = (badge: string) => badge.startsWith('clue ');

/** "1 min 05 s", "42 s". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** A rough width of a line in the map's 11 px sans-serif, for the layout to leave room (no DOM: tests run in Node). */
export function textWidth(line: string, px = 11): number {
  let units = 0;
  for (const ch of line) units += ch.charCodeAt(0) > 0x2e80 ? 1 : /[A-Z%@mw]/.test(ch) ? 0.8 : /[il.,:;'|! ]/.test(ch) ? 0.32 : 0.56;
  return Math.ceil(units * px);
}
