/** Hall: dim, cool, suspenseful; a daylight crack in a dark glass dome, a star mural facing the door. */
import {
  DEG,
  type YawPitch,
  type Noise3,
  type Panorama,
  type RGB,
  add,
  clamp,
  columns,
  coverage,
  createNoise3,
  createPanorama,
  painterVector,
  domeLattice,
  fbm,
  fromLocal,
  glow,
  hash01,
  lerp,
  localOf,
  mix,
  mulberry32,
  paint,
  paintPlane,
  paintSubject,
  scale,
  sdBox,
  sdCircle,
  sdPolyline,
  sdSegment,
  shadeBand,
  smoothstep,
  tangentFrame,
  wrapYaw,
} from '../../paint';
import { type Light, cosTo, falloff, gradeForScript, lightAt } from './lighting';
import { archOpening, compassRadius, masonry } from './motifs';
import { HEIGHT, WIDTH } from './recipe';
import { type Hotspot, type StoryScene, hotspot, seedOf } from './story';

const HALL = { eye: 1.6, floor: -16, wallTop: 20, domeBase: 24 };

export function paintHall(scene: StoryScene, width = WIDTH, height = HEIGHT): Panorama {
  const crack = hotspot(scene, 'crack');
  const mural = hotspot(scene, 'mural');
  // "An old mural of stars faces the door": the door is opposite the mural.
  const door: YawPitch = { yaw: wrapYaw(mural.yaw + 180), pitch: -2 };
  const seed = seedOf('hall');
  const rng = mulberry32(seed);
  const noise = createNoise3(seed);
  const radius = HALL.eye / Math.tan(-HALL.floor * DEG);
  const pano = createPanorama(width, height, [10, 12, 18]);

  const nearCrack = lightAt(crack, 38);
  const nearDoor = lightAt({ yaw: door.yaw, pitch: -10 }, 22);
  const light: Light = (yaw, pitch) =>
    0.5 + 0.18 * smoothstep(HALL.floor, HALL.wallTop, pitch) + 0.55 * nearCrack(yaw, pitch) + 0.45 * nearDoor(yaw, pitch);

  hallDome(pano, crack, noise);
  hallWalls(pano, noise, radius, light, seed);
  hallFloor(pano, radius, door, light);
  const avoid = [
    { yaw: mural.yaw, r: mural.radius + 4 },
    { yaw: door.yaw, r: 12 },
    { yaw: 0, r: 9 },
  ];
  const colYaws = Array.from({ length: 10 }, (_, i) => wrapYaw(18 + i * 36)).filter((y) =>
    avoid.every((a) => Math.abs(wrapYaw(y - a.yaw)) > a.r),
  );
  columns(pano, { yaws: colYaws, width: 3.2, bottomPitch: HALL.floor, topPitch: HALL.wallTop, colour: [78, 90, 112], light, lightYaw: crack.yaw });
  hallDoor(pano, door);
  hallNiche(pano);
  glow(pano, { yaw: mural.yaw, pitch: mural.pitch, radius: mural.radius * 1.3, colour: [60, 100, 170], intensity: 0.3 });
  hallMural(pano, mural, rng);
  hallCrack(pano, crack, rng, noise, radius);
  gradeForScript(pano, scene.script, seed);
  return pano;
}

function hallDome(pano: Panorama, crack: Hotspot, noise: Noise3): void {
  const toCrack = painterVector(crack.yaw, crack.pitch);
  domeLattice(pano, {
    basePitch: HALL.domeBase,
    ribs: 20,
    rings: [HALL.domeBase, 37, 50, 62, 72, 81],
    lineWidth: 0.9,
    colour: [14, 16, 22],
    pane: (s, cell, cu, cv) => {
      if (s.pitch > 81) {
        // Iron oculus cap: the dome's keystone.
        const ring = 0.5 + 0.5 * Math.cos((90 - s.pitch) * 2.2);
        return scale([30, 34, 44], 0.7 + 0.3 * ring);
      }
      const base = mix([20, 33, 56], [30, 52, 86], s.pitch / 90);
      // Soot and age: each pane a different dirtiness, mottled inside.
      const dirt = 0.72 + 0.35 * hash01(cell, 7) * (0.6 + 0.8 * fbm(noise, s.vx * 14, s.vy * 14, s.vz * 14, 3));
      // A diagonal sheen across each pane is what makes dark panels read as glass.
      const sheen = 0.16 * clamp(1 - Math.abs(cu - cv + 0.15) * 3) ** 2;
      const day = falloff(cosTo(toCrack, s), 16);
      return add(add(scale(base, dirt), [90, 130, 170], sheen), [255, 226, 180], 0.3 * day);
    },
  });
  // Cornice between wall and dome, with a thin brass fillet catching the light.
  shadeBand(pano, HALL.wallTop, HALL.domeBase, (s) => {
    const t = (s.pitch - HALL.wallTop) / (HALL.domeBase - HALL.wallTop);
    const profile = 0.7 + 0.35 * Math.sin(t * Math.PI * 2.5) ** 2;
    const brass = Math.abs(t - 0.8) < 0.06;
    const day = falloff(cosTo(toCrack, s), 30);
    return paint(scale(brass ? [150, 120, 70] : [66, 76, 96], profile * (0.75 + 0.9 * day)), 1);
  });
}

