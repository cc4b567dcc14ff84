import { BufferGeometry, Float32BufferAttribute } from 'three';
import { type Media, unitVectorOf } from '../story';

/** How a picture is laid out: which part of the image each eye sees, and how far around it reaches. */
export interface BackdropLayout {
  /** mono; top-bottom: the left eye's picture on top; side-by-side: the left eye's on the left. */
  readonly stereo: 'mono' | 'top-bottom' | 'side-by-side';
  /** 360: the whole sphere; 180: the front half (yaw -90..90, VR180), 1:1 per eye. */
  readonly span: 360 | 180;
}

export type Eye = 'left' | 'right';

export const MONO_360: BackdropLayout = { stereo: 'mono', span: 360 };

/** The layout a scene's media asks for (plain colours are mono 360). */
export const layoutOfMedia = (media: Media | undefined): BackdropLayout =>
  media && media.type !== 'color' ? { stereo: media.stereo, span: media.span } : MONO_360;

export const sameLayout = (a: BackdropLayout, b: BackdropLayout) => a.stereo === b.stereo && a.span === b.span;

/** The part of the image an eye sees, in image coordinates: x from the left edge, y from the top row, 0..1. */
export interface ImageRegion {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

export function eyeRegion(stereo: BackdropLayout['stereo'], eye: Eye): ImageRegion {
  const second = eye === 'right';
  if (stereo === 'top-bottom') return second ? { x0: 0, x1: 1, y0: 0.5, y1: 1 } : { x0: 0, x1: 1, y0: 0, y1: 0.5 };
  if (stereo === 'side-by-side') return second ? { x0: 0.5, x1: 1, y0: 0, y1: 1 } : { x0: 0, x1: 0.5, y0: 0, y1: 1 };
  return { x0: 0, x1: 1, y0: 0, y1: 1 };
}

/**
 * Texture coordinates of the image point at (x, y) (0..1 from the top-left). Textures uploaded the
 * usual way (flipY) have v = 0 at the bottom row; compressed ones (KTX2 ignores flipY, flagged by
 * the media layer with `userData.topDown`) keep the rows top-down, so v = y.
 */
export const imageUv = (x: number, y: number, topDown: boolean): [number, number] => [x, topDown ? y : 1 - y];

export interface BackdropGeometryOptions {
  readonly radius: number;
  readonly layout: BackdropLayout;
  readonly eye: Eye;
  readonly topDown: boolean;
  /** Columns per 180° of yaw. @default 48 */
  readonly segments?: number;
}

/** Group index of the picture in a backdrop geometry; a 180° one has group 1 behind the viewer, for the background colour. */
export const PICTURE_GROUP = 0;
export const BEHIND_GROUP = 1;

/**
 * A sphere around the head, seen from inside, whose texture coordinates show one eye's part of an
 * equirectangular picture: the picture's centre column at yaw 0 (-Z), positive yaw to the right,
 * the top row straight up. Each eye gets its own geometry, so the eyes can share one texture
 * untouched (no repeat/offset on a texture both meshes use). A 180° picture covers the front half;
 * the back half is a second group with no picture, painted with the background colour.
 */
export function createBackdropGeometry({ radius, layout, eye, topDown, segments = 48 }: BackdropGeometryOptions): BufferGeometry {
  const region = eyeRegion(layout.stereo, eye);
  const positions: number[] = [];
  const uvs: number[] = [];
  const indices: number[] = [];
  const geometry = new BufferGeometry();
  const half = layout.span === 180;
  // The picture: yaw from -span/2 to +span/2.
  const pictureStart = indices.length;
  addBand(-layout.span / 2, layout.span / 2, half ? segments : segments * 2, segments, radius, region, topDown, positions, uvs, indices);
  geometry.addGroup(pictureStart, indices.length - pictureStart, PICTURE_GROUP);
  if (half) {
    const behindStart = indices.length;
    addBand(90, 270, segments, segments, radius, null, topDown, positions, uvs, indices);
    geometry.addGroup(behindStart, indices.length - behindStart, BEHIND_GROUP);
  }
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setAttribute('uv', new Float32BufferAttribute(uvs, 2));
  geometry.setIndex(indices);
  geometry.computeBoundingSphere();
  return geometry;
}

const _d = { x: 0, y: 0, z: -1 };

/** A latitude-longitude band from yaw `from` to `to` over all pitches, its triangles facing the centre. */
function addBand(
  from: number,
  to: number,
  columns: number,
  rows: number,
  radius: number,
  region: ImageRegion | null,
  topDown: boolean,
  positions: number[],
  uvs: number[],
  indices: number[],
): void {
  const first = positions.length / 3;
  for (let j = 0; j <= rows; j++) {
    const down = j / rows; // 0 at the top row, 1 at the bottom
    const pitch = 90 - 180 * down;
    for (let i = 0; i <= columns; i++) {
      const across = i / columns;
      unitVectorOf(from + (to - from) * across, pitch, _d);
      positions.push(_d.x * radius, _d.y * radius, _d.z * radius);
      const [u, v] = region ? imageUv(region.x0 + across * (region.x1 - region.x0), region.y0 + down * (region.y1 - region.y0), topDown) : [0, 0];
      uvs.push(u, v);
    }
  }
  // Seen from the centre, a (top-left), c (bottom-left), b (top-right) run counter-clockwise.
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const a = first + j * (columns + 1) + i;
      const b = a + 1;
      const c = a + columns + 1;
      const d = c + 1;
      indices.push(a, c, b, b, c, d);
    }
  }
}
