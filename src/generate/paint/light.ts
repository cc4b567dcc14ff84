/** Light and colour washes over the sphere: pitch-keyed gradients, horizon bands, round glows. */
import { DEG } from '../../story';
import { mix, paint } from './colour';
import { clamp, smoothstep } from './maths';
import { type BlendMode, type Paint, type Panorama, type RGB, painterVector } from './panorama';
import { shadeBand, shadeCap } from './shade';

export type GradientStops = ReadonlyArray<readonly [pitch: number, colour: RGB]>;

/** Colour of a pitch-keyed gradient (stops sorted by ascending pitch). */
export function gradientAt(stops: GradientStops, pitch: number): RGB {
  const first = stops[0];
  if (!first) return [0, 0, 0];
  if (pitch <= first[0]) return first[1];
  for (let i = 1; i < stops.length; i++) {
    const b = stops[i]!;
    if (pitch <= b[0]) {
      const a = stops[i - 1]!;
      return mix(a[1], b[1], smoothstep(0, 1, (pitch - a[0]) / (b[0] - a[0])));
    }
  }
  return stops[stops.length - 1]![1];
}

/** Fills the image (or a pitch band) with a vertical gradient: sky, walls, floor washes. */
export function verticalGradient(pano: Panorama, stops: GradientStops, pitchLo = -90, pitchHi = 90): void {
  let row = -1;
  let colour: Paint = null;
  shadeBand(pano, pitchLo, pitchHi, (s) => {
    if (s.y !== row) {
      row = s.y;
      const c = gradientAt(stops, s.pitch);
      colour = [c[0], c[1], c[2], 1];
    }
    return colour;
  });
}

/** A soft band along a constant pitch: haze on the horizon, light along a cornice. */
export function horizonBand(
  pano: Panorama,
  opts: { pitch?: number; halfWidth: number; colour: RGB; alpha: number; mode?: BlendMode },
): void {
  const pitch = opts.pitch ?? 0;
  shadeBand(
    pano,
    pitch - opts.halfWidth * 3,
    pitch + opts.halfWidth * 3,
    (s) => paint(opts.colour, opts.alpha * Math.exp(-(((s.pitch - pitch) / opts.halfWidth) ** 2))),
    opts.mode ?? 'normal',
  );
}

/** A round light falloff around a direction; additive by default so it brightens what is below. */
export function glow(
  pano: Panorama,
  opts: { yaw: number; pitch: number; radius: number; colour: RGB; intensity?: number; mode?: BlendMode },
): void {
  const c = painterVector(opts.yaw, opts.pitch);
  const k = opts.intensity ?? 1;
  shadeCap(
    pano,
    opts,
    opts.radius * 3,
    (s) => {
      const d = Math.acos(clamp(s.vx * c[0] + s.vy * c[1] + s.vz * c[2], -1, 1)) / DEG / opts.radius;
      return paint(opts.colour, k * Math.exp(-d * d));
    },
    opts.mode ?? 'add',
  );
}
