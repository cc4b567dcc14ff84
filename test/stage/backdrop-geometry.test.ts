import { describe, expect, it } from 'vitest';
import type { BufferGeometry } from 'three';
import { BEHIND_GROUP, PICTURE_GROUP, type BackdropLayout, type Eye, createBackdropGeometry, layoutOfMedia } from '../../src/stage/backdrop-geometry';
import { unitVectorOf } from '../../src/story';
import { equirectLayerParameters } from '../../src/stage/media-layer';

const geometry = (layout: BackdropLayout, eye: Eye, topDown = false) => createBackdropGeometry({ radius: 10, layout, eye, topDown });

/** The texture coordinates the picture shows at (yaw, pitch): those of the picture vertex lying there. */
function uvAt(g: BufferGeometry, yaw: number, pitch: number): [number, number] {
  const d = unitVectorOf(yaw, pitch);
  const pos = g.getAttribute('position');
  const uv = g.getAttribute('uv');
  const index = g.getIndex()!;
  const group = g.groups.find((gr) => gr.materialIndex === PICTURE_GROUP)!;
  let best = -1;
  let bestDot = -2;
  for (let i = group.start; i < group.start + group.count; i++) {
    const v = index.getX(i);
    const dot = (pos.getX(v) * d.x + pos.getY(v) * d.y + pos.getZ(v) * d.z) / 10;
    if (dot > bestDot) [best, bestDot] = [v, dot];
  }
  expect(bestDot, `a picture vertex at yaw ${yaw}, pitch ${pitch}`).toBeGreaterThan(0.9999);
  return [uv.getX(best), uv.getY(best)];
}

const close = (actual: [number, number], expected: [number, number]) => {
  expect(actual[0]).toBeCloseTo(expected[0], 5);
  expect(actual[1]).toBeCloseTo(expected[1], 5);
};

