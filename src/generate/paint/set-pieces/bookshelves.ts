/** Set piece: bookcases lining a round room. */
import { DEG, wrapYaw } from '../../../story';
import { mix, paint, scale } from '../colour';
import { lerp, smoothstep } from '../maths';
import type { Panorama, RGB } from '../panorama';
import { shadeBand } from '../shade';

export interface ShelfOptions {
  /** Pitch of the bottom board and of the top of the case. */
  bottomPitch: number;
  topPitch: number;
  rows: number;
  /** Approximate yaw width of one bookcase; rounded so a whole number fits around the room. */
  bayWidth: number;
  yawOffset?: number;
  /** Yaw ranges left empty, e.g. for doors. */
  gaps?: ReadonlyArray<readonly [number, number]>;
  palette: readonly RGB[];
  wood: RGB;
  back: RGB;
  light?: (yaw: number, pitch: number) => number;
}

interface Book {
  start: number;
  end: number;
  height: number;
  colour: RGB;
  band: number;
}

/**
 * Bookcases lining a round room. Boards sit at equal heights on the wall, which on a cylinder
 * means equal steps of tan(pitch); books are generated per bay so none crosses an upright.
 */
export function bookshelves(pano: Panorama, rng: () => number, opts: ShelfOptions): void {
  const bays = Math.max(1, Math.round(360 / opts.bayWidth));
  const bay = 360 / bays;
  const offset = opts.yawOffset ?? 0;
  const upright = Math.min(1.2, bay * 0.05);
  const board = 0.1;
  const rows: Book[][] = [];
  for (let r = 0; r < opts.rows; r++) {
    const books: Book[] = [];
    for (let b = 0; b < bays; b++) {
      let at = b * bay + upright;
      const end = (b + 1) * bay - upright;
      while (at < end) {
        const w = lerp(0.55, 1.5, rng() ** 1.5);
        // Occasional gaps and leaning-free short runs keep the rows from looking printed.
        if (rng() < 0.05) {
          at += w * 1.5;
          continue;
        }
        const colour = opts.palette[Math.floor(rng() * opts.palette.length)] ?? opts.wood;
        books.push({ start: at, end: Math.min(end, at + w), height: lerp(0.55, 0.9, rng()), colour: scale(colour, lerp(0.75, 1.1, rng())), band: rng() });
        at += w + (rng() < 0.15 ? 0.12 : 0.02);
      }
    }
    rows.push(books);
  }
  const hb = Math.tan(opts.bottomPitch * DEG);
  const ht = Math.tan(opts.topPitch * DEG);
  const gaps = opts.gaps ?? [];
  shadeBand(pano, opts.bottomPitch, opts.topPitch, (s) => {
    if (inGaps(gaps, s.yaw)) return null;
    const light = opts.light?.(s.yaw, s.pitch) ?? 1;
    const pos = ((Math.tan(s.pitch * DEG) - hb) / (ht - hb)) * opts.rows;
    const row = Math.floor(pos);
    const f = pos - row;
    const a = (((s.yaw - offset) % 360) + 360) % 360;
    const inBay = a % bay;
    if (inBay < upright || inBay > bay - upright || row < 0 || row >= opts.rows) {
      const edge = Math.min(inBay, bay - inBay) / upright;
      return paint(scale(opts.wood, light * (0.8 + 0.25 * edge)), 1);
    }
    if (f < board) return paint(scale(opts.wood, light * (f > board * 0.6 ? 1.25 : 0.95)), 1);
    const fb = (f - board) / (1 - board);
    const book = findBook(rows[row]!, a);
    // Shadow of the board above falls on the back and the book tops.
    const shadow = 0.55 + 0.45 * smoothstep(1, 0.6, fb);
    if (!book || fb > book.height) return paint(scale(opts.back, light * shadow * (0.7 + 0.3 * fb)), 1);
    const t = (a - book.start) / (book.end - book.start);
    let k = 0.6 + 0.4 * Math.sin(t * Math.PI);
    const rel = fb / book.height;
    // Gilt bands on some spines: the detail that makes a coloured stripe read as a book.
    const gilt = book.band > 0.45 && (Math.abs(rel - 0.82) < 0.025 || Math.abs(rel - 0.2) < 0.025);
    const c = gilt ? mix(book.colour, [235, 190, 110], 0.75) : book.colour;
    k *= shadow;
    return paint(scale(c, k * light), 1);
  });
}

function inGaps(gaps: ReadonlyArray<readonly [number, number]>, yaw: number): boolean {
  for (const [a, b] of gaps) {
    const d = wrapYaw(yaw - a);
    if (d >= 0 && d <= wrapYaw(b - a)) return true;
  }
  return false;
}

function findBook(books: readonly Book[], yaw: number): Book | undefined {
  let lo = 0;
  let hi = books.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = books[mid]!;
    if (yaw < b.start) hi = mid - 1;
    else if (yaw >= b.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}
