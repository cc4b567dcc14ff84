/** Archive: warm, one lamp, shelves all round, the ledger on the desk, a sealed stair door. */
import {
  DEG,
  type YawPitch,
  type Frame,
  type Noise3,
  type Paint,
  type Panorama,
  type RGB,
  add,
  bookshelves,
  clamp,
  coverage,
  createNoise3,
  createPanorama,
  painterVector,
  domeLattice,
  fromLocal,
  glow,
  hash01,
  lerp,
  localOf,
  mix,
  mulberry32,
  over,
  paint,
  paintPlane,
  paintSubject,
  scale,
  sdBox,
  sdSegment,
  shadeBand,
  shadeRect,
  smoothstep,
  tangentFrame,
  wrapYaw,
} from '../../paint';
import { type Light, gradeForScript, lightAt } from './lighting';
import { archOpening, masonry } from './motifs';
import { HEIGHT, WIDTH } from './recipe';
import { type StoryScene, hotspot, seedOf } from './story';

const ARCHIVE = { eye: 1.6, radius: 4, shelfTop: 36, corniceTop: 40, railHeight: 3.0 };
const ARCHIVE_FLOOR = -Math.atan(ARCHIVE.eye / ARCHIVE.radius) / DEG;
/** The brass rail the ladder hangs from, as seen from the eye. */
const RAIL_PITCH = Math.atan((ARCHIVE.railHeight - ARCHIVE.eye) / ARCHIVE.radius) / DEG;

export function paintArchive(scene: StoryScene, width = WIDTH, height = HEIGHT): Panorama {
  const ledger = hotspot(scene, 'ledger');
  const seed = seedOf('archive');
  const rng = mulberry32(seed);
  const noise = createNoise3(seed);
  const pano = createPanorama(width, height, [20, 14, 10]);
  const desk = tangentFrame(ledger.yaw, ledger.pitch);
  const k = ledger.radius / 12;
  // The one lamp stands on the desk to the left of the ledger; everything is lit from it.
  const lamp = fromLocal(desk, -16 * k, 12 * k);
  // The sealed stair door stands across the room, away from the desk.
  const stair: YawPitch = { yaw: wrapYaw(ledger.yaw + 210), pitch: 0 };
  const nearLamp = lightAt(lamp, 55);
  const nearStair = lightAt({ yaw: stair.yaw, pitch: ARCHIVE_FLOOR }, 18);
  const light: Light = (yaw, pitch) => 0.5 + 1.0 * nearLamp(yaw, pitch) + 0.15 * nearStair(yaw, pitch);

  archiveCeiling(pano, light, lamp);
  bookshelves(pano, rng, {
    bottomPitch: ARCHIVE_FLOOR,
    topPitch: ARCHIVE.shelfTop,
    rows: 10,
    bayWidth: 13,
    yawOffset: stair.yaw + 11.5,
    gaps: [[stair.yaw - 11.5, stair.yaw + 11.5]],
    palette: [
      [120, 34, 28],
      [150, 96, 40],
      [46, 72, 52],
      [40, 52, 86],
      [168, 132, 80],
      [96, 56, 34],
      [130, 60, 30],
      [70, 40, 50],
    ],
    wood: [92, 56, 32],
    back: [30, 19, 12],
    light,
  });
  archiveRail(pano, light, stair);
  archiveFloor(pano, lamp, stair, { yaw: ledger.yaw, pitch: deskFoot(desk, k).pitch }, noise);
  archiveStairDoor(pano, stair, noise);
  archiveLadder(pano, light);
  archiveDesk(pano, desk, k, noise);
  glow(pano, { ...lamp, radius: 5 * k, colour: [255, 190, 110], intensity: 0.5 });
  glow(pano, { ...lamp, radius: 22, colour: [255, 150, 70], intensity: 0.14 });
  for (let i = 0; i < 30; i++) {
    const yaw = lamp.yaw + (rng() - 0.5) * 24;
    const pitch = lamp.pitch + (rng() - 0.3) * 18;
    glow(pano, { yaw, pitch, radius: 0.1 + rng() * 0.12, colour: [255, 220, 170], intensity: 0.4 + rng() * 0.5 });
  }
  gradeForScript(pano, scene.script, seed);
  return pano;
}

