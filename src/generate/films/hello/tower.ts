/** Tower: dawn over a real sky, the crystal dome spread out below the horizon. */
import {
  DEG,
  type YawPitch,
  type Noise3,
  type Panorama,
  type RGB,
  type Sample,
  type Vec3,
  add,
  clamp,
  columns,
  coverage,
  createNoise3,
  createPanorama,
  painterVector,
  dot,
  fbm,
  glow,
  gradientAt,
  hash01,
  lerp,
  mix,
  mulberry32,
  paint,
  paintPlane,
  paintSubject,
  scale,
  sdBox,
  sdCircle,
  sdSegment,
  shadeBand,
  smoothstep,
  stars,
  tangentFrame,
  wrapYaw,
} from '../../paint';
import { gradeForScript } from './lighting';
import { compassRadius } from './motifs';
import { HEIGHT, WIDTH } from './recipe';
import { type StoryScene, seedOf } from './story';

/**
 * The tower stands at the dome's edge: the glass dome rises ahead of the viewer towards the
 * sunrise, its crown below the horizon. Distances in metres; height is the eye above the ground.
 */
const TOWER = { domeRadius: 80, domeDistance: 96, height: 96, platform: 1.0, eye: 1.6, railHeight: 1.05 };

/** The platform's edge as seen from the eye: the platform hides everything below it. */
const EDGE_PITCH = -Math.atan(TOWER.eye / TOWER.platform) / DEG;

interface Sky {
  colour: (vx: number, vy: number, vz: number) => RGB;
  sun: YawPitch;
  /** Unit vector towards the sun. */
  toSun: Vec3;
  warmth: (vx: number, vz: number) => number;
}

export function paintTower(scene: StoryScene, width = WIDTH, height = HEIGHT): Panorama {
  const seed = seedOf('tower');
  const rng = mulberry32(seed);
  const noise = createNoise3(seed);
  const pano = createPanorama(width, height);
  // The sun rises at yaw 0, the landmark the viewer faces when the scene opens.
  const sky = dawnSky({ yaw: 0, pitch: 4 });
  shadeBand(pano, -0.5, 90, (s) => paint(sky.colour(s.vx, Math.max(s.vy, 0), s.vz), 1));
  towerClouds(pano, sky, noise);
  stars(pano, rng, {
    count: 700,
    minPitch: 12,
    size: 0.11,
    visibility: (yaw, pitch) => {
      const v = painterVector(yaw, pitch);
      return (1 - sky.warmth(v[0], v[2])) ** 2 * smoothstep(12, 55, pitch);
    },
  });
  towerMoon(pano, sky);
  towerBirds(pano, rng);
  towerBelow(pano, sky, noise, 0);
  towerMountains(pano, sky, noise);
  glow(pano, { yaw: sky.sun.yaw, pitch: sky.sun.pitch, radius: 1.8, colour: [255, 230, 190], intensity: 0.3 });
  towerPlatform(pano, sky);
  gradeForScript(pano, scene.script, seed);
  return pano;
}

function dawnSky(sun: YawPitch): Sky {
  const S = painterVector(sun.yaw, sun.pitch);
  const sh = Math.hypot(S[0], S[2]);
  const cold = [
    [0, [150, 138, 180]],
    [8, [124, 122, 176]],
    [30, [64, 80, 146]],
    [90, [26, 40, 96]],
  ] as const;
  const warm = [
    [0, [255, 176, 112]],
    [6, [250, 196, 150]],
    [22, [140, 160, 200]],
    [90, [40, 62, 124]],
  ] as const;
  const warmth = (vx: number, vz: number) => {
    const h = Math.hypot(vx, vz) || 1;
    return ((1 + (vx * S[0] + vz * S[2]) / (h * sh)) / 2) ** 2;
  };
  const colour = (vx: number, vy: number, vz: number): RGB => {
    const e = Math.asin(clamp(vy, -1, 1)) / DEG;
    const w = warmth(vx, vz);
    let c = mix(gradientAt(cold, e), gradientAt(warm, e), w);
    // Belt of Venus: the pink band opposite the rising sun.
    c = add(c, [120, 40, 70], (1 - w) * 0.5 * Math.exp(-(((e - 9) / 5) ** 2)));
    const g = vx * S[0] + vy * S[1] + vz * S[2];
    // Orange halo kept below white so the sun's disc still reads as a disc.
    c = add(c, [255, 160, 80], 0.45 * Math.exp((g - 1) * 90));
    c = add(c, [255, 140, 80], 0.28 * Math.exp((g - 1) * 7));
    const disc = Math.acos(clamp(g, -1, 1)) / DEG;
    return mix(c, [255, 250, 232], clamp((1.3 - disc) / 0.2));
  };
  return { colour, sun, toSun: S, warmth };
}

