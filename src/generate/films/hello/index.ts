/**
 * Paints the panoramas of the bundled sample film (scenes/hello) from their story.
 *
 * Each recipe follows its scene's script (description, lighting, emotion) and reads hotspot
 * angles from story.json, so a subject always sits exactly where the player makes it clickable.
 * Run: npx tsx src/generate/films/hello/index.ts
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Panorama } from '../../paint';
import { paintArchive } from './archive';
import { paintHall } from './hall';
import { HEIGHT, type Recipe, WIDTH } from './recipe';
import { FILM_DIR, type StoryScene, loadStory } from './story';
import { paintTower } from './tower';

export { paintArchive } from './archive';
export { paintHall } from './hall';
export { HEIGHT, WIDTH } from './recipe';
export { type Hotspot, type SceneScript, type Story, type StoryScene, loadStory } from './story';
export { paintTower } from './tower';

export const WEBP_QUALITY = 82;

export const recipes: Readonly<Record<string, Recipe>> = {
  hall: paintHall,
  archive: paintArchive,
  tower: paintTower,
};

export function renderScene(id: string, scene: StoryScene, width = WIDTH, height = HEIGHT): Panorama {
  const recipe = recipes[id];
  if (!recipe) throw new Error(`no panorama recipe for scene "${id}"`);
  return recipe(scene, width, height);
}

export async function main(dir = FILM_DIR): Promise<void> {
  const story = loadStory(dir);
  for (const [id, scene] of Object.entries(story.scenes)) {
    if (scene.media.type !== 'panorama' || !scene.media.src) continue;
    const started = performance.now();
    const pano = renderScene(id, scene);
    const out = join(dir, scene.media.src);
    mkdirSync(dirname(out), { recursive: true });
    await sharp(Buffer.from(pano.data.buffer, pano.data.byteOffset, pano.data.byteLength), {
      raw: { width: pano.width, height: pano.height, channels: 4 },
    })
      .webp({ quality: WEBP_QUALITY, effort: 4 })
      .toFile(out);
    const ms = Math.round(performance.now() - started);
    console.log(`${id}: ${scene.media.src} ${pano.width}x${pano.height} ${Math.round(statSync(out).size / 1024)} KB in ${ms} ms`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