function archiveCeiling(pano: Panorama, light: Light, lamp: YawPitch): void {
  shadeBand(pano, ARCHIVE.shelfTop, ARCHIVE.corniceTop, (s) => {
    const t = (s.pitch - ARCHIVE.shelfTop) / (ARCHIVE.corniceTop - ARCHIVE.shelfTop);
    const dentil = t > 0.3 && t < 0.65 && Math.sin(s.yaw * DEG * 240) > 0 ? 1.25 : 1;
    return paint(scale([96, 60, 34], (0.7 + 0.3 * Math.sin(t * Math.PI)) * dentil * light(s.yaw, s.pitch)), 1);
  });
  // Coffered wooden ceiling, its beams aligned on the lamp so the lit bay sits square above the desk.
  domeLattice(pano, {
    basePitch: ARCHIVE.corniceTop,
    ribs: 12,
    yawOffset: lamp.yaw + 15,
    rings: [ARCHIVE.corniceTop, 55, 68, 80],
    lineWidth: 2.2,
    colour: (s) => scale([120, 78, 44], light(s.yaw, s.pitch)),
    pane: (s, _cell, cu, cv) => {
      const l = light(s.yaw, s.pitch);
      if (s.pitch > 80) {
        const rosette = 0.6 + 0.4 * Math.abs(Math.cos(Math.atan2(s.vx, s.vz) * 4));
        return scale([150, 104, 54], rosette * l * (0.35 + 0.4 * smoothstep(84, 90, s.pitch)));
      }
      // Recessed panel inside a bevelled frame; the lower bevel faces the room's light.
      const inset = Math.min(cu, 1 - cu, cv, 1 - cv);
      const k = inset < 0.14 ? (cv < 0.14 ? 1.05 : 0.8) : 0.55;
      return scale([104, 66, 38], k * l * 0.85);
    },
  });
}

/** Brass rail that carries the rolling ladder along the shelves. */
function archiveRail(pano: Panorama, light: Light, stair: YawPitch): void {
  shadeBand(pano, RAIL_PITCH - 1, RAIL_PITCH + 1, (s) => {
    if (Math.abs(wrapYaw(s.yaw - stair.yaw)) < 11.5) return null;
    const d = Math.abs(s.pitch - RAIL_PITCH);
    const c: RGB = d < 0.12 ? [255, 220, 150] : [170, 128, 64];
    return paint(scale(c, light(s.yaw, s.pitch)), coverage(d - 0.3, s.px));
  });
}

function archiveFloor(pano: Panorama, lamp: YawPitch, stair: YawPitch, desk: YawPitch, noise: Noise3): void {
  // The desk's shadow starts at its front legs and reaches back under it.
  const deskDist = ARCHIVE.eye / Math.tan(-desk.pitch * DEG) + 0.55;
  const dc = Math.cos(desk.yaw * DEG);
  const ds = Math.sin(desk.yaw * DEG);
  const lampFloor = scale(painterVector(lamp.yaw, 0), ARCHIVE.radius * 0.55);
  const stairFloor = scale(painterVector(stair.yaw, 0), ARCHIVE.radius);
  const hatchYaw = wrapYaw(stair.yaw + 95);
  const hatch = scale(painterVector(hatchYaw, 0), 2.3);
  const hc = Math.cos(hatchYaw * DEG);
  const hs = Math.sin(hatchYaw * DEG);
  paintPlane(
    pano,
    -ARCHIVE.eye,
    (x, z, _t, fp) => {
      let c = planks(x, z, fp, noise);
      const r = Math.hypot(x, z);
      if (r < 1.35) c = rug(x, z, r, fp, c);
      // Trapdoor: the way "below", a square of boards with an iron ring.
      const hx = (x - hatch[0]) * hc - (z - hatch[2]) * hs;
      const hz = (x - hatch[0]) * hs + (z - hatch[2]) * hc;
      const hb = sdBox(hx, hz, 0.42, 0.42);
      if (hb < 0.03) {
        const boards = 0.8 + 0.2 * Math.sin(hx * 22);
        const strap = Math.abs(hz) > 0.22 && Math.abs(hz) < 0.3 ? 0.55 : 1;
        const ringD = Math.abs(Math.hypot(hx, hz + 0.05) - 0.09) - 0.012;
        c = mix(scale([78, 50, 30], boards * strap), [36, 34, 36], coverage(ringD, fp));
        c = mix(c, [6, 5, 6], coverage(Math.abs(hb) - 0.02, fp));
      }
      const lit = 0.45 + 1.2 * Math.exp(-((x - lampFloor[0]) ** 2 + (z - lampFloor[2]) ** 2) / 5);
      const across = x * dc - z * ds;
      const along = x * ds + z * dc - deskDist;
      const underDesk = 1 - 0.7 * Math.exp(-((across / 1.35) ** 4) - (along / 0.7) ** 2);
      c = scale(c, lit * underDesk);
      // Cold light from under the sealed door.
      const cold = Math.exp(-((x - stairFloor[0]) ** 2 + (z - stairFloor[2]) ** 2) / 0.5);
      return paint(add(c, [110, 190, 255], 0.35 * cold), 1);
    },
    { pitchLimit: ARCHIVE_FLOOR },
  );
}

