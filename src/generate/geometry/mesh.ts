/**
 * Small mesh builders for the film's procedural props: surfaces of revolution (lathe), tori and
 * boxes, with normals that are smooth across gentle turns and split at creases, and UVs.
 * All arrays are plain numbers, rounded so the bytes never hinge on the last float bit.
 */
export interface MeshData {
  readonly positions: number[];
  readonly normals: number[];
  readonly uvs: number[];
  readonly indices: number[];
}

export const emptyMesh = (): MeshData => ({ positions: [], normals: [], uvs: [], indices: [] });

type Vec3 = readonly [number, number, number];
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** A profile point of a lathe: radius from the axis and height along it. */
export type ProfilePoint = readonly [r: number, y: number];

/**
 * A surface of revolution about the y axis through `centre`: the profile runs from bottom to top
 * (r ≥ 0); normals point away from the axis on outward-facing profiles (profile walked with the
 * surface on its left, as for a solid seen from outside). Corners sharper than `crease` degrees
 * get split normals.
 */
export function lathe(out: MeshData, profile: readonly ProfilePoint[], segments: number, centre: Vec3 = [0, 0, 0], crease = 35): void {
  // Per segment of the profile: its outward 2D normal (in r, y), perpendicular to the direction of travel.
  const segNormals: Array<[number, number]> = [];
  for (let i = 0; i + 1 < profile.length; i++) {
    const [r0, y0] = profile[i]!;
    const [r1, y1] = profile[i + 1]!;
    const dr = r1 - r0;
    const dy = y1 - y0;
    const len = Math.hypot(dr, dy) || 1;
    segNormals.push([dy / len, -dr / len]);
  }
  const cosCrease = Math.cos((crease * Math.PI) / 180);
  // Each profile segment gets its own strip; a shared point is averaged unless the turn is a crease.
  let vAcc = 0;
  const totalLength = profile.slice(1).reduce((sum, p, i) => sum + Math.hypot(p[0] - profile[i]![0], p[1] - profile[i]![1]), 0) || 1;
  for (let i = 0; i + 1 < profile.length; i++) {
    const n = segNormals[i]!;
    const normalAt = (k: number, other: [number, number] | undefined): [number, number] => {
      if (!other || n[0] * other[0] + n[1] * other[1] < cosCrease) return n;
      const a = n[0] + other[0];
      const b = n[1] + other[1];
      const len = Math.hypot(a, b) || 1;
      return [a / len, b / len];
    };
    const ends = [normalAt(i, segNormals[i - 1]), normalAt(i + 1, segNormals[i + 1])];
    const segLength = Math.hypot(profile[i + 1]![0] - profile[i]![0], profile[i + 1]![1] - profile[i]![1]);
    const vs = [vAcc / totalLength, (vAcc + segLength) / totalLength];
    vAcc += segLength;
    const base = out.positions.length / 3;
    for (let e = 0; e < 2; e++) {
      const [r, y] = profile[i + e]!;
      const [nr, ny] = ends[e]!;
      for (let s = 0; s <= segments; s++) {
        const a = (s / segments) * Math.PI * 2;
        const c = Math.cos(a);
        const sn = Math.sin(a);
        out.positions.push(r6(centre[0] + r * sn), r6(centre[1] + y), r6(centre[2] + r * c));
        out.normals.push(r6(nr * sn), r6(ny), r6(nr * c));
        out.uvs.push(r6(s / segments), r6(vs[e]!));
      }
    }
    if (profile[i]![0] === 0 && profile[i + 1]![0] === 0) continue;
    for (let s = 0; s < segments; s++) {
      const a = base + s;
      const b = base + s + 1;
      const c = base + segments + 1 + s;
      const d = base + segments + 1 + s + 1;
      // Skip degenerate triangles at the axis.
      if (profile[i]![0] !== 0) out.indices.push(a, b, d);
      if (profile[i + 1]![0] !== 0) out.indices.push(a, d, c);
    }
  }
}

/** A rotation of a point about the origin: columns of a 3×3 matrix as [u, v, w] (x→u, y→v, z→w). */
export type Basis = readonly [Vec3, Vec3, Vec3];
export const IDENTITY_BASIS: Basis = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];

