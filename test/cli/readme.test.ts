import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_FILE, readmeText } from '../../src/cli/write-readme';

describe('README.md', () => {
  it('has its generated parts up to date with the code (run `npm run readme` after changing codes.ts)', () => {
    const current = readFileSync(README_FILE, 'utf8');
    expect(current).toBe(readmeText(current));
  });
});