/** Thin stratus streaks on a cloud deck, lit gold towards the sun and violet away from it. */
function towerClouds(pano: Panorama, sky: Sky, noise: Noise3): void {
  const S = sky.toSun;
  shadeBand(pano, 0.5, 70, (s) => {
    const deck = smoothstep(0.02, 0.12, s.vy) * smoothstep(0.9, 0.4, s.vy);
    if (deck <= 0) return null;
    const t = 1 / s.vy;
    const n = fbm(noise, s.vx * t * 0.5 + 3, s.vz * t * 1.6, 1.5, 4);
    const density = smoothstep(0.55, 0.75, n) * deck;
    if (density <= 0) return null;
    const w = sky.warmth(s.vx, s.vz);
    const g = s.vx * S[0] + s.vy * S[1] + s.vz * S[2];
    let c = mix([100, 82, 126], [255, 168, 132], w ** 0.8);
    c = add(c, [255, 215, 160], 0.7 * Math.exp((g - 1) * 9));
    return paint(c, density * 0.85);
  });
}

/** A thin crescent moon setting in the west, its lit limb turned towards the sun. */
function towerMoon(pano: Panorama, sky: Sky): void {
  const frame = tangentFrame(wrapYaw(sky.sun.yaw + 215), 26);
  const S = sky.toSun;
  const su = dot(S, frame.r);
  const sv = dot(S, frame.u);
  const l = Math.hypot(su, sv) || 1;
  const [du, dv] = [su / l, sv / l];
  paintSubject(pano, frame, 6, (u, v, s) => {
    const lit = Math.max(sdCircle(u, v, 1.4), -sdCircle(u + du * 0.55, v + dv * 0.55, 1.35));
    const halo = 0.12 * Math.exp(-Math.hypot(u, v) / 2);
    return paint([244, 238, 222], Math.max(coverage(lit, s.px), halo));
  }, 'screen');
}

function towerBirds(pano: Panorama, rng: () => number): void {
  const frame = tangentFrame(0, 0);
  const birds = Array.from({ length: 4 }, () => ({ u: -9 + rng() * 14, v: 9 + rng() * 5, w: 0.5 + rng() * 0.4 }));
  paintSubject(pano, frame, 20, (u, v, s) => {
    let d = Infinity;
    for (const b of birds) {
      d = Math.min(d, sdSegment(u, v, b.u - b.w, b.v + b.w * 0.45, b.u, b.v), sdSegment(u, v, b.u, b.v, b.u + b.w, b.v + b.w * 0.5));
    }
    return paint([60, 44, 52], coverage(d - 0.05, s.px) * 0.9);
  });
}