/** Appends `part` to `out`, rotated by `basis` and moved to `offset`. */
export function appendTransformed(out: MeshData, part: MeshData, basis: Basis, offset: Vec3): void {
  const base = out.positions.length / 3;
  const [u, v, w] = basis;
  const apply = (x: number, y: number, z: number): [number, number, number] => [
    u[0] * x + v[0] * y + w[0] * z,
    u[1] * x + v[1] * y + w[1] * z,
    u[2] * x + v[2] * y + w[2] * z,
  ];
  for (let i = 0; i < part.positions.length; i += 3) {
    const p = apply(part.positions[i]!, part.positions[i + 1]!, part.positions[i + 2]!);
    out.positions.push(r6(p[0] + offset[0]), r6(p[1] + offset[1]), r6(p[2] + offset[2]));
    const n = apply(part.normals[i]!, part.normals[i + 1]!, part.normals[i + 2]!);
    out.normals.push(r6(n[0]), r6(n[1]), r6(n[2]));
  }
  out.uvs.push(...part.uvs);
  for (const index of part.indices) out.indices.push(base + index);
}

/**
 * A torus about the y axis (major radius `major`, tube radius `minor`), from angle `from` to `to`
 * (radians, measured from +z toward +x), smooth all round.
 */
export function torus(out: MeshData, major: number, minor: number, segments: number, sides: number, from = 0, to = Math.PI * 2): void {
  const base = out.positions.length / 3;
  for (let s = 0; s <= segments; s++) {
    const a = from + ((to - from) * s) / segments;
    const ca = Math.cos(a);
    const sa = Math.sin(a);
    for (let t = 0; t <= sides; t++) {
      const b = (t / sides) * Math.PI * 2;
      const cb = Math.cos(b);
      const sb = Math.sin(b);
      const r = major + minor * cb;
      out.positions.push(r6(r * sa), r6(minor * sb), r6(r * ca));
      out.normals.push(r6(cb * sa), r6(sb), r6(cb * ca));
      out.uvs.push(r6(s / segments), r6(t / sides));
    }
  }
  for (let s = 0; s < segments; s++)
    for (let t = 0; t < sides; t++) {
      const a = base + s * (sides + 1) + t;
      const b = a + sides + 1;
      out.indices.push(a, b, b + 1, a, b + 1, a + 1);
    }
}

/** An axis-aligned box centred at `centre` with half sizes `half`, flat-shaded faces. */
export function box(out: MeshData, centre: Vec3, half: Vec3): void {
  const faces: Array<[Vec3, Vec3, Vec3]> = [
    [[0, 0, 1], [1, 0, 0], [0, 1, 0]],
    [[0, 0, -1], [-1, 0, 0], [0, 1, 0]],
    [[1, 0, 0], [0, 0, -1], [0, 1, 0]],
    [[-1, 0, 0], [0, 0, 1], [0, 1, 0]],
    [[0, 1, 0], [1, 0, 0], [0, 0, -1]],
    [[0, -1, 0], [1, 0, 0], [0, 0, 1]],
  ];
  for (const [n, u, v] of faces) {
    const base = out.positions.length / 3;
    for (const [su, sv] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
      for (let k = 0; k < 3; k++) out.positions.push(r6(centre[k]! + half[k]! * (n[k]! + su * u[k]! + sv * v[k]!)));
      out.normals.push(...n);
      out.uvs.push((su + 1) / 2, (1 - sv) / 2);
    }
    out.indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
}

/** A closed cylinder between two points (radius r), for legs and rods: side smooth, caps flat. */
export function rod(out: MeshData, from: Vec3, to: Vec3, r0: number, r1: number, segments: number): void {
  const d: [number, number, number] = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
  const len = Math.hypot(...d);
  const w: Vec3 = [d[0] / len, d[1] / len, d[2] / len];
  const helper: Vec3 = Math.abs(w[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  const cx = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  const uRaw = cx(helper, w);
  const ul = Math.hypot(...uRaw);
  const u: Vec3 = [uRaw[0] / ul, uRaw[1] / ul, uRaw[2] / ul];
  const v = cx(w, u);
  // Local lathe about y, then mapped so local y runs along the rod (x→u, y→w, z→-v: right-handed,
  // so windings stay front-facing).
  const part = emptyMesh();
  lathe(part, [[0, 0], [r0, 0], [r1, len], [0, len]], segments);
  appendTransformed(out, part, [u, w, [-v[0], -v[1], -v[2]]], from);
}