function planks(x: number, z: number, fp: number, noise: Noise3): RGB {
  const w = 0.16;
  const row = Math.floor(x / w);
  const fx = x / w - row;
  const len = 1.3;
  const off = hash01(row, 3) * len;
  const seg = Math.floor((z + off) / len);
  const fz = (z + off) / len - seg;
  const joint = Math.max(coverage(Math.min(fx, 1 - fx) * w - 0.006, fp), coverage(Math.min(fz, 1 - fz) * len - 0.006, fp));
  const tone = 0.8 + 0.35 * hash01(row, seg, 1);
  const grainK = 0.88 + 0.24 * noise(x * 30, z * 2, 0.5) * clamp(1 - fp * 30);
  return scale(mix([84, 52, 30], [20, 12, 8], joint * 0.8), tone * grainK);
}

/** Round rug under the viewer: field, medallion, gold and navy borders. */
function rug(x: number, z: number, r: number, fp: number, under: RGB): RGB {
  const ang = Math.atan2(x, z);
  let c: RGB = [118, 32, 28];
  const petals = 0.45 + 0.18 * Math.cos(ang * 8);
  if (r < petals) c = mix([160, 112, 56], [40, 46, 80], smoothstep(0.15, 0.2, r) * smoothstep(petals, petals - 0.05, r));
  if (r < 0.12) c = [190, 140, 70];
  c = mix(c, [176, 124, 60], band(r, 1.0, 1.08, fp));
  c = mix(c, [36, 40, 72], band(r, 1.08, 1.28, fp));
  c = mix(c, [176, 124, 60], band(r, 1.16, 1.2, fp) * (Math.sin(ang * 48) > 0 ? 1 : 0.3));
  return mix(under, c, coverage(r - 1.3, fp));
}

/** Coverage of the ring lo < r < hi. */
function band(r: number, lo: number, hi: number, fp: number): number {
  return coverage(Math.max(lo - r, r - hi), fp);
}

