import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { MONO_360, PICTURE_GROUP, createBackdropGeometry } from '../../src/stage/backdrop-geometry';
import { yawPitchAtScreenPoint } from '../../src/stage/PointerReadout';
import { DEG, equirectYawPitch, unitVectorOf, yawDelta } from '../../src/story';

/** The player's screen camera (75° vertical field of view) looking along (yaw, pitch) with a roll, as ScreenLook turns it. */
function screenCamera(yaw: number, pitch: number, roll = 0, aspect = 16 / 10) {
  const camera = new PerspectiveCamera(75, aspect, 0.05, 200);
  camera.rotation.set(pitch * DEG, -yaw * DEG, roll * DEG, 'YXZ');
  camera.updateMatrixWorld();
  return camera;
}

/** How far apart two yaws are, the short way round, so 179.9 and -180 are close. */
const yawOff = (a: number, b: number) => Math.abs(yawDelta(b, a));

describe('the yaw and pitch under the pointer', () => {
  it('is where the view looks at the centre of the screen', () => {
    expect(yawPitchAtScreenPoint(screenCamera(0, 0), 0, 0)).toEqual({ yaw: expect.closeTo(0, 6), pitch: expect.closeTo(0, 6) });
    const turned = yawPitchAtScreenPoint(screenCamera(90, 30), 0, 0);
    expect(turned.yaw).toBeCloseTo(90, 6);
    expect(turned.pitch).toBeCloseTo(30, 6);
  });

  it('grows to the right and upward across the screen, by the camera\'s field of view', () => {
    const half = Math.tan(37.5 * DEG); // the screen's half-height at distance 1
    const aspect = 16 / 10;
    const right = yawPitchAtScreenPoint(screenCamera(0, 0, 0, aspect), 0.5, 0);
    expect(right.yaw).toBeCloseTo(Math.atan(0.5 * half * aspect) / DEG, 6);
    expect(right.pitch).toBeCloseTo(0, 6);
    const up = yawPitchAtScreenPoint(screenCamera(0, 0, 0, aspect), 0, 1);
    expect(up.yaw).toBeCloseTo(0, 6);
    expect(up.pitch).toBeCloseTo(37.5, 6);
  });

  it.each([
    ['ahead', 0, 0, 0, 20, -10],
    ['across the ±180° seam', 170, 10, 0, -175, 5],
    ['looking down, tilted', -60, -50, 15, -40, -70],
    ['near the zenith', 30, 80, 0, 120, 85],
  ])('reads back the direction a point of the scene is drawn at (%s)', (_, viewYaw, viewPitch, roll, yaw, pitch) => {
    const camera = screenCamera(viewYaw, viewPitch, roll);
    const d = unitVectorOf(yaw, pitch);
    const ndc = new Vector3(d.x, d.y, d.z).multiplyScalar(10).project(camera);
    expect(Math.abs(ndc.x) <= 1 && Math.abs(ndc.y) <= 1, 'on screen').toBe(true);
    const read = yawPitchAtScreenPoint(camera, ndc.x, ndc.y);
    expect(yawOff(read.yaw, yaw)).toBeLessThan(1e-6);
    expect(read.pitch).toBeCloseTo(pitch, 6);
  });
});

describe('a pixel of an equirectangular picture as yaw and pitch (the README\'s formula)', () => {
  const W = 2048;
  const H = 1024;
  /** yaw = (x / W − 0.5) × 360, pitch = (0.5 − y / H) × 180, x and y from the top-left corner. */
  const readme = (x: number, y: number) => ({ yaw: (x / W - 0.5) * 360, pitch: (0.5 - y / H) * 180 });

  it('is where the player\'s backdrop shows that pixel', () => {
    const g = createBackdropGeometry({ radius: 10, layout: MONO_360, eye: 'left', topDown: false });
    const pos = g.getAttribute('position');
    const uv = g.getAttribute('uv');
    const group = g.groups.find((gr) => gr.materialIndex === PICTURE_GROUP)!;
    const index = g.getIndex()!;
    // Pixels on the geometry's grid (every 180/48° of yaw and pitch), so a vertex lies exactly there.
    for (const [x, y] of [[1024, 512], [1536, 512], [512, 256], [0, 512], [1024 + 128, 1024 - 64], [2048 - 64, 64]] as const) {
      const { yaw, pitch } = readme(x, y);
      const d = unitVectorOf(yaw, pitch);
      let best = -1;
      let bestDot = -2;
      for (let i = group.start; i < group.start + group.count; i++) {
        const v = index.getX(i);
        const dot = (pos.getX(v) * d.x + pos.getY(v) * d.y + pos.getZ(v) * d.z) / 10;
        if (dot > bestDot) [best, bestDot] = [v, dot];
      }
      expect(bestDot, `a vertex at pixel (${x}, ${y})`).toBeGreaterThan(0.99999);
      // Textures are uploaded flipped: v = 1 is the top row. Yaw -180 and 180 are the same column.
      const u = uv.getX(best);
      expect(x === 0 ? u % 1 : u, `u at pixel (${x}, ${y})`).toBeCloseTo(x / W, 5);
      expect(uv.getY(best), `v at pixel (${x}, ${y})`).toBeCloseTo(1 - y / H, 5);
    }
  });

  it('is how the generator paints: the centre column is yaw 0, the right quarter yaw 90, the top row straight up', () => {
    for (const [x, y] of [[1024, 512], [1536, 512], [512, 256], [1700, 900]] as const) {
      const made = equirectYawPitch(x, y, W, H);
      expect(made.yaw).toBeCloseTo(readme(x, y).yaw, 9);
      expect(made.pitch).toBeCloseTo(readme(x, y).pitch, 9);
    }
    expect(readme(1536, 512)).toEqual({ yaw: 90, pitch: 0 });
    expect(readme(1024, 0)).toEqual({ yaw: 0, pitch: 90 });
  });
});
