import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';

/**
 * The player's app icons (web app manifest, favicon): an eye whose upper lid is a glass dome, its
 * amber iris on the horizon, a few stars of the real sky above, on the player's dark paper. Drawn
 * as SVG here and rasterised with sharp into public/icons/; the output is committed.
 * Run: npm run generate:icons
 */
const OUT = resolve(import.meta.dirname, '../../public/icons');

const PAPER = '#0d1118';
const GLASS = '#dbe8ff';
const AMBER = '#ffc75a';

/**
 * The motif in a 512 × 512 box: the eye lies within 170 px of the centre and the stars within 195 px,
 * inside the maskable safe zone (a circle of 40 % of the size, 205 px), so launchers may crop the
 * maskable icon to any shape.
 */
const motif = `
  <defs>
    <radialGradient id="iris" cx="50%" cy="42%" r="58%">
      <stop offset="0" stop-color="#fff1c9"/>
      <stop offset="0.35" stop-color="${AMBER}"/>
      <stop offset="0.8" stop-color="#d9822b"/>
      <stop offset="1" stop-color="#7a3a12"/>
    </radialGradient>
    <linearGradient id="glass" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${GLASS}" stop-opacity="0.30"/>
      <stop offset="0.7" stop-color="${GLASS}" stop-opacity="0.06"/>
      <stop offset="1" stop-color="${GLASS}" stop-opacity="0.02"/>
    </linearGradient>
    <clipPath id="eye"><path d="M96 300A160 160 0 0 1 416 300Q256 390 96 300Z"/></clipPath>
    <clipPath id="dome"><path d="M96 300A160 160 0 0 1 416 300Z"/></clipPath>
  </defs>
  <g fill="#f4f1ea">
    <circle cx="128" cy="118" r="4" opacity="0.8"/>
    <circle cx="384" cy="110" r="3" opacity="0.7"/>
    <circle cx="430" cy="182" r="2.5" opacity="0.6"/>
    <circle cx="84" cy="196" r="2" opacity="0.5"/>
  </g>
  <path d="M96 300A160 160 0 0 1 416 300Q256 390 96 300Z" fill="url(#glass)"/>
  <g clip-path="url(#dome)" fill="none" stroke="${GLASS}" stroke-opacity="0.32" stroke-width="3">
    <path d="M202 300A54 160 0 0 1 310 300"/>
    <path d="M149 300A107 160 0 0 1 363 300"/>
    <path d="M256 140V300"/>
    <path d="M96 246H416M96 192H416"/>
  </g>
  <g clip-path="url(#eye)">
    <circle cx="256" cy="298" r="62" fill="url(#iris)"/>
    <circle cx="256" cy="298" r="25" fill="${PAPER}"/>
    <ellipse cx="236" cy="278" rx="10" ry="7" fill="#ffffff" opacity="0.85"/>
  </g>
  <path d="M96 300A160 160 0 0 1 416 300Q256 390 96 300Z" fill="none" stroke="${GLASS}" stroke-opacity="0.9" stroke-width="7" stroke-linejoin="round"/>
  <path d="M138 252A128 128 0 0 1 206 176" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="8" stroke-linecap="round"/>`;

/** `maskable`: a full-bleed square (the launcher cuts its own shape); otherwise a rounded tile. */
function icon(maskable: boolean): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <defs>
    <radialGradient id="sky" cx="50%" cy="40%" r="72%">
      <stop offset="0" stop-color="#2a3d5c"/>
      <stop offset="0.55" stop-color="#152235"/>
      <stop offset="1" stop-color="${PAPER}"/>
    </radialGradient>
  </defs>
  <rect width="512" height="512"${maskable ? '' : ' rx="112"'} fill="url(#sky)"/>${motif}
</svg>
`;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const tile = icon(false);
  writeFileSync(resolve(OUT, 'icon.svg'), tile);
  const png = (svg: string, size: number, file: string) =>
    sharp(Buffer.from(svg), { density: (72 * size) / 512 })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toFile(resolve(OUT, file));
  await png(tile, 192, 'icon-192.png');
  await png(tile, 512, 'icon-512.png');
  await png(icon(true), 512, 'icon-maskable-512.png');
  console.log(`icons: wrote icon.svg, icon-192.png, icon-512.png and icon-maskable-512.png to ${OUT}`);
}

await main();