describe('backdrop geometry', () => {
  it('puts the centre of a mono 360° picture straight ahead, its right quarter at yaw 90 and its top row up', () => {
    const g = geometry({ stereo: 'mono', span: 360 }, 'left');
    close(uvAt(g, 0, 0), [0.5, 0.5]);
    close(uvAt(g, 90, 0), [0.75, 0.5]);
    close(uvAt(g, -90, 0), [0.25, 0.5]);
    expect(uvAt(g, 0, 90)[1]).toBeGreaterThan(0.99); // flipY textures: v = 1 is the top row
    expect(g.groups).toHaveLength(1);
  });

  it('gives each eye its half of a top-bottom picture, the left eye the top', () => {
    close(uvAt(geometry({ stereo: 'top-bottom', span: 360 }, 'left'), 0, 0), [0.5, 0.75]);
    close(uvAt(geometry({ stereo: 'top-bottom', span: 360 }, 'right'), 0, 0), [0.5, 0.25]);
    // Straight up, each eye reaches the top row of its own half.
    expect(uvAt(geometry({ stereo: 'top-bottom', span: 360 }, 'right'), 0, 90)[1]).toBeCloseTo(0.5, 1);
  });

  it('gives each eye its half of a side-by-side picture, the left eye the left', () => {
    close(uvAt(geometry({ stereo: 'side-by-side', span: 360 }, 'left'), 0, 0), [0.25, 0.5]);
    close(uvAt(geometry({ stereo: 'side-by-side', span: 360 }, 'right'), 0, 0), [0.75, 0.5]);
    close(uvAt(geometry({ stereo: 'side-by-side', span: 360 }, 'right'), 90, 0), [0.875, 0.5]);
  });

  it('flips rows for top-down textures (KTX2), per eye half', () => {
    close(uvAt(geometry({ stereo: 'top-bottom', span: 360 }, 'left', true), 0, 0), [0.5, 0.25]);
    close(uvAt(geometry({ stereo: 'top-bottom', span: 360 }, 'right', true), 0, 0), [0.5, 0.75]);
    expect(uvAt(geometry({ stereo: 'mono', span: 360 }, 'left', true), 0, 90)[1]).toBeLessThan(0.01);
  });

  it('spreads a 180° picture over the front half only, with a background group behind', () => {
    const g = geometry({ stereo: 'mono', span: 180 }, 'left');
    close(uvAt(g, 0, 0), [0.5, 0.5]);
    close(uvAt(g, 90, 0), [1, 0.5]);
    close(uvAt(g, -45, 0), [0.25, 0.5]);
    const pos = g.getAttribute('position');
    const index = g.getIndex()!;
    const picture = g.groups.find((gr) => gr.materialIndex === PICTURE_GROUP)!;
    const behind = g.groups.find((gr) => gr.materialIndex === BEHIND_GROUP)!;
    const zs = (group: { start: number; count: number }) => Array.from({ length: group.count }, (_, k) => pos.getZ(index.getX(group.start + k)));
    expect(Math.max(...zs(picture))).toBeLessThan(1e-4); // ahead of the viewer (-Z) or beside
    expect(Math.min(...zs(behind))).toBeGreaterThan(-1e-4); // behind (+Z) or beside
    // VR180 side-by-side: 1:1 per eye, the right eye's yaw 90 is the image's right edge.
    close(uvAt(geometry({ stereo: 'side-by-side', span: 180 }, 'left'), 90, 0), [0.5, 0.5]);
    close(uvAt(geometry({ stereo: 'side-by-side', span: 180 }, 'right'), 90, 0), [1, 0.5]);
  });

  it('faces every triangle toward the viewer at the centre', () => {
    for (const span of [360, 180] as const) {
      const g = geometry({ stereo: 'mono', span }, 'left');
      const pos = g.getAttribute('position');
      const index = g.getIndex()!;
      let facing = 0;
      for (let i = 0; i < index.count; i += 3) {
        const [a, b, c] = [index.getX(i), index.getX(i + 1), index.getX(i + 2)].map((v) => [pos.getX(v), pos.getY(v), pos.getZ(v)] as const);
        const u = [b![0] - a![0], b![1] - a![1], b![2] - a![2]];
        const w = [c![0] - a![0], c![1] - a![1], c![2] - a![2]];
        const n = [u[1]! * w[2]! - u[2]! * w[1]!, u[2]! * w[0]! - u[0]! * w[2]!, u[0]! * w[1]! - u[1]! * w[0]!];
        const dot = n[0]! * a![0] + n[1]! * a![1] + n[2]! * a![2];
        if (Math.hypot(n[0]!, n[1]!, n[2]!) < 1e-9) continue; // degenerate at the poles
        if (dot < 0) facing++;
        else throw new Error(`triangle ${i / 3} of the ${span}° sphere faces away from the viewer`);
      }
      expect(facing).toBeGreaterThan(1000);
    }
  });

  it('reads the layout from the media, mono 360° for colours', () => {
    expect(layoutOfMedia({ type: 'color', color: '#000000' })).toEqual({ stereo: 'mono', span: 360 });
    expect(layoutOfMedia({ type: 'panorama', src: 'a.png', sources: [], stereo: 'top-bottom', span: 180 })).toEqual({ stereo: 'top-bottom', span: 180 });
  });
});

describe('WebXR media layer parameters', () => {
  it('maps the stereo packing to the layer layout', () => {
    expect(equirectLayerParameters({ stereo: 'mono', span: 360 }).layout).toBe('mono');
    expect(equirectLayerParameters({ stereo: 'top-bottom', span: 360 }).layout).toBe('stereo-top-bottom');
    expect(equirectLayerParameters({ stereo: 'side-by-side', span: 180 }).layout).toBe('stereo-left-right');
  });
  it('spans 2π for 360° and π for 180°, pole to pole', () => {
    expect(equirectLayerParameters({ stereo: 'mono', span: 360 })).toMatchObject({ centralHorizontalAngle: 2 * Math.PI, upperVerticalAngle: Math.PI / 2, lowerVerticalAngle: -Math.PI / 2 });
    expect(equirectLayerParameters({ stereo: 'top-bottom', span: 180 }).centralHorizontalAngle).toBeCloseTo(Math.PI, 10);
  });
});
