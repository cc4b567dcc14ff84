import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** A fresh parsed copy of a JSON file in the repo, safe to mutate. */
export const readJson = (path: string): Record<string, any> => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

export const helloStory = () => readJson('scenes/hello/story.json');
export const minimalStory = () => readJson('test/fixtures/minimal/story.json');
