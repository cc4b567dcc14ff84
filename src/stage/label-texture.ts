import { CanvasTexture, SRGBColorSpace } from 'three';
import { fontStack } from '../media';

export interface LabelTextureOptions {
  /** Canvas size in pixels; the panel's aspect ratio. @default 1024 × 256 */
  readonly width?: number;
  readonly height?: number;
  /** @default 64 */
  readonly fontPx?: number;
  /** @default "rgba(12, 16, 24, 0.82)" */
  readonly background?: string;
  /** @default "#f4f1ea" */
  readonly color?: string;
}

/**
 * Draws story text into a texture, Chinese from the font the player serves (see served-font.ts).
 * Canvas text never waits for a web font, so a label drawn before the font has loaded is drawn
 * again once it has. Text is painted as pixels, never parsed as markup.
 */
export function createLabelTexture(text: string, options: LabelTextureOptions = {}): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = options.width ?? 1024;
  canvas.height = options.height ?? 256;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('stage: 2D canvas is unavailable for labels');
  draw(ctx, text, options);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  const font = fontStack(600, options.fontPx ?? 64);
  if (!document.fonts.check(font, text))
    document.fonts.load(font, text).then(
      () => {
        draw(ctx, text, options);
        texture.needsUpdate = true;
      },
      () => {}, // The system font drew it already.
    );
  return texture;
}

function draw(ctx: CanvasRenderingContext2D, text: string, options: LabelTextureOptions): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  const radius = height * 0.18;
  ctx.fillStyle = options.background ?? 'rgba(12, 16, 24, 0.82)';
  ctx.beginPath();
  ctx.roundRect(4, 4, width - 8, height - 8, radius);
  ctx.fill();
  ctx.strokeStyle = 'rgba(244, 241, 234, 0.55)';
  ctx.lineWidth = 4;
  ctx.stroke();
  let fontPx = options.fontPx ?? 64;
  let lines: string[] = [];
  // Shrink until the text fits in at most three lines.
  for (; fontPx >= 24; fontPx -= 4) {
    ctx.font = fontStack(600, fontPx);
    lines = wrap(ctx, text, width - 96);
    if (lines.length * fontPx * 1.25 <= height - 48) break;
  }
  ctx.fillStyle = options.color ?? '#f4f1ea';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const lineHeight = fontPx * 1.25;
  const top = height / 2 - ((lines.length - 1) * lineHeight) / 2;
  lines.forEach((line, i) => ctx.fillText(line, width / 2, top + i * lineHeight));
}

/** Greedy wrapping by words, or by characters for scripts written without spaces (Chinese). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const tokens = /\s/.test(text) ? text.split(/(\s+)/) : Array.from(text);
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line.trim() !== '' && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line.trim());
      line = token.trimStart();
    } else line = candidate;
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines;
}
