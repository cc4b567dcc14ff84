/**
 * Writers for Gaussian-splat files, from a plain list of splats. Pure (no IO), so the same world
 * comes out byte for byte every run and unit tests can read the files back.
 *
 * Coordinates are written as given: the world is authored in the player's own space (metres, y up,
 * -z ahead at yaw 0), with no OpenCV-style flip.
 */

/** One isotropic-or-not Gaussian, in linear units. */
export interface Splat {
  /** Centre, metres. */
  readonly position: readonly [number, number, number];
  /** Standard deviations along the local axes, metres. */
  readonly scale: readonly [number, number, number];
  /** Rotation quaternion [w, x, y, z], unit length. */
  readonly rotation: readonly [number, number, number, number];
  /** Colour, 0..1 sRGB-ish as splat viewers take it. */
  readonly color: readonly [number, number, number];
  /** 0..1. */
  readonly opacity: number;
}

/** Zero-order spherical-harmonic constant: colour = 0.5 + SH_C0 * f_dc. */
export const SH_C0 = 0.28209479177387814;

const logit = (p: number) => Math.log(p / (1 - p));
const clampByte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

const PLY_PROPERTIES = [
  'x', 'y', 'z', 'nx', 'ny', 'nz', 'f_dc_0', 'f_dc_1', 'f_dc_2', 'opacity',
  'scale_0', 'scale_1', 'scale_2', 'rot_0', 'rot_1', 'rot_2', 'rot_3',
] as const;

/**
 * The INRIA 3DGS training output: binary little-endian PLY, float properties, colour as SH DC
 * coefficients, opacity as a logit, scales as logs, rotation w x y z (no higher SH bands).
 */
export function writePly(splats: readonly Splat[]): Uint8Array {
  const header =
    'ply\nformat binary_little_endian 1.0\n' +
    `element vertex ${splats.length}\n` +
    PLY_PROPERTIES.map((p) => `property float ${p}\n`).join('') +
    'end_header\n';
  const head = new TextEncoder().encode(header);
  const stride = PLY_PROPERTIES.length * 4;
  const out = new Uint8Array(head.length + splats.length * stride);
  out.set(head);
  const view = new DataView(out.buffer, head.length);
  splats.forEach((s, i) => {
    const values = [
      ...s.position, 0, 0, 0,
      ...s.color.map((c) => (c - 0.5) / SH_C0),
      logit(Math.min(Math.max(s.opacity, 1e-4), 1 - 1e-4)),
      ...s.scale.map(Math.log),
      ...s.rotation,
    ];
    values.forEach((v, j) => view.setFloat32(i * stride + j * 4, v, true));
  });
  return out;
}

/**
 * antimatter15's .splat: 32 bytes a splat, no header. Position 3×f32, scale 3×f32 (linear),
 * RGBA 4×u8, rotation w x y z as 4×u8 mapped from [-1, 1] by (q * 128 + 128).
 */
export function writeSplat(splats: readonly Splat[]): Uint8Array {
  const out = new Uint8Array(splats.length * 32);
  const view = new DataView(out.buffer);
  splats.forEach((s, i) => {
    const o = i * 32;
    s.position.forEach((v, j) => view.setFloat32(o + j * 4, v, true));
    s.scale.forEach((v, j) => view.setFloat32(o + 12 + j * 4, v, true));
    s.color.forEach((c, j) => (out[o + 24 + j] = clampByte(c * 255)));
    out[o + 27] = clampByte(s.opacity * 255);
    s.rotation.forEach((q, j) => (out[o + 28 + j] = clampByte(q * 128 + 128)));
  });
  return out;
}

/** Bits after the binary point of SPZ's 24-bit fixed-point positions (1/4096 m). */
export const SPZ_FRACTIONAL_BITS = 12;
const SPZ_MAGIC = 0x5053474e; // "NGSP"
const SPZ_COLOR_SCALE = 0.15;

