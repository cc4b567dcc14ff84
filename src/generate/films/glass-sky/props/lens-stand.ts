/**
 * The workshop scene's prop: a glassmaker's finished lens on a brass stand, about 1.1 m tall,
 * standing on y = 0 with its lens facing +z (toward a viewer ahead of it on the default placement).
 *
 * A small wooden plinth (rough, grained wood), a turned brass pedestal and column, a brass yoke
 * whose pivots hold a brass ring, and in the ring a biconvex lens of clear, faintly blue glass
 * (glossy, alpha-blended). Lit PBR materials: the stage's hemisphere and key lights shade them.
 * Deterministic from the seed: the seed varies only the wood's grain and the lens's tilt.
 */
import { Document, type Material } from '@gltf-transform/core';
import { PNG } from 'pngjs';
import { mulberry32 } from '../../../paint';
import { type Basis, type MeshData, type ProfilePoint, appendTransformed, box, emptyMesh, lathe, rod, torus } from '../../../geometry/mesh';

/** Height of the lens's centre above the floor, metres. */
export const LENS_CENTRE_Y = 0.96;
export const LENS_RADIUS = 0.114;
const RING_MAJOR = 0.125;
const RING_MINOR = 0.0135;
const YOKE_RADIUS = 0.168;
const YOKE_MINOR = 0.0085;
const PLINTH_TOP = 0.07;
const SEGMENTS = 48;

/** Torus/lathe axis y turned to z (x stays x): the ring and lens face ±z. */
const FACE_Z: Basis = [[1, 0, 0], [0, 0, 1], [0, -1, 0]];

/** A wood-grain texture: long, wavy, dark-and-light grain lines with some knots (sRGB). */
function woodGrain(seed: number): Uint8Array {
  const rand = mulberry32(seed ^ 0x7700d);
  const w = 64;
  const h = 256;
  const png = new PNG({ width: w, height: h });
  const phases = Array.from({ length: 4 }, () => rand() * Math.PI * 2);
  const knotY = 40 + rand() * 170;
  const knotX = 10 + rand() * 44;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // Distance across the grain, bent by slow waves and around one knot.
      const dx = x - knotX;
      const dy = (y - knotY) / 3;
      const knot = 9 / (1 + (dx * dx + dy * dy) / 30);
      const across = x + 2.2 * Math.sin(y / 37 + phases[0]!) + 1.1 * Math.sin(y / 13 + phases[1]!) + knot;
      const ring = 0.5 + 0.5 * Math.sin(across * 0.9 + 0.6 * Math.sin(across * 0.23 + phases[2]!));
      const streak = 0.5 + 0.5 * Math.sin(across * 3.1 + phases[3]!);
      const t = 0.55 * ring ** 2.5 + 0.15 * streak;
      const i = (y * w + x) * 4;
      // Dark walnut to a warmer brown.
      png.data[i] = Math.round(112 - 52 * t);
      png.data[i + 1] = Math.round(70 - 36 * t);
      png.data[i + 2] = Math.round(40 - 22 * t);
      png.data[i + 3] = 255;
    }
  return new Uint8Array(PNG.sync.write(png, { deflateLevel: 9 }));
}

/** The turned brass pedestal and column, from the plinth's top to the yoke. */
function pedestal(out: MeshData, top: number): void {
  const y = PLINTH_TOP;
  const profile: ProfilePoint[] = [
    [0, y],
    [0.1, y],
    [0.104, y + 0.006],
    [0.104, y + 0.014],
    [0.098, y + 0.018],
    // A domed foot, turned in steps.
    [0.088, y + 0.022],
    [0.075, y + 0.034],
    [0.06, y + 0.046],
    [0.046, y + 0.056],
    [0.036, y + 0.064],
    [0.036, y + 0.072],
    [0.042, y + 0.076],
    [0.042, y + 0.084],
    [0.026, y + 0.09],
    // The column, tapering a little, with a ring moulding halfway.
    [0.022, y + 0.1],
    [0.02, y + 0.38],
    [0.029, y + 0.39],
    [0.029, y + 0.405],
    [0.02, y + 0.415],
    [0.017, top - 0.06],
    // A collar and a ball under the yoke.
    [0.022, top - 0.055],
    [0.022, top - 0.04],
    [0.015, top - 0.036],
    [0.02, top - 0.028],
    [0.024, top - 0.018],
    [0.022, top - 0.008],
    [0.014, top - 0.001],
    [0, top],
  ];
  lathe(out, profile, SEGMENTS);
}

/** A small turned knob centred on `centre`, its axis along x (a pivot cap on the yoke). */
function pivotKnob(out: MeshData, centre: [number, number, number], outward: 1 | -1): void {
  const part = emptyMesh();
  lathe(part, [[0, 0], [0.013, 0], [0.016, 0.006], [0.015, 0.012], [0.01, 0.018], [0, 0.02]], 24);
  // Local y → ±x (outward), local x → y, local z → ±z (right-handed either way).
  const basis: Basis = outward === 1 ? [[0, 1, 0], [1, 0, 0], [0, 0, -1]] : [[0, 1, 0], [-1, 0, 0], [0, 0, 1]];
  appendTransformed(out, part, basis, centre);
}