/** Everything below the horizon: the glass dome (a ray-traced hemisphere) and the land round it. */
function towerBelow(pano: Panorama, sky: Sky, noise: Noise3, domeYaw: number): void {
  const { domeRadius: R, domeDistance: D, height: Hy } = TOWER;
  const cx = Math.sin(domeYaw * DEG) * D;
  const cz = Math.cos(domeYaw * DEG) * D;
  // The platform covers everything steeper than its edge, so don't trace what it will hide.
  const hidden = EDGE_PITCH - 1;
  shadeBand(pano, hidden, 0, (s) => {
    // Ray from the eye (0, Hy, 0) against the sphere centred on the ground at (cx, 0, cz).
    const b = -cx * s.vx + Hy * s.vy - cz * s.vz;
    const oc2 = cx * cx + Hy * Hy + cz * cz;
    const disc = b * b - (oc2 - R * R);
    // Coverage of the dome's silhouette from the ray's closest approach, so the limb is anti-aliased.
    const edge = coverage(Math.sqrt(Math.max(0, oc2 - b * b)) - R, -b * s.px * DEG);
    const t = disc >= 0 ? -b - Math.sqrt(disc) : -b;
    const hx = s.vx * t - cx;
    const hy = Hy + s.vy * t;
    const hz = s.vz * t - cz;
    let dome: RGB | null = null;
    if (edge > 0 && t > 0 && hy >= 0) {
      const n = Math.hypot(hx, hy, hz);
      dome = domeGlass(s, t, hx / n, hy / n, hz / n, sky, noise);
      if (edge >= 1) return paint(dome, 1);
    }
    const tg = -Hy / s.vy;
    const land = groundAt(s.vx * tg, s.vz * tg, (tg * s.px * DEG) / Math.max(0.05, -s.vy), cx, cz, s, sky, noise);
    const hazy = mix(land, sky.colour(s.vx, 0, s.vz), 1 - Math.exp(-tg / 6000));
    return paint(dome ? mix(hazy, dome, edge) : hazy, 1);
  });
}

/** Land seen from the tower: soft patchwork fields, a town ringing the dome, a river towards the sun. */
function groundAt(x: number, z: number, fp: number, cx: number, cz: number, s: Sample, sky: Sky, noise: Noise3): RGB {
  // Domain-warped cells so fields are irregular, not a chessboard.
  const wx = x / 120 + 1.2 * noise(x / 400, z / 400, 1);
  const wz = z / 120 + 1.2 * noise(x / 400, z / 400, 2);
  const ix = Math.floor(wx);
  const iz = Math.floor(wz);
  const fields: readonly RGB[] = [
    [54, 60, 84],
    [70, 64, 86],
    [60, 70, 80],
    [80, 72, 86],
    [64, 70, 92],
  ];
  const tone = 0.85 + 0.3 * hash01(ix, iz, 3);
  let c = scale(fields[Math.floor(hash01(ix, iz, 4) * fields.length)] ?? fields[0]!, tone);
  const woods = smoothstep(0.55, 0.62, fbm(noise, x / 350, z / 350, 6, 3));
  c = mix(c, [30, 38, 54], woods * 0.85);
  const hedge = Math.min(wx - ix, ix + 1 - wx, wz - iz, iz + 1 - wz) * 120;
  c = mix(c, [36, 40, 56], coverage(hedge - 0.8, fp) * 0.4);
  // Villages far out: clusters of early lights.
  const vi = Math.floor(x / 700);
  const vj = Math.floor(z / 700);
  if (hash01(vi, vj, 21) < 0.35) {
    const vx = (vi + 0.3 + 0.4 * hash01(vi, vj, 22)) * 700;
    const vz = (vj + 0.3 + 0.4 * hash01(vi, vj, 23)) * 700;
    const near = Math.hypot(x - vx, z - vz);
    if (near < 90) {
      const li = Math.floor(x / 14);
      const lj = Math.floor(z / 14);
      if (hash01(li, lj, 24) < 0.2 * smoothstep(90, 20, near)) c = add(c, [255, 176, 96], 0.9 * coverage(Math.hypot(x / 14 - li - 0.5, z / 14 - lj - 0.5) * 14 - 1.5, fp));
    }
  }
  const fromDome = Math.hypot(x - cx, z - cz);
  const R = TOWER.domeRadius;
  if (fromDome < R + 160) c = town(x, z, fp, fromDome, c);
  // The river winds away towards the sunrise and mirrors it.
  const centre = 120 + 420 * Math.sin(z / 1400 + 0.8) + 110 * Math.sin(z / 380 + 1);
  const river = Math.abs(x - centre) - lerp(18, 60, smoothstep(0, 4000, z));
  if (river < fp && z > 250) c = mix(c, scale(sky.colour(s.vx, -s.vy, s.vz), 0.9), coverage(river, fp));
  return c;
}