/**
 * Niantic's SPZ (version 2), before gzip: a 16-byte header (magic, version, count, SH degree,
 * fractional bits, flags, reserved) then the arrays one after the other: positions (24-bit signed
 * fixed point), alphas, colours (SH DC × 0.15 around 128), log scales ((ln s + 10) × 16), rotations
 * (x y z of the quaternion with w ≥ 0, × 127.5 + 127.5). The caller gzips the result.
 */
export function writeSpzPayload(splats: readonly Splat[]): Uint8Array {
  const n = splats.length;
  const out = new Uint8Array(16 + n * (9 + 1 + 3 + 3 + 3));
  const view = new DataView(out.buffer);
  view.setUint32(0, SPZ_MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, n, true);
  out[12] = 0; // SH degree
  out[13] = SPZ_FRACTIONAL_BITS;
  out[14] = 0; // flags: not trained with antialiasing
  const positions = 16;
  const alphas = positions + n * 9;
  const colors = alphas + n;
  const scales = colors + n * 3;
  const rotations = scales + n * 3;
  splats.forEach((s, i) => {
    s.position.forEach((v, j) => {
      const fixed = Math.round(v * (1 << SPZ_FRACTIONAL_BITS)) & 0xffffff;
      const o = positions + i * 9 + j * 3;
      out[o] = fixed & 0xff;
      out[o + 1] = (fixed >> 8) & 0xff;
      out[o + 2] = (fixed >> 16) & 0xff;
    });
    out[alphas + i] = clampByte(s.opacity * 255);
    s.color.forEach((c, j) => (out[colors + i * 3 + j] = clampByte(((c - 0.5) / SH_C0) * SPZ_COLOR_SCALE * 255 + 127.5)));
    s.scale.forEach((v, j) => (out[scales + i * 3 + j] = clampByte((Math.log(v) + 10) * 16)));
    const [w, x, y, z] = s.rotation;
    const sign = w < 0 ? -1 : 1;
    [x, y, z].forEach((q, j) => (out[rotations + i * 3 + j] = clampByte(q * sign * 127.5 + 127.5)));
  });
  return out;
}

const KSPLAT_HEADER_BYTES = 4096;
const KSPLAT_SECTION_HEADER_BYTES = 1024;
const KSPLAT_BYTES_PER_SPLAT = 44;

/**
 * mkkellogg's GaussianSplats3D .ksplat (version 0.1), uncompressed (compression level 0) in one
 * section with no SH: a 4096-byte header (version, section and splat counts, compression level,
 * scene centre), a 1024-byte section header (counts, storage size; buckets only matter for
 * level 1), then 44 bytes a splat: centre 3×f32, linear scale 3×f32, rotation w x y z 4×f32,
 * RGBA 4×u8.
 */
export function writeKsplat(splats: readonly Splat[]): Uint8Array {
  const n = splats.length;
  const out = new Uint8Array(KSPLAT_HEADER_BYTES + KSPLAT_SECTION_HEADER_BYTES + n * KSPLAT_BYTES_PER_SPLAT);
  const view = new DataView(out.buffer);
  out[0] = 0; // version major
  out[1] = 1; // version minor
  view.setUint32(4, 1, true); // max sections
  view.setUint32(8, 1, true); // sections
  view.setUint32(12, n, true); // max splats
  view.setUint32(16, n, true); // splats
  view.setUint16(20, 0, true); // compression level
  const section = KSPLAT_HEADER_BYTES;
  view.setUint32(section, n, true); // splats
  view.setUint32(section + 4, n, true); // max splats
  view.setUint32(section + 28, n * KSPLAT_BYTES_PER_SPLAT, true); // storage bytes
  const data = section + KSPLAT_SECTION_HEADER_BYTES;
  splats.forEach((s, i) => {
    const o = data + i * KSPLAT_BYTES_PER_SPLAT;
    s.position.forEach((v, j) => view.setFloat32(o + j * 4, v, true));
    s.scale.forEach((v, j) => view.setFloat32(o + 12 + j * 4, v, true));
    s.rotation.forEach((v, j) => view.setFloat32(o + 24 + j * 4, v, true));
    s.color.forEach((c, j) => (out[o + 40 + j] = clampByte(c * 255)));
    out[o + 43] = clampByte(s.opacity * 255);
  });
  return out;
}
