import type { AudienceSummary } from '../records';
import type { StoryMap } from '../story';
import type { MapLayout } from './layout';
import { BADGE_ROW, LINE_HEIGHT, NODE_WIDTH, badgeRows } from './layout';
import { edgeLines, edgeShare, sceneFigures } from './map-text';

export interface SvgExportOptions {
  /** The film's title, written at the top. */
  readonly title: string;
  /** Audience figures to write beside the scenes and ways. @default none */
  readonly audience?: AudienceSummary | undefined;
  /** Scenes to draw highlighted (a path to an ending). @default none */
  readonly highlighted?: ReadonlySet<string>;
}

const MARGIN = 24;
const HEADER = 36;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The map as one self-contained SVG document (press kits, grant reports): every scene a box with
 * its title and id, every way a line with its label, all as SVG elements and text, with presentation
 * attributes only (no stylesheet, script or linked picture), so it opens anywhere and can be drawn
 * to a canvas under the studio's Content-Security-Policy.
 */
export function mapToSvg(map: StoryMap, layout: MapLayout, options: SvgExportOptions): string {
  const width = Math.ceil(layout.width + 2 * MARGIN);
  const height = Math.ceil(layout.height + 2 * MARGIN + HEADER);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${escape(options.title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8a97ad"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#0d1118"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 8}" font-size="16" font-weight="600" fill="#e8edf5">${escape(options.title)}${map.edition === null ? '' : ` — edition ${escape(map.edition)}`}</text>`,
    `<g transform="translate(${MARGIN} ${MARGIN + HEADER})">`,
  ];
  for (const edge of map.edges) {
    const laid = layout.edges.get(edge.id);
    if (!laid || laid.points.length < 2) continue;
    const d = laid.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    out.push(`<g class="way" data-edge="${escape(edge.id)}"><path d="${d}" fill="none" stroke="${edge.kind === 'choice' ? '#8a97ad' : '#5f6b80'}" stroke-width="1.5"${edge.kind === 'route' ? ' stroke-dasharray="5 4"' : ''} marker-end="url(#arrow)"/>`);
    if (laid.label) {
      const share = edgeShare(edge, options.audience);
      const lines = [...edgeLines(edge), ...(share === null ? [] : [share])];
      const { x, y, width: w, height: h } = laid.label;
      out.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="4" fill="#161d29" stroke="#2a3446"/>`);
      lines.forEach((line, i) => out.push(`<text x="${(x + 6).toFixed(1)}" y="${(y + 3 + (i + 1) * LINE_HEIGHT - 3).toFixed(1)}" fill="${i === lines.length - 1 && share !== null ? '#f2c14e' : '#c9d2e0'}">${escape(line)}</text>`));
    }
    out.push('</g>');
  }
  for (const scene of map.scenes) {
    const box = layout.scenes.get(scene.id);
    if (!box) continue;
    const stroke = options.highlighted?.has(scene.id) ? '#f2c14e' : scene.start ? '#5fb3ff' : scene.ending ? '#d98cff' : '#3a4558';
    out.push(`<g class="scene" data-scene="${escape(scene.id)}" transform="translate(${box.x.toFixed(1)} ${box.y.toFixed(1)})">`);
    out.push(`<rect width="${box.width}" height="${box.height}" rx="8" fill="#161d29" stroke="${stroke}" stroke-width="2"/>`);
    out.push(`<rect x="8" y="8" width="${NODE_WIDTH - 16}" height="70" rx="4" fill="${scene.color ?? '#222b3a'}"/>`);
    const tags = [scene.start && 'START', scene.ending && 'ENDING', scene.inserted && 'INSERTED'].filter(Boolean).join(' · ');
    if (tags) out.push(`<text x="14" y="24" font-weight="700" fill="#e8edf5">${tags}</text>`);
    out.push(`<text x="10" y="98" font-size="13" font-weight="600" fill="#e8edf5">${escape(scene.title)}</text>`);
    out.push(`<text x="10" y="114" fill="#8a97ad">${escape(scene.id)}${scene.emotion === null ? '' : ` · ${escape(scene.emotion)}`}</text>`);
    out.push(`<text x="10" y="130" fill="#8a97ad">${escape(scene.editions.join(', '))}</text>`);
    const figures = sceneFigures(scene, options.audience);
    // The figures in the rows the node wraps its badges into; the layout left room for them.
    badgeRows(figures).forEach((row, i) => out.push(`<text x="10" y="${150 + i * BADGE_ROW}" font-size="10" fill="#f2c14e">${escape(row.join(' · '))}</text>`));
    out.push('</g>');
  }
  out.push('</g></svg>');
  return `${out.join('\n')}\n`;
}
