/** Rooftop: a seam of real daylight along a lattice rib, right overhead; the city's lights far below. */
import { type RGB, add, clamp, coverage, createNoise3, fbm, hash01, mix, mulberry32, paint, scale, smoothstep } from '../../../paint';
import type { Motif } from '../../../pipeline';
import { daylightColour, drawUnit, glint, motifSeed } from './common';

/** A broad riveted rib of the lattice, close overhead, with a blazing seam of daylight along its edge. */
export const domeSeam: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'dome-seam');
  const noise = createNoise3(seed);
  const rng = mulberry32(seed);
  const day = daylightColour(brief);
  const ribW = 0.1;
  const ringY = 0.58;
  const painted = Array.from({ length: 9 }, () => ({ x: (rng() * 2 - 1) * 1.1, y: (rng() * 2 - 1) * 1.1, r: 0.04 + rng() * 0.05 }));
  // Seam wobble: the pane edge pulled away from the rib, wider in places.
  const seamX = (y: number) => ribW + 0.006 + 0.006 * noise(y * 6, 0.5, 1.5);
  const seamW = (y: number) => 0.004 + 0.012 * smoothstep(0.3, 0.8, noise(y * 3, 2.5, 0.5));
  drawUnit(pano, el, 1.45, (x, y, aa) => {
    const r = Math.hypot(x, y);
    const wob = 0.12 * (fbm(noise, x * 2, y * 2, 4.4, 3) - 0.5);
    // Painted-glass backing: only a thin veil that fades smoothly to nothing well inside the
    // radius, so the dome the setting paints shows through and no disk edge is ever seen.
    const veil = 0.7 * smoothstep(0.9, 0.15, r + wob) ** 1.5;
    // The rib and ring bar fade along their length instead of ending at a circle.
    const ribFade = smoothstep(1.4, 0.7, Math.abs(y) + 0.5 * wob);
    const ringFade = smoothstep(1.2, 0.5, Math.abs(x) + 0.5 * wob);
    if (veil <= 0.002 && ribFade <= 0 && ringFade <= 0) return null;
    const sx = x - seamX(y);
    // Brushy painted blue, close to the dome's own tone, with gilt painted stars.
    const brush = fbm(noise, x * 3 + y * 0.5, y * 9, 0.4, 4);
    let c: RGB = mix([52, 70, 128], [84, 104, 164], brush);
    for (const p of painted) {
      const g = glint(x - p.x, y - p.y, p.r);
      c = mix(c, [220, 186, 110], clamp(g) * 0.9);
    }
    c = scale(c, 0.88 + 0.24 * fbm(noise, x * 12, y * 12, 3.3, 2));
    // Flaking paint near the seam: chips of the painted sky lifted off, bare glass lit behind.
    const flakeN = fbm(noise, x * 26, y * 26, 8.2, 3);
    const flakeZone = Math.exp(-Math.abs(sx) / 0.22) * (x > 0 ? 1 : 0.55);
    const flake = coverage(0.62 - flakeZone * 0.22 - flakeN, aa * 4) * smoothstep(0.05, 0.35, flakeZone);
    c = mix(c, mix([150, 176, 210], day, 0.5), flake * 0.85);
    // Light spilling onto the glass near the seam.
    c = add(c, day, 0.45 * Math.exp(-Math.abs(sx) / 0.08) * (x > 0 ? 1 : 0.3));
    let a = clamp(veil + 0.6 * flake * flakeZone * smoothstep(1.3, 0.6, r));
    // The crossing ring bar.
    const ringD = Math.abs(y - ringY) - 0.055;
    if (ringD < 0.01 && ringFade > 0) {
      const t = (y - ringY) / 0.055;
      const metal = scale([84, 70, 52], 0.55 + 0.5 * (1 - t * t) + (t < -0.7 ? 0.4 : 0));
      const k = coverage(ringD, aa) * ringFade;
      c = a > 0.002 ? mix(c, metal, k / Math.max(k, clamp(a + k - a * k))) : metal;
      a = clamp(a + k - a * k);
    }
    // The rib: flanges, web, rivets, a hot edge beside the seam.
    const ribD = Math.abs(x) - ribW;
    if (ribD < 0.01 && ribFade > 0) {
      const t = x / ribW;
      let metal: RGB = scale([92, 76, 56], 0.5 + 0.45 * Math.cos(t * 1.4) + (Math.abs(t) > 0.78 ? 0.25 : 0));
      metal = scale(metal, 0.85 + 0.25 * fbm(noise, x * 40, y * 8, 7.1, 2));
      const ry = ((y % 0.14) + 0.14) % 0.14 - 0.07;
      const rivet = Math.min(Math.hypot(x - 0.06, ry), Math.hypot(x + 0.06, ry)) - 0.016;
      metal = mix(metal, [170, 146, 104], coverage(rivet, aa));
      metal = mix(metal, [40, 32, 26], coverage(Math.abs(Math.hypot(x - 0.06, ry) - 0.018) - 0.004, aa) * 0.6);
      metal = add(metal, day, 0.9 * Math.exp(-(ribW - x) / 0.02));
      // Plate where rib and ring cross.
      if (Math.abs(y - ringY) < 0.1) metal = scale(metal, 1.15);
      const k = coverage(ribD, aa) * ribFade;
      const na = clamp(a + k - a * k);
      c = a > 0.002 ? mix(c, metal, k / Math.max(k, na)) : metal;
      a = na;
    }
    return a > 0.002 ? paint(c, a) : null;
  });
  // The seam itself and its glow, longer than the patch; plus rays of light falling away.
  drawUnit(
    pano,
    el,
    2.3,
    (x, y, aa) => {
      const along = smoothstep(2.25, 1.2, Math.abs(y));
      const sx = x - seamX(y);
      const d = Math.abs(sx) - seamW(y);
      const core = coverage(d, aa);
      const g = Math.max(0, d);
      const rays = x > 0 ? 0.1 * (0.5 + 0.5 * noise(y * 5 - x * 1.5, x * 0.5, 3.7)) * smoothstep(1.4, 0, x) * smoothstep(0, 0.1, x) : 0;
      return paint(day, along * (core + 0.55 * Math.exp(-g / 0.015) + 0.25 * Math.exp(-g / 0.12)) + rays * along);
    },
    'add',
  );
};

