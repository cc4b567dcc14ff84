import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { type GazeSample, gazeGrid } from '../../src/records';
import { heatmapImage } from '../../src/studio/audience';
import { dragYaw, nextFrames, pageErrors, showSceneOnly, usePlayer, waitForApp, waitForHold } from './harness';

/**
 * The studio's preview pane draws a scene's gaze heatmap over the real player: the studio posts it
 * (src/app/preview-heatmap.ts), the stage lays it on a sphere inside the panorama. A hot spot at a
 * known yaw and pitch must show where the player itself says that direction is (its ?hotspots=1
 * yaw/pitch readout under the mouse), also across the ±180° seam.
 */
const open = usePlayer();
const VIEWPORT = { width: 960, height: 600 };

/** Opens the smallest film's square as an author preview, scene time held at 0, only the scene on show. */
async function openPreview(): Promise<Page> {
  const page = await open('?film=smallest&scene=square&hotspots=1', { viewport: VIEWPORT, pauseAt: { square: 0 } });
  await waitForApp(page, { status: 'playing', scene: 'square', media: 'ready' });
  await waitForHold(page, { scene: 'square' });
  await showSceneOnly(page);
  return page;
}

/** Posts a heatmap of these samples for the square, as the studio does, and waits until it is drawn. */
async function postHeatmap(page: Page, samples: GazeSample[]): Promise<void> {
  const { width, height, pixels } = heatmapImage(gazeGrid(samples), { width: 512 });
  await page.evaluate(
    ({ width, height, base64 }) => {
      const pixels = Uint8ClampedArray.from(atob(base64), (c) => c.charCodeAt(0));
      window.postMessage({ type: 'sightline.preview.heatmap', scene: 'square', heatmap: { width, height, pixels } }, window.location.origin);
    },
    { width, height, base64: Buffer.from(pixels).toString('base64') },
  );
  await page.waitForSelector('canvas[data-preview-heatmap="512x256"]', { state: 'attached' });
  await nextFrames(page, 3);
}

/** The canvas's pixels, with the mouse off the canvas (its readout hidden). */
async function shot(page: Page, name?: string): Promise<PNG> {
  await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
  await page.dispatchEvent('canvas', 'pointerleave');
  await nextFrames(page, 2);
  const png = await page.locator('canvas').screenshot();
  if (name) writeFileSync(`/tmp/${name}.png`, png);
  return PNG.sync.read(png);
}

/** How much redder each 8×8 cell got (the heatmap's hot end is red), smoothed; its peak and the cells above half of it. */
function redder(before: PNG, after: PNG) {
  const cell = 8;
  const cols = Math.floor(after.width / cell);
  const rows = Math.floor(after.height / cell);
  const gain = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let y = r * cell; y < (r + 1) * cell; y++)
        for (let x = c * cell; x < (c + 1) * cell; x++) {
          const i = (y * after.width + x) * 4;
          sum += after.data[i]! - after.data[i + 2]! - (before.data[i]! - before.data[i + 2]!);
        }
      gain[r * cols + c] = sum / (cell * cell);
    }
  let peak = 0;
  for (let i = 1; i < gain.length; i++) if (gain[i]! > gain[peak]!) peak = i;
  const centre = (i: number) => ({ x: ((i % cols) + 0.5) * cell, y: (Math.floor(i / cols) + 0.5) * cell });
  return { gain, cols, rows, peak: { ...centre(peak), gain: gain[peak]! }, centre };
}

/** The yaw and pitch the player says the mouse points at, once its readout shows. */
async function readoutAt(page: Page, x: number, y: number): Promise<{ yaw: number; pitch: number }> {
  await page.mouse.move(x + 1, y);
  await page.mouse.move(x, y);
  const readout = page.locator('.pointer-readout:not([hidden])');
  await readout.waitFor({ state: 'attached' });
  return { yaw: Number(await readout.getAttribute('data-yaw')), pitch: Number(await readout.getAttribute('data-pitch')) };
}