function hallWalls(pano: Panorama, noise: Noise3, radius: number, light: Light, seed: number): void {
  shadeBand(pano, HALL.floor, HALL.wallTop, (s) => {
    const stone = masonry(s, noise, { radius, eye: HALL.eye, course: 0.55, block: 1.1, colour: [50, 60, 80], seed });
    const skirting = s.pitch < HALL.floor + 2.2 ? 0.6 : 1;
    return paint(scale(stone, light(s.yaw, s.pitch) * skirting), 1);
  });
}

function hallFloor(pano: Panorama, radius: number, door: YawPitch, light: Light): void {
  const doorFloor = scale(painterVector(door.yaw, 0), radius * 0.92);
  paintPlane(
    pano,
    -HALL.eye,
    (x, z, _t, fp, s) => {
      const tile = 0.9;
      const ix = Math.floor(x / tile);
      const iz = Math.floor(z / tile);
      const fx = x / tile - ix;
      const fz = z / tile - iz;
      const grout = Math.max(coverage(Math.min(fx, 1 - fx) - 0.015, fp / tile), coverage(Math.min(fz, 1 - fz) - 0.015, fp / tile));
      let c: RGB = (ix + iz) & 1 ? [36, 43, 56] : [27, 32, 43];
      c = mix(c, [14, 16, 22], grout * 0.8);
      // Brass compass inlay under the viewer, its pointer towards yaw 0 where the film opens.
      const r = Math.hypot(x, z);
      const ring = Math.max(coverage(Math.abs(r - 1.05) - 0.025, fp), coverage(Math.abs(r - 1.3) - 0.012, fp));
      const ang = Math.atan2(x, z);
      const star = coverage(r - compassRadius(ang, 0.8, 0.45, 0.12), fp);
      const pointer = coverage(sdSegment(x, z, 0, 1.05, 0, 1.3) - 0.02, fp);
      c = mix(c, [150, 118, 66], Math.max(ring, star * 0.9, pointer));
      const k = light(s.yaw, -25) * (0.8 + 0.2 * smoothstep(radius, 0.5, r));
      c = scale(c, k);
      // Warm corridor light spilling through the doorway.
      const spill = Math.exp(-((x - doorFloor[0]) ** 2 + (z - doorFloor[2]) ** 2) / 1.6);
      return paint(add(c, [255, 160, 90], 0.35 * spill), 1);
    },
    { pitchLimit: HALL.floor },
  );
}

function hallDoor(pano: Panorama, door: YawPitch): void {
  const frame = tangentFrame(door.yaw, door.pitch);
  const bottom = localOf(frame, door.yaw, HALL.floor)?.[1] ?? -14;
  const eyeLevel = localOf(frame, door.yaw, 0)?.[1] ?? 2;
  const halfW = 7;
  const springV = 6;
  paintSubject(pano, frame, 24, (u, v, s) => {
    if (s.pitch < HALL.floor) return null;
    const d = archOpening(u, v, halfW, bottom, springV);
    const px = s.px;
    if (d > 2.6) return null;
    if (d > 0) {
      // Stone architrave with a keystone at the crown.
      const key = sdBox(u, v - (springV + halfW + 1.2), 1.3, 1.6) < 0;
      const k = key ? 1.25 : 0.9 + 0.25 * (1 - d / 2.6);
      return paint(scale([86, 94, 112], k * 0.8), coverage(d - 2.4, px));
    }
    // Corridor: nested rectangles receding to a warm vanishing point at eye level.
    const q = Math.max(Math.abs(u) / halfW, v > eyeLevel ? (v - eyeLevel) / (springV + halfW - eyeLevel) : (eyeLevel - v) / (eyeLevel - bottom));
    const depth = 1 / Math.max(q, 0.04);
    const arches = 0.8 + 0.2 * Math.cos(depth * 2.4);
    let c = mix([22, 18, 24], [255, 176, 104], (1 - q) ** 2.6);
    c = scale(c, arches);
    if (q < 0.11) c = mix(c, [255, 214, 160], smoothstep(0.11, 0.07, q));
    return paint(c, 1);
  });
  glow(pano, { ...fromLocal(frame, 0, eyeLevel), radius: 6, colour: [255, 150, 80], intensity: 0.35 });
}