function archiveStairDoor(pano: Panorama, stair: YawPitch, noise: Noise3): void {
  const frame = tangentFrame(stair.yaw, stair.pitch);
  const bottom = localOf(frame, stair.yaw, ARCHIVE_FLOOR)?.[1] ?? -22;
  // Stone wall fills the gap the shelves leave; the door sits in it.
  shadeRect(pano, stair.yaw - 11.6, stair.yaw + 11.6, ARCHIVE_FLOOR, ARCHIVE.shelfTop, (s) =>
    paint(masonry(s, noise, { radius: ARCHIVE.radius, eye: ARCHIVE.eye, course: 0.38, block: 0.7, colour: [70, 58, 48], seed: 5 }), 1),
  );
  const halfW = 8;
  const spring = 8;
  paintSubject(pano, frame, 34, (u, v, s) => {
    if (s.pitch < ARCHIVE_FLOOR) return null;
    const d = archOpening(u, v, halfW, bottom, spring);
    const px = s.px;
    if (d > 2.4) {
      // Plaque above the arch, waiting for a name.
      const pl = sdBox(u, v - (spring + halfW + 5), 4.5, 1.3);
      if (pl > 0.3) return null;
      const letters = Math.abs(v - (spring + halfW + 5)) < 0.45 && Math.abs(u) < 3.5 && Math.sin(u * 5.5) > -0.2;
      return paint(letters ? [60, 40, 20] : [170, 128, 66], coverage(pl, px));
    }
    if (d > 0) return paint(scale([104, 92, 80], 0.8 + 0.3 * Math.sin((d / 2.4) * Math.PI)), coverage(d - 2.4, px));
    // Cold light leaks through the gap round the door, strongest at the threshold.
    if (d > -0.35 || v < bottom + 0.45) return paint(v < bottom + 0.45 ? [200, 240, 255] : [120, 200, 255], 1);
    return paint(doorLeaf(u, v, px, bottom, noise), 1);
  });
  glow(pano, { yaw: stair.yaw, pitch: fromLocal(frame, 0, 3).pitch, radius: 4, colour: [90, 190, 255], intensity: 0.45 });
  glow(pano, { yaw: stair.yaw, pitch: ARCHIVE_FLOOR, radius: 7, colour: [90, 170, 255], intensity: 0.25 });
}

function doorLeaf(u: number, v: number, px: number, bottom: number, noise: Noise3): RGB {
  const plank = Math.floor(u / 2.1);
  const fu = u / 2.1 - plank;
  let c = scale([72, 44, 26], 0.8 + 0.25 * hash01(plank, 9) + 0.15 * noise(u * 0.6, v * 0.08, plank));
  c = scale(c, 1 - 0.5 * coverage(Math.min(fu, 1 - fu) - 0.04, px / 2.1));
  for (const sv of [bottom + 6, -2, 9]) {
    const strap = Math.abs(v - sv);
    if (strap < 0.7) {
      c = scale([46, 44, 46], strap < 0.15 ? 1.3 : 1);
      const rivet = Math.abs(((u + 50) % 2.6) - 1.3);
      if (Math.hypot(rivet, v - sv) < 0.3) c = [90, 88, 90];
    }
  }
  // The seal: an iron disc with a glowing sigil of the dome under a star.
  const sealV = 3;
  const r = Math.hypot(u, v - sealV);
  if (r < 3.4) {
    c = mix([30, 34, 42], [54, 60, 70], r / 3.4);
    const ring = coverage(Math.abs(r - 2.6) - 0.14, px);
    const dome = coverage(Math.abs(Math.hypot(u, v - sealV + 1.1) - 1.6) - 0.12, px) * (v > sealV - 1.1 ? 1 : 0);
    const star = coverage(Math.hypot(u, v - sealV - 1.3) - 0.3, px);
    c = mix(c, [150, 230, 255], Math.max(ring, dome, star));
  }
  const pull = coverage(Math.abs(Math.hypot(u - 5, v + 4) - 0.9) - 0.13, px);
  return mix(c, [60, 58, 60], pull);
}

/** Landmark at yaw 0: a rolling library ladder hooked on the brass rail. */
function archiveLadder(pano: Panorama, light: Light): void {
  const frame = tangentFrame(0, 0);
  const railV = localOf(frame, 0, RAIL_PITCH)?.[1] ?? 19;
  const footV = -30;
  const shape = (u: number, v: number, px: number) => {
    if (v < footV - 0.8 || v > railV + 1.5) return 0;
    const t = (v - footV) / (railV - footV);
    const half = lerp(3.4, 2.5, t);
    const rails = Math.max(coverage(Math.abs(u + half) - 0.35, px), coverage(Math.abs(u - half) - 0.35, px));
    const rungT = ((v - footV) / 3.4) % 1;
    const rung = Math.abs(u) < half && v > footV + 2 && v < railV - 1 ? coverage(Math.min(rungT, 1 - rungT) * 3.4 - 0.25, px) : 0;
    const hook = v > railV - 0.5 ? Math.max(coverage(Math.abs(u + half) - 0.5, px), coverage(Math.abs(u - half) - 0.5, px)) : 0;
    return Math.max(rails, rung, hook);
  };
  paintSubject(pano, frame, 36, (u, v, s) => paint([8, 5, 3], 0.45 * shape(u + 1.3, v + 0.6, s.px)));
  paintSubject(pano, frame, 36, (u, v, s) => {
    const k = shape(u, v, s.px);
    if (k <= 0) return null;
    const metal = v > railV - 0.5 || v < footV + 0.6;
    const c: RGB = metal ? [190, 146, 74] : [150, 100, 56];
    return paint(scale(c, light(s.yaw, s.pitch) * (0.85 + 0.15 * Math.sin(u * 2))), k);
  });
}