/** The city seen far below: a street grid lit by lamps, blocks scattered with warm windows, a round plaza. */
export const cityLights: Motif = (pano, el, brief) => {
  const seed = motifSeed(brief, 'city-lights');
  const noise = createNoise3(seed);
  const H = 150;
  const rot = (0.3 + hash01(1, 2, 3, seed) * 0.4) as number;
  const cr = Math.cos(rot);
  const sr = Math.sin(rot);
  const warm: RGB = [255, 186, 100];
  const block = 36;
  const street = 7;
  drawUnit(pano, el, 1.5, (x, y, aa, s) => {
    const r = Math.hypot(x, y);
    // A broad radial feather: the grid dissolves into the city the setting paints around it.
    const patchA = smoothstep(1.48, 0.2, r + 0.25 * (fbm(noise, x * 3, y * 3, 1.1, 3) - 0.5)) ** 1.3;
    if (patchA <= 0.002 || s.vy > -0.05) return null;
    const t = H / -s.vy;
    const fp = (t * aa * el.radius * (Math.PI / 180)) / -s.vy;
    const px = s.vx * t;
    const pz = s.vz * t;
    const gx = px * cr - pz * sr;
    const gz = px * sr + pz * cr;
    const bx = Math.floor(gx / block);
    const bz = Math.floor(gz / block);
    const fx = gx - bx * block;
    const fz = gz - bz * block;
    const avenueX = bx % 4 === 0 ? 1 : 0;
    const avenueZ = bz % 3 === 0 ? 1 : 0;
    const sw = street * (1 + avenueX * 0.8);
    const swz = street * (1 + avenueZ * 0.8);
    const inStreetX = fx < sw;
    const inStreetZ = fz < swz;
    let c: RGB = [10, 14, 26];
    // Plaza: a round open square in one block with a lit ring.
    const plaza = Math.hypot(gx - block * 2.5, gz - block * 1.5) - 26;
    if (plaza < 0) {
      c = [30, 26, 30];
      c = add(c, warm, 0.9 * coverage(Math.abs(plaza + 3) - 0.6, fp / 1.5));
      c = add(c, warm, 0.6 * Math.exp(-Math.hypot(gx - block * 2.5, gz - block * 1.5) / 5));
    } else if (inStreetX || inStreetZ) {
      // Street: a faint glow and lamps every few metres along its middle.
      c = [40, 28, 24];
      const lampAlongX = inStreetX ? Math.abs(((gz % 12) + 12) % 12 - 6) : 99;
      const lampAlongZ = inStreetZ ? Math.abs(((gx % 12) + 12) % 12 - 6) : 99;
      const dLamp = Math.min(Math.hypot(fx - sw / 2, lampAlongX), Math.hypot(fz - swz / 2, lampAlongZ));
      const sig = Math.max(1.2, fp * 0.8);
      c = add(c, warm, Math.min(1.4, 1.4 * (1.2 / sig) ** 2) * Math.exp(-((dLamp / sig) ** 2)) + 0.15 * (avenueX + avenueZ));
    } else {
      // Roofs, darker or lighter per building, with lit windows scattered over the block.
      const cell = 4.5;
      const wx = Math.floor(gx / cell);
      const wz = Math.floor(gz / cell);
      const tone = 0.7 + 0.6 * hash01(Math.floor(gx / 12), Math.floor(gz / 12), 9, seed);
      c = scale([22, 26, 40], tone);
      const h = hash01(wx, wz, 0, seed);
      if (h < 0.3) {
        const cx = (wx + 0.5) * cell + (hash01(wx, wz, 1, seed) - 0.5) * 2;
        const cz = (wz + 0.5) * cell + (hash01(wx, wz, 2, seed) - 0.5) * 2;
        const sig = Math.max(0.9, fp * 0.8);
        const k = (0.6 + 0.8 * hash01(wx, wz, 3, seed)) * Math.min(1, (0.9 / sig) ** 2);
        c = add(c, mix(warm, [255, 230, 170], hash01(wx, wz, 4, seed)), k * Math.exp(-(((gx - cx) ** 2 + (gz - cz) ** 2) / (sig * sig))));
      }
    }
    // City glow and distance haze.
    c = add(c, [120, 70, 40], 0.12);
    c = mix(c, [30, 34, 56], 1 - Math.exp(-t / 900));
    // The dark ground is only a thin veil at the rim; the lights themselves carry further out.
    const lum = clamp((Math.max(c[0], c[1], c[2]) - 40) / 160);
    return paint(c, patchA * (0.55 + 0.45 * lum));
  });
};