/** Landmark at yaw 0: an arched niche with a small cold lantern and a brass star above it. */
function hallNiche(pano: Panorama): void {
  const frame = tangentFrame(0, 0);
  const halfW = 4.2;
  const sill = -7;
  const spring = 9;
  paintSubject(pano, frame, 22, (u, v, s) => {
    const recess = archOpening(u, v, halfW, sill, spring);
    const starAng = Math.atan2(v - 16.5, u);
    const starR = 0.55 + 1.1 * Math.abs(Math.cos(starAng * 4)) ** 10;
    const emblem = coverage(Math.hypot(u, v - 16.5) - starR, s.px);
    if (recess > 1.4 && emblem <= 0) return null;
    if (recess > 0) {
      const moulding = coverage(recess - 1.2, s.px) * (recess < 0.5 ? 1.2 : 0.85);
      if (emblem > 0) return paint([170, 138, 80], emblem);
      return paint(scale([70, 82, 104], moulding), coverage(recess - 1.2, s.px));
    }
    // Lantern on the sill: iron frame, glowing cold glass.
    const body = sdBox(u, v - (sill + 1.7), 0.9, 1.4);
    const cap = sdBox(u, v - (sill + 3.4), 1.2 - (v - (sill + 3.1)) * 0.9, 0.35);
    const lit = Math.exp(-Math.hypot(u, v - (sill + 1.7)) / 4.5);
    let c = mix([10, 13, 22], [70, 140, 190], lit * 0.9);
    if (Math.min(body, cap) < 0) c = body < -0.22 ? [200, 240, 255] : [24, 28, 36];
    return paint(c, 1);
  });
  glow(pano, { yaw: 0, pitch: fromLocal(frame, 0, sill + 1.7).pitch, radius: 3.5, colour: [110, 190, 255], intensity: 0.35 });
}

function hallMural(pano: Panorama, mural: Hotspot, rng: () => number): void {
  const frame = tangentFrame(mural.yaw, mural.pitch);
  const halfW = mural.radius;
  const halfH = mural.radius * 0.68;
  const border = 1.4;
  const starField = Array.from({ length: 90 }, () => ({ u: (rng() * 2 - 1) * halfW, v: (rng() * 2 - 1) * halfH, r: 0.1 + 0.22 * rng() ** 3, b: 0.5 + 0.5 * rng() }));
  const bright = Array.from({ length: 7 }, () => ({ u: (rng() * 1.7 - 0.85) * halfW, v: (rng() * 0.9 - 0.1) * halfH, r: 0.9 + rng() * 0.7 }));
  // A constellation the viewer can trace, through the bright stars ordered left to right.
  const constellation = bright
    .slice()
    .sort((a, b) => a.u - b.u)
    .flatMap((p) => [p.u, p.v]);
  const paintNoise = createNoise3(seedOf('mural'));
  paintSubject(pano, frame, Math.hypot(halfW, halfH) + border + 2, (u, v, s) => {
    const d = sdBox(u, v, halfW, halfH);
    const px = s.px;
    const shadow = sdBox(u - 0.6, v + 0.9, halfW + border, halfH + border);
    if (d > border) return shadow < 1.2 ? paint([4, 6, 10], 0.5 * coverage(shadow - 0.6, 1.2)) : null;
    if (d > 0) {
      // Gilded frame: a bevel profile across its width, darker inner lip.
      const t = d / border;
      const bevel = 0.55 + 0.6 * Math.sin(t * Math.PI) ** 0.7 - (t < 0.15 ? 0.3 : 0);
      return paint(scale([196, 156, 84], bevel * 0.85), coverage(d - border, px));
    }
    return paint(muralCanvas(u, v, px, { halfW, halfH, starField, bright, constellation, paintNoise }), 1);
  });
}