const yawApart = (a: number, b: number) => Math.abs((((a - b) % 360) + 540) % 360 - 180);
const around = (yaw: number, pitch: number, n = 60): GazeSample[] => Array.from({ length: n }, (_, i) => [i * 250, yaw, pitch]);

describe('the gaze heatmap in the studio preview', () => {
  it('draws a hot spot where the player says its yaw and pitch are', async () => {
    const page = await openPreview();
    // Turned left, away from the crack (yaw 90) and its outline.
    await dragYaw(page, -50);
    const before = await shot(page);
    await postHeatmap(page, around(-42.5, 7.5));
    const after = await shot(page, 'preview-heatmap');
    const { peak } = redder(before, after);
    expect(peak.gain).toBeGreaterThan(60);
    const at = await readoutAt(page, peak.x, peak.y);
    expect(yawApart(at.yaw, -42.5), `yaw ${at.yaw}`).toBeLessThan(3);
    expect(Math.abs(at.pitch - 7.5), `pitch ${at.pitch}`).toBeLessThan(3);
    // At the left edge of the view, some 60° from it, the scene is as it was.
    const { gain, cols } = redder(before, after);
    expect(Math.abs(gain[Math.floor(VIEWPORT.height / 2 / 8) * cols + 1]!)).toBeLessThan(2);
    expect(pageErrors(page)).toEqual([]);
  });

  it('wraps a hot spot on the seam behind the viewer across it', async () => {
    const page = await openPreview();
    for (let i = 0; i < 3; i++) await dragYaw(page, 60);
    const before = await shot(page);
    await postHeatmap(page, [...around(179, 0, 30), ...around(-179, 0, 30)]);
    const after = await shot(page, 'preview-heatmap-seam');
    const { gain, cols, peak, centre } = redder(before, after);
    expect(peak.gain).toBeGreaterThan(60);
    const at = await readoutAt(page, peak.x, peak.y);
    expect(yawApart(at.yaw, 180), `yaw ${at.yaw}`).toBeLessThan(3);
    // Along the peak's row, the warm stretch reaches both sides of the seam (yaw 170-odd on its left, -170-odd on its right).
    const row = Math.floor(peak.y / 8);
    let left = row * cols + Math.floor(peak.x / 8);
    let right = left;
    while (left % cols > 0 && gain[left - 1]! > peak.gain / 2) left--;
    while ((right + 1) % cols > 0 && gain[right + 1]! > peak.gain / 2) right++;
    const [leftEdge, rightEdge] = [await readoutAt(page, centre(left).x, centre(left).y), await readoutAt(page, centre(right).x, centre(right).y)];
    expect(leftEdge.yaw, 'the warm stretch starts right of the seam, before 180').toBeGreaterThan(170);
    expect(rightEdge.yaw, 'and ends left of it, after -180').toBeLessThan(-170);
    expect(pageErrors(page)).toEqual([]);
  });

  it('draws nothing once the studio takes it away, and listens only in author previews', async () => {
    const page = await openPreview();
    await postHeatmap(page, around(0, 0));
    await page.evaluate(() => window.postMessage({ type: 'sightline.preview.heatmap', scene: null, heatmap: null }, window.location.origin));
    await page.waitForSelector('canvas:not([data-preview-heatmap])', { state: 'attached' });

    const viewer = await open('?film=smallest&autoplay=1', { viewport: VIEWPORT, pauseAt: { square: 0 } });
    await waitForApp(viewer, { status: 'playing', scene: 'square', media: 'ready' });
    await viewer.evaluate(() => window.postMessage({ type: 'sightline.preview.heatmap', scene: 'square', heatmap: { width: 2, height: 1, pixels: new Uint8ClampedArray(8).fill(255) } }, window.location.origin));
    await nextFrames(viewer, 3);
    expect(await viewer.locator('canvas[data-preview-heatmap]').count()).toBe(0);
  });
});