/**
 * Desk layout in hotspot-local units (divided by the hotspot's size factor): the top is drawn
 * foreshortened by `squash`, its front edge at `front`, then a drawer face and legs below it.
 */
const DESK = { squash: 0.62, front: -12 * 0.62, face: 5, legs: 7 };

/** Direction of the floor under the desk's front legs, to ground it with a shadow. */
function deskFoot(frame: Frame, k: number): YawPitch {
  return fromLocal(frame, 0, (DESK.front - DESK.face - DESK.legs) * k);
}

/** The hotspot subject: the open ledger on a walnut desk, lit by a brass lamp with an amber shade. */
function archiveDesk(pano: Panorama, frame: Frame, k: number, noise: Noise3): void {
  // Desk-surface coordinates (a across, b away) foreshortened into the view: far is narrower and flatter.
  const squash = DESK.squash;
  const toSurface = (u: number, v: number) => {
    const b = v / squash;
    return { a: u / (1 - 0.012 * b), b };
  };
  const front = DESK.front;
  const faceBottom = front - DESK.face;
  const legBottom = faceBottom - DESK.legs;
  const faceHalf = 30 * (1 + 0.012 * 12);
  const pool = { a: -6, b: 1 };
  paintSubject(pano, frame, 40 * k, (lu, lv, s) => {
    const u = lu / k;
    const v = lv / k;
    const px = s.px / k;
    const { a, b } = toSurface(u, v);
    const lit = 0.45 + 1.3 * Math.exp(-((a - pool.a) ** 2 + ((b - pool.b) * 1.3) ** 2) / 300);
    const top = Math.max(Math.abs(a) - 30, -b - 12, b - 11) * squash;
    let topPaint: Paint = null;
    if (top < px) {
      let c = deskTop(a, b, noise);
      c = scale(c, 1 - 0.45 * coverage(sdBox(a - 1.6, b + 1.2, 12, 8.8), 2));
      c = scale(c, lit);
      // Paper is lit too, but kept below white so the writing survives.
      const book = ledger(a, b, px / squash);
      if (book) c = mix(c, scale(book[0], Math.min(lit, 1.02)), book[1]);
      topPaint = paint(c, coverage(top, px));
    }
    // Front face with two drawers and brass pulls, then the legs down to the floor.
    const faceMid = (front + faceBottom) / 2;
    const face = sdBox(u, v - faceMid, faceHalf, (front - faceBottom) / 2);
    let facePaint: Paint = null;
    if (face < px) {
      const drawer = Math.max(Math.abs(Math.abs(u) - 15) - 11.5, Math.abs(v - faceMid) - 1.6);
      let c = scale([60, 36, 22], drawer < 0 ? 0.95 : 0.75);
      c = mix(c, [200, 150, 70], coverage(Math.hypot(Math.abs(u) - 15, v - faceMid) - 0.6, px));
      facePaint = paint(scale(c, lit * 0.75), coverage(face, px));
    }
    const leg = sdBox(Math.abs(u) - 28, v - (faceBottom + legBottom) / 2, 1.6, (faceBottom - legBottom) / 2);
    const legPaint = leg < px ? paint(scale([40, 24, 14], lit), coverage(leg, px)) : null;
    return over(lampShape(u, v, px), topPaint, facePaint, legPaint);
  });
}

function deskTop(a: number, b: number, noise: Noise3): RGB {
  const grainV = noise(a * 0.15, b * 2.2, 4.2) * 0.6 + noise(a * 0.6, b * 6, 1.3) * 0.4;
  const edge = b < -11.2 ? 1.3 : 1;
  return scale([104, 62, 34], (0.75 + 0.4 * grainV) * edge);
}