function muralCanvas(
  u: number,
  v: number,
  px: number,
  m: {
    halfW: number;
    halfH: number;
    starField: ReadonlyArray<{ u: number; v: number; r: number; b: number }>;
    bright: ReadonlyArray<{ u: number; v: number; r: number }>;
    constellation: readonly number[];
    paintNoise: Noise3;
  },
): RGB {
  const ty = (v + m.halfH) / (2 * m.halfH);
  let c = mix([30, 46, 96], [14, 20, 52], ty);
  // Painted milky way: a diagonal band of lighter, brushy blue.
  const band = Math.exp(-(((u * 0.45 - v + 1.5) / 3.2) ** 2));
  const brush = fbm(m.paintNoise, u * 0.35, v * 0.35, 0.5, 4);
  c = add(c, [70, 80, 140], band * (0.3 + 0.6 * brush));
  c = scale(c, 0.85 + 0.3 * brush);
  for (const st of m.starField) {
    const k = coverage(Math.hypot(u - st.u, v - st.v) - st.r, px);
    if (k > 0) c = mix(c, [255, 236, 190], k * st.b);
  }
  const line = coverage(sdPolyline(u, v, m.constellation) - 0.08, px);
  c = mix(c, [214, 176, 100], line * 0.75);
  for (const st of m.bright) {
    const du = Math.abs(u - st.u);
    const dv = Math.abs(v - st.v);
    // Four-pointed painted star: two thin diamonds crossing.
    const spikes = Math.min(du / st.r + dv / (st.r * 0.2), dv / st.r + du / (st.r * 0.2));
    const k = clamp((1 - spikes) * 3) + 0.5 * Math.exp(-(du * du + dv * dv) / (st.r * st.r * 0.15));
    if (k > 0) c = mix(c, [255, 244, 214], clamp(k));
  }
  // Crescent moon in the upper left.
  const mu = -m.halfW * 0.68;
  const mv = m.halfH * 0.55;
  const moon = Math.max(sdCircle(u - mu, v - mv, 2.1), -sdCircle(u - mu - 0.9, v - mv - 0.5, 1.8));
  c = mix(c, [242, 226, 176], coverage(moon, px));
  // The dome itself, painted small under the stars: the film's question in one picture.
  const dv = v + m.halfH + 4.5;
  const domeD = sdCircle(u, dv, 10.5);
  if (domeD < 0 && v > -m.halfH) {
    const ribs = Math.abs(Math.sin(Math.atan2(u, dv) * 9)) < 0.08 || Math.abs(Math.hypot(u, dv) - 7.5) < 0.12;
    c = ribs ? [120, 106, 80] : mix([14, 18, 34], [26, 34, 58], brush);
  }
  c = mix(c, [190, 160, 96], coverage(Math.abs(domeD) - 0.14, px));
  // Age: flaked paint and darkened edges.
  const flake = smoothstep(0.68, 0.72, fbm(m.paintNoise, u * 1.3, v * 1.3, 3.1, 3));
  c = mix(c, [96, 100, 112], flake * 0.45);
  const edge = Math.min(m.halfW - Math.abs(u), m.halfH - Math.abs(v));
  return scale(c, 0.75 + 0.25 * smoothstep(0, 3, edge));
}