export function lensStand(seed: number): Document {
  const rand = mulberry32(seed ^ 0x1e25);
  const doc = new Document();
  const buffer = doc.createBuffer();
  const meshOf = (name: string, data: MeshData, mat: Material) => {
    const f32 = (a: number[]) => new Float32Array(a);
    const indices = data.positions.length / 3 > 65535 ? new Uint32Array(data.indices) : new Uint16Array(data.indices);
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor(`${name}-position`).setType('VEC3').setArray(f32(data.positions)).setBuffer(buffer))
      .setAttribute('NORMAL', doc.createAccessor(`${name}-normal`).setType('VEC3').setArray(f32(data.normals)).setBuffer(buffer))
      .setAttribute('TEXCOORD_0', doc.createAccessor(`${name}-uv`).setType('VEC2').setArray(f32(data.uvs)).setBuffer(buffer))
      .setIndices(doc.createAccessor(`${name}-indices`).setType('SCALAR').setArray(indices).setBuffer(buffer))
      .setMaterial(mat);
    return doc.createMesh(name).addPrimitive(primitive);
  };

  // Materials: polished but aged brass, rough grained wood, clear faintly blue glass.
  const brass = doc.createMaterial('brass').setBaseColorFactor([0.78, 0.55, 0.2, 1]).setMetallicFactor(0.85).setRoughnessFactor(0.32);
  const grain = doc.createTexture('wood-grain').setMimeType('image/png').setImage(woodGrain(seed));
  const wood = doc.createMaterial('wood').setBaseColorFactor([1, 1, 1, 1]).setBaseColorTexture(grain).setMetallicFactor(0).setRoughnessFactor(0.82);
  const glass = doc.createMaterial('glass')
    .setBaseColorFactor([0.52, 0.76, 0.95, 0.2])
    .setAlphaMode('BLEND')
    .setMetallicFactor(0)
    .setRoughnessFactor(0.03)
    .setDoubleSided(false);

  // The wooden plinth: a thick block with a thinner tier on top.
  const plinth = emptyMesh();
  box(plinth, [0, 0.0225, 0], [0.17, 0.0225, 0.15]);
  box(plinth, [0, 0.045 + 0.0125, 0], [0.14, 0.0125, 0.125]);

  // Brass: pedestal and column up to the yoke's lowest point, the yoke arc, pins, knobs, ring.
  const yokeBottom = LENS_CENTRE_Y - YOKE_RADIUS;
  const metal = emptyMesh();
  pedestal(metal, yokeBottom + YOKE_MINOR * 0.5);
  // Yoke: the lower half of a circle about the lens's axis (the torus's angle 0 turned to -y).
  const yoke = emptyMesh();
  torus(yoke, YOKE_RADIUS, YOKE_MINOR, 40, 12, -Math.PI / 2, Math.PI / 2);
  appendTransformed(metal, yoke, FACE_Z, [0, LENS_CENTRE_Y, 0]);
  // Pins from the ring to the yoke's ends, and knobs capping them outside.
  for (const side of [1, -1] as const) {
    rod(metal, [side * (RING_MAJOR + RING_MINOR * 0.5), LENS_CENTRE_Y, 0], [side * (YOKE_RADIUS + YOKE_MINOR), LENS_CENTRE_Y, 0], 0.006, 0.006, 16);
    pivotKnob(metal, [side * (YOKE_RADIUS + YOKE_MINOR * 0.6), LENS_CENTRE_Y, 0], side);
  }

  // The ring and the lens tilt a little back on their pivots (about x), as a glassmaker left them.
  const tilt = ((4 + rand() * 8) * Math.PI) / 180;
  const c = Math.cos(tilt);
  const s = Math.sin(tilt);
  // FACE_Z, then rotated about x by -tilt (the top leans back, away from +z).
  const tilted: Basis = [[1, 0, 0], [0, s, c], [0, -c, s]];
  const ringPart = emptyMesh();
  torus(ringPart, RING_MAJOR, RING_MINOR, 72, 14);
  // A thin inner lip that seats the lens.
  // (An annulus: walked over the top inward, down the inner face, out along the bottom.)
  const lipOuter = RING_MAJOR - RING_MINOR * 0.6;
  const lipInner = LENS_RADIUS - 0.004;
  lathe(ringPart, [[lipOuter, 0.008], [lipInner, 0.008], [lipInner, -0.008], [lipOuter, -0.008]], 72);
  appendTransformed(metal, ringPart, tilted, [0, LENS_CENTRE_Y, 0]);

  // The lens: biconvex, thickest at the centre, its faces spherical caps.
  const lensPart = emptyMesh();
  const rings = 12;
  const centreHalf = 0.012;
  const edgeHalf = 0.003;
  const profile: ProfilePoint[] = [];
  for (let i = 0; i <= rings; i++) {
    const r = (LENS_RADIUS * i) / rings;
    profile.push([r, -(edgeHalf + (centreHalf - edgeHalf) * (1 - (r / LENS_RADIUS) ** 2))]);
  }
  for (let i = rings; i >= 0; i--) {
    const r = (LENS_RADIUS * i) / rings;
    profile.push([r, edgeHalf + (centreHalf - edgeHalf) * (1 - (r / LENS_RADIUS) ** 2)]);
  }
  // The lower face's points run outward from the axis (bottom), then up the rim and back in (top).
  lathe(lensPart, profile, SEGMENTS, [0, 0, 0], 30);
  const lens = emptyMesh();
  appendTransformed(lens, lensPart, tilted, [0, LENS_CENTRE_Y, 0]);

  const root = doc.createNode('lens-stand');
  root.addChild(doc.createNode('plinth').setMesh(meshOf('plinth', plinth, wood)));
  root.addChild(doc.createNode('stand').setMesh(meshOf('stand', metal, brass)));
  root.addChild(doc.createNode('lens').setMesh(meshOf('lens', lens, glass)));
  doc.createScene('lens-stand').addChild(root);
  return doc;
}