/** Roofs packed round the dome, thinning outwards, a few windows already lit at dawn. */
function town(x: number, z: number, fp: number, fromDome: number, under: RGB): RGB {
  const R = TOWER.domeRadius;
  const cell = 11;
  const gx = Math.floor(x / cell);
  const gz = Math.floor(z / cell);
  const h = hash01(gx, gz, 11);
  const density = smoothstep(R + 160, R + 25, fromDome);
  let c = under;
  if (h < 0.7 * density) {
    // Jittered size and position so the town doesn't read as a grid.
    const u = x / cell - gx - 0.5 - (hash01(gx, gz, 13) - 0.5) * 0.2;
    const v = z / cell - gz - 0.5 - (hash01(gx, gz, 14) - 0.5) * 0.2;
    const roof = sdBox(u, v, 0.22 + 0.2 * hash01(gx, gz, 15), 0.2 + 0.18 * hash01(gx, gz, 16));
    const ridge = u > 0 ? 0.8 : 1.05;
    c = mix(c, scale(mix([86, 72, 80], [118, 86, 80], hash01(gx, gz, 12)), ridge), coverage(roof * cell, fp) * 0.9);
    if (h < 0.1 * density) c = add(c, [255, 180, 100], coverage((Math.hypot(u - 0.2, v) - 0.07) * cell, fp) * 0.9);
  }
  // The dome's stone footing.
  return mix(c, [150, 138, 136], coverage(Math.abs(fromDome - R) - 1.5, fp));
}

function domeGlass(s: Sample, t: number, nx: number, ny: number, nz: number, sky: Sky, noise: Noise3): RGB {
  const R = TOWER.domeRadius;
  const lat = Math.asin(clamp(ny)) / DEG;
  const lon = Math.atan2(nx, nz) / DEG;
  const lonStep = 6;
  const latStep = 5;
  const li = Math.floor(lon / lonStep);
  const ri = Math.floor(lat / latStep);
  // Crystal: every pane is tilted a little differently, so reflections break into facets.
  const tilt = 0.035;
  const jx = nx + (hash01(li, ri, 1) - 0.5) * tilt;
  const jy = ny + (hash01(li, ri, 2) - 0.5) * tilt;
  const jz = nz + (hash01(li, ri, 3) - 0.5) * tilt;
  const jl = Math.hypot(jx, jy, jz);
  const dn = (s.vx * jx + s.vy * jy + s.vz * jz) / jl;
  const rx = s.vx - (2 * dn * jx) / jl;
  const ry = Math.abs(s.vy - (2 * dn * jy) / jl);
  const rz = s.vz - (2 * dn * jz) / jl;
  const refl = sky.colour(rx, ry, rz);
  const fresnel = 0.42 + 0.58 * (1 - Math.abs(dn)) ** 3;
  // Seen through the glass: the dim hall and the city inside, a scatter of warm windows.
  const ci = Math.floor(lon / 1.2);
  const cj = Math.floor(lat / 1.0);
  const h = hash01(ci, cj, 4);
  const cu = lon / 1.2 - ci - 0.5;
  const cv = lat / 1.0 - cj - 0.5;
  const window = h < 0.07 ? Math.exp(-(cu * cu + cv * cv) / 0.03) * (0.5 + h * 6) : 0;
  const inside = add(scale([30, 62, 86], 0.8 + 0.4 * noise(lon * 0.2, lat * 0.3, 2)), [255, 180, 100], window * 0.8);
  let c = mix(inside, refl, fresnel);
  // Lattice bars, sized in metres so they thin out with distance.
  const fp = (t * s.px * DEG) / Math.max(0.08, Math.abs(dn));
  const dLon = 0.5 - Math.abs(lon / lonStep - li - 0.5);
  const dLat = 0.5 - Math.abs(lat / latStep - ri - 0.5);
  const bar = Math.min(dLon * lonStep * DEG * R * Math.cos(lat * DEG), dLat * latStep * DEG * R);
  const hw = 0.18;
  const cov = coverage(bar - hw, fp) * clamp((2 * hw) / fp + 0.2);
  const brass = scale([190, 150, 104], 0.45 + 0.6 * sky.warmth(nx, nz));
  c = mix(c, brass, cov * 0.85);
  return c;
}

