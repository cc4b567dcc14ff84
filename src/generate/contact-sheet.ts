/**
 * A contact sheet of a film: every scene as the player shows it (hotspots outlined, the memory
 * crystal in view), in one image for reviewers. It drives the built player in Debian's Chromium,
 * opening each scene with the author-preview parameters, and tiles the screenshots with titles.
 *
 *   npm run contact-sheet -- scenes/glass-sky [docs/glass-sky-contact-sheet.jpg]
 *
 * Needs a build (the npm script builds first) and /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { preview } from 'vite';
import { type StoryPackage, localize, validateStory } from '../story';

const TILE = { width: 800, height: 450 };
const COLUMNS = 3;
const CAPTION = 44;

export async function contactSheet(filmDir: string, out: string, language = 'en'): Promise<void> {
  const film = basename(resolve(filmDir));
  const { story } = validateStory(JSON.parse(readFileSync(resolve(filmDir, 'story.json'), 'utf8')));
  if (!story) throw new Error(`contact sheet: ${filmDir} does not validate; run sightline validate`);
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('contact sheet: the preview server has no local URL');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'],
  });
  const tiles: Buffer[] = [];
  try {
    for (const id of Object.keys(story.scenes)) {
      const context = await browser.newContext({ viewport: TILE, locale: language, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(new URL(`?film=${film}&scene=${id}&hotspots=1&lang=${language}`, base).href);
      // An ending scene plays with the status "ended".
      await page.waitForSelector(`.app[data-scene="${id}"]:is([data-status="playing"], [data-status="ended"]) .viewing[data-media="ready"]`, { timeout: 60_000, state: 'attached' });
      // Only the scene: no controls, hints or subtitles over it.
      await page.addStyleTag({ content: '.a11y, .hint, .reticle, .notice, .controls, .subtitles, .countdown { display: none !important; }' });
      await page.waitForTimeout(1500); // let the crystal ease in and the first frames settle
      tiles.push(await captioned(await page.screenshot({ type: 'png' }), title(story, id, language)));
      await context.close();
      console.log(`contact sheet: ${id}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const rows = Math.ceil(tiles.length / COLUMNS);
  const tileHeight = TILE.height + CAPTION;
  mkdirSync(dirname(resolve(out)), { recursive: true });
  await sharp({ create: { width: TILE.width * COLUMNS, height: tileHeight * rows, channels: 3, background: '#0b0d14' } })
    .composite(tiles.map((input, i) => ({ input, left: (i % COLUMNS) * TILE.width, top: Math.floor(i / COLUMNS) * tileHeight })))
    .jpeg({ quality: 82, mozjpeg: true })
    .toFile(resolve(out));
  console.log(`contact sheet: wrote ${out} (${tiles.length} scenes)`);
}

function title(story: StoryPackage, id: string, language: string): string {
  const scene = story.scenes[id]!;
  const tag = scene.script?.emotion ? ` · ${scene.script.emotion}` : '';
  const kind = scene.ending ? ' · ending' : scene.in && !scene.in.includes(Object.keys(story.editions)[0] ?? '') ? ` · ${scene.in.join('/')} only` : '';
  return `${id}: ${localize(scene.title, language, story.languages)}${tag}${kind}`;
}

/** A screenshot with its caption underneath, as one tile. */
async function captioned(png: Buffer, text: string): Promise<Buffer> {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const label = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE.width}" height="${CAPTION}"><rect width="100%" height="100%" fill="#0b0d14"/><text x="14" y="29" font-family="Noto Sans CJK SC, Noto Sans, sans-serif" font-size="20" fill="#e8e6f0">${escaped}</text></svg>`,
  );
  return sharp({ create: { width: TILE.width, height: TILE.height + CAPTION, channels: 3, background: '#0b0d14' } })
    .composite([
      { input: png, left: 0, top: 0 },
      { input: label, left: 0, top: TILE.height },
    ])
    .png()
    .toBuffer();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [dir, out] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npm run contact-sheet -- scenes/<film> [out.jpg]');
    process.exitCode = 2;
  } else
    contactSheet(dir, out ?? `docs/${basename(resolve(dir))}-contact-sheet.jpg`).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