/** The hotspot subject: a jagged line of daylight through the dome, with the beam it casts. */
function hallCrack(pano: Panorama, crack: Hotspot, rng: () => number, noise: Noise3, radius: number): void {
  const frame = tangentFrame(crack.yaw, crack.pitch);
  const len = crack.radius * 0.95;
  const axis = 32 * DEG;
  const ax = Math.cos(axis);
  const ay = Math.sin(axis);
  // Two jagged halves grown from the centre so the crack passes exactly through the hotspot.
  const half = (sign: number) => {
    const pts: number[] = [];
    let off = 0;
    const n = 14;
    for (let i = 1; i <= n; i++) {
      // Mostly a random walk, with the odd sharp kink that fractured glass has.
      const kink = rng() < 0.35 ? (rng() < 0.5 ? -1 : 1) * (0.6 + rng() * 0.8) : 0;
      off = clamp(off + (rng() - 0.5) * 0.9 + kink, -2, 2);
      const t = ((i - rng() * 0.4) / n) * len * sign;
      pts.push(ax * t - ay * off, ay * t + ax * off);
    }
    return pts;
  };
  const right = half(1);
  const left = half(-1);
  const main = [...pairsReversed(left), 0, 0, ...right];
  const branches = [4, 9, 18, 24].map((i) => {
    const bx = main[i * 2] ?? 0;
    const by = main[i * 2 + 1] ?? 0;
    const ang = axis + (rng() < 0.5 ? 1 : -1) * (0.6 + rng() * 0.5);
    const pts = [bx, by];
    const n = 4;
    for (let k = 1; k <= n; k++) {
      const t = (k / n) * (2 + rng() * 2.5);
      pts.push(bx + Math.cos(ang) * t + (rng() - 0.5) * 0.6, by + Math.sin(ang) * t + (rng() - 0.5) * 0.6);
    }
    return pts;
  });
  const dist = (u: number, v: number) => {
    let branch = Infinity;
    for (const b of branches) branch = Math.min(branch, sdPolyline(u, v, b));
    return { main: sdPolyline(u, v, main), branch };
  };
  crackBeam(pano, crack, noise, radius, rng);
  glow(pano, { yaw: crack.yaw, pitch: crack.pitch, radius: crack.radius * 0.9, colour: [255, 214, 160], intensity: 0.2 });
  paintSubject(pano, frame, len + 8, (u, v) => {
    const d = dist(u, v);
    const g = Math.min(d.main, d.branch * 1.5);
    return paint([255, 226, 170], 0.7 * Math.exp(-g / 0.3) + 0.22 * Math.exp(-g / 2));
  }, 'add');
  paintSubject(pano, frame, len + 2, (u, v, s) => {
    const d = dist(u, v);
    const core = Math.max(coverage(d.main - 0.14, s.px), coverage(d.branch - 0.07, s.px));
    return paint([255, 252, 240], core);
  });
}

function pairsReversed(pts: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = pts.length - 2; i >= 0; i -= 2) out.push(pts[i]!, pts[i + 1]!);
  return out;
}

/** A shaft of dusty daylight from the crack to a pool on the floor. */
function crackBeam(pano: Panorama, crack: Hotspot, noise: Noise3, radius: number, rng: () => number): void {
  const poolYaw = crack.yaw - 14;
  const poolDist = radius * 0.45;
  const poolPitch = -Math.atan(HALL.eye / poolDist) / DEG;
  const mid = tangentFrame((crack.yaw + poolYaw) / 2, (crack.pitch + poolPitch) / 2);
  const a = localOf(mid, crack.yaw, crack.pitch);
  const b = localOf(mid, poolYaw, poolPitch);
  if (!a || !b) return;
  const [ax, ay] = a;
  const [bx, by] = b;
  const lenAB = Math.hypot(bx - ax, by - ay);
  const nx = -(by - ay) / lenAB;
  const ny = (bx - ax) / lenAB;
  const beamAt = (u: number, v: number) => {
    const t = ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / (lenAB * lenAB);
    const across = (u - ax) * nx + (v - ay) * ny;
    const hw = lerp(5.5, 4, t);
    return { t, across: across / hw };
  };
  paintSubject(pano, mid, lenAB / 2 + 14, (u, v) => {
    const { t, across } = beamAt(u, v);
    if (t < 0 || t > 1.05) return null;
    const streaks = 0.55 + 0.9 * noise(across * 5, 0.3, 7.1);
    const ends = smoothstep(0, 0.08, t) * smoothstep(1.05, 0.9, t);
    return paint([255, 224, 170], 0.11 * streaks * ends * smoothstep(1, 0.4, Math.abs(across)));
  }, 'add');
  // Dust motes drifting in the shaft.
  for (let i = 0; i < 40; i++) {
    const t = 0.1 + rng() * 0.85;
    const across = (rng() * 2 - 1) * 0.7 * lerp(5.5, 4, t);
    const u = ax + (bx - ax) * t + nx * across;
    const v = ay + (by - ay) * t + ny * across;
    const at = fromLocal(mid, u, v);
    glow(pano, { ...at, radius: 0.08 + rng() * 0.12, colour: [255, 240, 210], intensity: 0.3 + rng() * 0.5 });
  }
  const pool = scale(painterVector(poolYaw, 0), poolDist);
  paintPlane(
    pano,
    -HALL.eye,
    (x, z) => {
      const d = Math.hypot((x - pool[0]) / 1.3, z - pool[2]);
      return paint([255, 226, 176], 0.55 * Math.exp(-((d / 0.55) ** 2)) + 0.25 * Math.exp(-d / 0.9));
    },
    { pitchLimit: HALL.floor, mode: 'add' },
  );
}
