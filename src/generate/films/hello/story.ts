/** The story of the bundled film, read for only the fields the painters need. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FILM_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../scenes/hello');

export interface Hotspot {
  id: string;
  yaw: number;
  pitch: number;
  radius: number;
}

export interface SceneScript {
  description?: string;
  lighting?: { tone?: string; coolShare?: number };
  emotion?: string;
}

export interface StoryScene {
  script?: SceneScript;
  media: { type: string; src?: string };
  hotspots?: Hotspot[];
}

export interface Story {
  scenes: Record<string, StoryScene>;
}

export function loadStory(dir = FILM_DIR): Story {
  return JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')) as Story;
}

export function hotspot(scene: StoryScene, id: string): Hotspot {
  const h = scene.hotspots?.find((x) => x.id === id);
  if (!h) throw new Error(`story has no hotspot "${id}" for this recipe`);
  return h;
}

/** Stable seed per scene id, so renaming nothing means changing nothing. */
export function seedOf(id: string): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}