function towerMountains(pano: Panorama, sky: Sky, noise: Noise3): void {
  const ridge = (yaw: number, layer: number) => {
    const a = yaw * DEG;
    const n = fbm(noise, Math.cos(a) * 2.4 + layer * 7, Math.sin(a) * 2.4, layer * 3.3, 5);
    const m = smoothstep(0.3, 0.72, n);
    return layer === 0 ? 0.2 + 3.6 * m * m : 0.05 + 1.8 * m * m;
  };
  shadeBand(pano, -0.6, 4, (s) => {
    const far = ridge(s.yaw, 0);
    const near = ridge(s.yaw, 1);
    const horizon = sky.colour(s.vx, 0.005, s.vz);
    const w = sky.warmth(s.vx, s.vz);
    // Backlit towards the sun, so those ridges go darker and cooler.
    const farC = mix(horizon, mix([120, 100, 140], [150, 96, 110], w), 0.45);
    const nearC = mix(horizon, mix([80, 70, 110], [90, 56, 76], w), 0.7);
    if (s.pitch < near) return paint(nearC, coverage(s.pitch - near, s.px));
    if (s.pitch < far) return paint(farC, coverage(s.pitch - far, s.px));
    return null;
  });
}

/** The tower top under the viewer: a stone platform with a brass railing round it. */
function towerPlatform(pano: Panorama, sky: Sky): void {
  const S = sky.toSun;
  const railPitch = -Math.atan((TOWER.eye - TOWER.railHeight) / TOWER.platform) / DEG;
  const midPitch = -Math.atan((TOWER.eye - TOWER.railHeight / 2) / TOWER.platform) / DEG;
  paintPlane(
    pano,
    -TOWER.eye,
    (x, z, _t, fp) => {
      const r = Math.hypot(x, z);
      if (r > TOWER.platform + fp) return null;
      const ang = Math.atan2(x, z);
      const slab = Math.floor(ang / (Math.PI / 6));
      const fa = (ang / (Math.PI / 6)) % 1;
      const radial = coverage(Math.min(Math.abs(fa), 1 - Math.abs(fa)) * r * (Math.PI / 6) - 0.008, fp);
      const ringJ = coverage(Math.abs(r - 0.75) - 0.008, fp);
      let c = scale([128, 110, 100], 0.85 + 0.2 * hash01(slab, r > 0.75 ? 1 : 0, 8));
      c = mix(c, [60, 50, 48], Math.max(radial, ringJ));
      // Compass rose, brass, pointing at the sunrise.
      const rose = compassRadius(ang - sky.sun.yaw * DEG, 0.45, 0.25, 0.06);
      c = mix(c, [196, 150, 80], coverage(r - rose, fp));
      const sunSide = 0.85 + 0.3 * Math.max(0, (x * S[0] + z * S[2]) / (r || 1));
      return paint(scale(c, sunSide * (r > TOWER.platform - 0.05 ? 0.6 : 1)), coverage(r - TOWER.platform, fp));
    },
    { pitchLimit: EDGE_PITCH + 1 },
  );
  const brass: RGB = [200, 150, 80];
  for (const pitch of [railPitch, midPitch]) {
    const half = pitch === railPitch ? 0.55 : 0.35;
    shadeBand(pano, pitch - 1, pitch + 1, (s) => {
      const d = Math.abs(s.pitch - pitch);
      const top = s.pitch > pitch + half * 0.3 ? 1.35 : 0.85;
      const w = sky.warmth(s.vx, s.vz);
      return paint(scale(brass, top * (0.6 + 0.5 * w)), coverage(d - half, s.px));
    });
  }
  columns(pano, {
    yaws: Array.from({ length: 12 }, (_, i) => wrapYaw(15 + i * 30)),
    width: 1.3,
    bottomPitch: EDGE_PITCH,
    topPitch: railPitch + 0.4,
    colour: brass,
    lightYaw: sky.sun.yaw,
    light: (yaw) => {
      const v = painterVector(yaw, 0);
      return 0.55 + 0.5 * sky.warmth(v[0], v[2]);
    },
  });
}
