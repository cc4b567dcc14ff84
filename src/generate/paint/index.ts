/**
 * Generic painting of equirectangular panoramas, for any film's painters: the image and its
 * conventions (panorama.ts), maths, colours, signed distances, noise, shading over the sphere,
 * tangent frames for subjects, light washes, stars, floors and ceilings, grading, and a few
 * ready-made set pieces (columns, bookshelves, a glass dome). Nothing here belongs to one film.
 */
// Directions are the film's own (src/story/directions.ts), re-exported for painters.
export { DEG, type YawPitch, wrapYaw } from '../../story';
export {
  type BlendMode,
  type Paint,
  type Panorama,
  type RGB,
  type Sample,
  type Shader,
  type Vec3,
  createPanorama,
  painterVector,
  painterYawPitch,
} from './panorama';
export { clamp, dot, lerp, normalize, smoothstep } from './maths';
export { add, hex, mix, over, paint, scale } from './colour';
export { coverage, sdBox, sdCircle, sdPolyline, sdSegment } from './sdf';
export { type Noise3, createNoise3, fbm, hash01, mulberry32 } from './noise';
export { shade, shadeBand, shadeCap, shadeRect } from './shade';
export { type Frame, type LocalShader, fromLocal, localOf, paintSubject, tangentFrame, toLocal } from './frame';
export { type GradientStops, glow, gradientAt, horizonBand, verticalGradient } from './light';
export { stars } from './stars';
export { paintPlane } from './plane';
export { adjustGamma, grain, splitTone } from './grade';
export { columns } from './set-pieces/columns';
export { type ShelfOptions, bookshelves } from './set-pieces/bookshelves';
export { type DomeOptions, domeLattice } from './set-pieces/dome-lattice';
