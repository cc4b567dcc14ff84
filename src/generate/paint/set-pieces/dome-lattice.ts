/** Set piece: a ribbed glass dome above the viewer. */
import { DEG } from '../../../story';
import { mix, paint, scale } from '../colour';
import { clamp } from '../maths';
import type { Panorama, RGB, Sample } from '../panorama';
import { coverage } from '../sdf';
import { shadeBand } from '../shade';

export interface DomeOptions {
  basePitch: number;
  ribs: number;
  yawOffset?: number;
  /** Ring pitches, ascending; ribs stop at the last one (the oculus). */
  rings: readonly number[];
  /** Lattice bar width in degrees. */
  lineWidth: number;
  /** Bar colour, fixed or per pixel (to light the lattice like the panes). */
  colour: RGB | ((s: Sample) => RGB);
  /** Colour of the glass in a cell; cell is a stable id for per-pane variation, (cu, cv) in 0..1 inside it. */
  pane: (s: Sample, cell: number, cu: number, cv: number) => RGB;
}

/** A ribbed glass dome above the viewer: meridian ribs, horizontal rings, glass panes between. */
export function domeLattice(pano: Panorama, opts: DomeOptions): void {
  const step = 360 / opts.ribs;
  const offset = opts.yawOffset ?? 0;
  const rings = opts.rings;
  const top = rings[rings.length - 1] ?? 90;
  const hw = opts.lineWidth / 2;
  shadeBand(pano, opts.basePitch, 90, (s) => {
    const a = (((s.yaw - offset) % 360) + 360) % 360;
    const rib = Math.floor(a / step);
    const inRib = a / step - rib;
    // Ribs converge towards the zenith, so measure their distance on the sphere, not in yaw.
    const ribDist = Math.min(inRib, 1 - inRib) * step * Math.cos(s.pitch * DEG);
    let ring = 0;
    let ringDist = Infinity;
    let nearestRing = 0;
    for (let i = 0; i < rings.length; i++) {
      const rd = Math.abs(s.pitch - rings[i]!);
      if (rd < ringDist) {
        ringDist = rd;
        nearestRing = rings[i]!;
      }
      if (s.pitch >= rings[i]!) ring = i;
    }
    const lo = rings[ring] ?? opts.basePitch;
    const hi = rings[ring + 1] ?? 90;
    const cv = clamp((s.pitch - lo) / (hi - lo));
    const glass = opts.pane(s, ring * 1009 + rib, inRib, cv);
    const d = s.pitch > top ? ringDist : Math.min(ribDist, ringDist);
    const bar = coverage(d - hw, s.px);
    if (bar <= 0) return paint(glass, 1);
    // A lighter lip on the bar's lower edge makes the lattice read as metal, not drawn lines.
    const lip = ringDist < hw && s.pitch < nearestRing ? 1.5 : 1;
    const metal = typeof opts.colour === 'function' ? opts.colour(s) : opts.colour;
    return paint(mix(glass, scale(metal, lip), bar), 1);
  });
}