/** Open ledger in desk-surface coordinates; returns colour and coverage, or null off the book. */
function ledger(a: number, b: number, px: number): readonly [RGB, number] | null {
  const cover = sdBox(a, b + 0.1, 12, 8.8);
  if (cover > px) return null;
  const aa = Math.abs(a);
  // Red ribbon bookmark trailing from the spine over the near edge.
  if (a > 0.3 && a < 1.0 && b < 7 && b > -11.5) return [[168, 30, 38], 1];
  if (cover > 0) return null;
  const page = sdBox(aa - 5.8, b, 5.5, 8);
  if (page > 0) {
    // Page edges (the thickness of the ledger) along the near side; leather elsewhere.
    const edges = b < -8 && b > -8.8 && aa < 11.3;
    return edges ? [scale([230, 214, 180], 0.8 + 0.2 * Math.sin(b * 40)), 1] : [[96, 36, 24], coverage(cover, px)];
  }
  let c: RGB = [246, 234, 206];
  // Gutter shadow where the pages curve into the spine, and a slight curl at the outer edge.
  c = scale(c, (0.68 + 0.32 * smoothstep(0.3, 3.2, aa)) * (1 - 0.12 * smoothstep(9.5, 11.3, aa)));
  const ink: RGB = [70, 52, 40];
  const redRule = Math.max(coverage(Math.abs(aa - 8.2) - 0.06, px), coverage(Math.abs(b - 6.6) - 0.05, px));
  c = mix(c, [190, 70, 60], redRule * 0.8);
  const line = Math.round((6 - b) / 1.05);
  const lb = 6 - line * 1.05;
  if (line >= 0 && line <= 11) {
    // Handwritten lines: runs of "words" with gaps, anti-aliased so they stay fine at a distance.
    const stroke = coverage(Math.abs(b - lb) - 0.17, px);
    const x = aa - 1.4;
    const seed = line * 2 + (a > 0 ? 1 : 0);
    const length = 4.2 + 2.4 * hash01(seed, 5);
    const pos = (x + hash01(seed, 6) * 3) * 0.75;
    const word = (pos % 1) - 0.25 * hash01(Math.floor(pos), seed, 7);
    const signatureRow = a > 0 && line >= 9;
    const inWords = !signatureRow && x > 0 && x < length && word > 0.14 ? 1 : 0;
    const figures = aa > 8.7 && aa < 10.6 && word > 0.3 && !signatureRow ? 1 : 0;
    c = mix(c, ink, stroke * 0.8 * Math.max(inWords, figures));
  }
  // The keeper's signature: a looping flourish on the right page.
  const sx = a - 2.2;
  if (a > 0 && sx > 0 && sx < 6.2 && b < -3.2 && b > -7.2) {
    const curve = -5.2 + 0.75 * Math.sin(sx * 3.1) * Math.exp(-sx * 0.15) + (sx < 0.8 ? 1.2 * (0.8 - sx) : 0);
    c = mix(c, [30, 34, 70], coverage(Math.abs(b - curve) - 0.16, px));
  }
  return [c, 1];
}

/** Brass banker's lamp behind and left of the ledger; local units divided by the hotspot scale. */
function lampShape(u: number, v: number, px: number): Paint {
  const base = sdBox(u + 19, v - 1.8, 3, 0.7);
  const stem = sdBox(u + 19, v - 6, 0.45, 4.3);
  const arm = sdSegment(u, v, -19, 10.2, -16, 11.2) - 0.4;
  const su = u + 16;
  const sv = v - 12;
  // Shade: a half-cylinder of amber glass, glowing brightest along its lower lip.
  const shade = Math.max(sdBox(su, sv, 6 - Math.max(0, sv) * 0.6, 1.6), -sv - 1.6);
  const metal = Math.min(base, stem, arm);
  if (shade < px) {
    const lip = smoothstep(-0.2, -1.6, sv);
    const c = mix([200, 110, 30], [255, 220, 140], lip * 0.9);
    return paint(c, coverage(shade, px));
  }
  if (metal < px) {
    const k = 0.75 + 0.45 * smoothstep(-0.5, 0.5, -(u + 19));
    return paint(scale([190, 140, 64], k), coverage(metal, px));
  }
  return null;
}
